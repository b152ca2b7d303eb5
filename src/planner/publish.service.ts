// Publishing a scheduled draft through the VK API with the page's community token, exactly once:
// - a draft is claimed (scheduled → publishing) in one UPDATE, so two workers never both publish it;
// - each step's result (an uploaded photo, the video, the poll) is saved before the next, so a retry goes on
//   from there instead of uploading again;
// - wall.post carries the draft's key as its guid, so VK answers a repeated post (the process died between
//   VK's answer and our commit) with the post it already made;
// - a claim whose process died is released after a while, and the draft goes again, with the same guid.
// Failures follow VK's error classes: transient ones retry with a growing wait, the rest fail with the reason.
import { insertNotifications } from '../notifications/index.ts';
import { crashPoint } from '../platform/crash-points.ts';
import type { Db } from '../platform/db.ts';
import { inTransaction } from '../platform/db.ts';
import type { DraftKind } from '../platform/db-schema.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { classify, communityTokenOf, VkApiError, VkTransportError, vkRequest } from '../vk/index.ts';
import { attachmentCounts, type DraftContent, messageOf } from './draft-content.ts';
import { type DraftRow, draftById, dueDrafts, releaseStaleClaims, updateDraft } from './planner.repo.ts';
import { type FileStore, fileBytes } from './planner-files.service.ts';

export type VkPublishing = {
  baseUrl: string;
  secrets: SecretBox | null;
  /** Where the drafts' files are on disk (files stored before 0016d are read from the database). */
  files?: FileStore;
};

/** What publishing did so far; saved after each step. */
type PublishState = {
  photos?: Record<string, string>;
  media?: string;
  poll?: string;
  stream?: { url: string; key: string };
};

/** Transient failures retry this often, the wait doubling from 30 s to an hour: about half a day in all. */
const MAX_ATTEMPTS = 16;
/** A claim older than this belongs to a process that died (a publication takes seconds). */
export const STALE_CLAIM_SECONDS = 600;

export type PublishOutcome =
  | { status: 'published'; postId: number }
  | { status: 'retry'; error: string; at: number }
  | { status: 'failed'; error: string }
  | { status: 'skipped' };

class PublishError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

async function call<T>(
  vk: VkPublishing,
  token: string,
  method: string,
  params: Record<string, string | number>,
) {
  return (await vkRequest(vk.baseUrl, method, params, token)) as T;
}

/** The second step of VK's upload flows: the file, as multipart, to the address VK gave. */
async function upload(url: string, field: string, file: { name: string; mime: string; data: Buffer }) {
  const form = new FormData();
  form.set(field, new Blob([new Uint8Array(file.data)], { type: file.mime }), file.name);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    throw new VkTransportError('network', `upload: ${(error as Error).message}`);
  }
  if (res.status >= 500) throw new VkTransportError('http', `upload: HTTP ${res.status}`);
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || body.error)
    throw new PublishError(`upload refused: ${String(body?.error ?? res.status)}`, false);
  return body;
}

async function fileOf(db: Db, files: FileStore | undefined, id: number) {
  const file = await fileBytes(db, files, id);
  if (!file) throw new PublishError(`file ${id} of the draft is gone`, true);
  return file;
}

async function saveState(db: Db, id: number, state: PublishState) {
  await updateDraft(db, id, ['publishing'], { publish_state_json: JSON.stringify(state) });
}

/** Each attachment of the draft on VK, made (or found made) step by step. */
async function attachments(
  db: Db,
  vk: VkPublishing,
  token: string,
  draft: DraftRow,
  groupId: number,
  state: PublishState,
): Promise<string[]> {
  const content = JSON.parse(draft.content_json) as DraftContent;
  const out: string[] = [];
  state.photos ??= {};
  for (const fileId of content.photos ?? []) {
    let key = state.photos[fileId];
    if (!key) {
      const server = await call<{ upload_url: string }>(vk, token, 'photos.getWallUploadServer', {
        group_id: groupId,
      });
      const sent = await upload(server.upload_url, 'photo', await fileOf(db, vk.files, fileId));
      const saved = await call<{ id: number; owner_id: number }[]>(vk, token, 'photos.saveWallPhoto', {
        group_id: groupId,
        photo: String(sent.photo),
        server: String(sent.server),
        hash: String(sent.hash),
      });
      const photo = saved[0];
      if (!photo) throw new PublishError('photos.saveWallPhoto returned no photo', false);
      key = `photo${photo.owner_id}_${photo.id}`;
      state.photos[fileId] = key;
      await saveState(db, draft.id, state);
    }
    out.push(key);
  }
  if (!state.media && (draft.kind === 'video' || draft.kind === 'clip') && content.file) {
    const file = await fileOf(db, vk.files, content.file);
    const made =
      draft.kind === 'video'
        ? await call<{ upload_url: string; video_id: number; owner_id: number }>(vk, token, 'video.save', {
            group_id: groupId,
            name: content.title ?? draft.title,
            description: draft.text.slice(0, 5000),
            wallpost: 0,
          })
        : await call<{ upload_url: string; video_id: number; owner_id: number }>(
            vk,
            token,
            'shortVideo.create',
            {
              group_id: groupId,
              file_size: file.data.length,
              description: (content.title ?? draft.title).slice(0, 500),
            },
          );
    await upload(made.upload_url, 'video_file', file);
    state.media = `${draft.kind === 'clip' ? 'clip' : 'video'}${made.owner_id}_${made.video_id}`;
    await saveState(db, draft.id, state);
  }
  if (!state.media && draft.kind === 'live') {
    const live = await call<{ video_id: number; owner_id: number; stream?: { url: string; key: string } }>(
      vk,
      token,
      'video.startStreaming',
      {
        group_id: groupId,
        name: content.title ?? draft.title,
        description: draft.text.slice(0, 5000),
        wallpost: 0,
      },
    );
    state.media = `video${live.owner_id}_${live.video_id}`;
    if (live.stream) state.stream = live.stream;
    await saveState(db, draft.id, state);
  }
  if (state.media) out.push(state.media);
  if (!state.poll && draft.kind === 'poll' && content.poll) {
    const poll = await call<{ id: number; owner_id: number }>(vk, token, 'polls.create', {
      owner_id: -groupId,
      question: content.poll.question,
      add_answers: JSON.stringify(content.poll.options),
      is_multiple: content.poll.multiple ? 1 : 0,
      end_date: content.poll.endsAt,
    });
    state.poll = `poll${poll.owner_id}_${poll.id}`;
    await saveState(db, draft.id, state);
  }
  if (state.poll) out.push(state.poll);
  return out;
}

/** Publishes one due draft (if it is still scheduled and nobody else took it). */
export async function publishDraft(
  db: Db,
  vk: VkPublishing,
  id: number,
  now: number,
): Promise<PublishOutcome> {
  const claimed = await updateDraft(db, id, ['scheduled'], { status: 'publishing', claimed_at: now });
  if (!claimed) return { status: 'skipped' };
  const draft = (await draftById(db, id)) as DraftRow;
  const attempts = draft.attempts + 1;
  let posting = false;
  try {
    const page = await db.kysely
      .selectFrom('pages')
      .select(['external_id', 'platform', 'institution_id'])
      .where('id', '=', draft.page_id)
      .executeTakeFirst();
    if (!page?.external_id || page.platform !== 'vk')
      throw new PublishError('the page has no VK community', true);
    const token = await communityTokenOf(db, vk.secrets, draft.page_id);
    if (!token)
      throw new PublishError(
        `the page has no community token: add one with publica vk-token add LABEL --kind community --page ${draft.page_id}`,
        true,
      );
    const state = JSON.parse(draft.publish_state_json) as PublishState;
    const attached = await attachments(db, vk, token, draft, page.external_id, state);
    // From here a failure is ambiguous (VK may have made the post): the retry must come within guid's hour.
    posting = true;
    const posted = await call<{ post_id: number }>(vk, token, 'wall.post', {
      owner_id: -page.external_id,
      from_group: 1,
      message: messageOf(draft.text, draft.rubric),
      ...(attached.length ? { attachments: attached.join(',') } : {}),
      guid: draft.idempotency_key,
    });
    crashPoint('planner.after-post');
    await recordPublished(db, draft, posted.post_id, attempts, now);
    return { status: 'published', postId: posted.post_id };
  } catch (error) {
    return failOrRetry(db, draft, attempts, error, now, posting);
  }
}

/** The post goes into the page's posts at once (the next collection updates it), and the draft is done. */
async function recordPublished(db: Db, draft: DraftRow, postId: number, attempts: number, now: number) {
  const counts = attachmentCounts(draft.kind as DraftKind, JSON.parse(draft.content_json) as DraftContent);
  await inTransaction(db, async (tx) => {
    await tx.kysely
      .insertInto('posts')
      .values({
        page_id: draft.page_id,
        vk_id: postId,
        posted_at: now,
        edited_at: null,
        text: messageOf(draft.text, draft.rubric),
        ...counts,
        docs: 0,
        links: 0,
        podcasts: 0,
        audios: 0,
        likes: 0,
        comments: 0,
        reposts: 0,
        views: 0,
        is_pinned: 0,
        is_ad: 0,
        is_repost: 0,
        repost_owner_id: null,
        repost_post_id: null,
        comments_closed: 0,
        is_deleted: 0,
        collected_at: now,
      })
      .onConflict((oc) => oc.columns(['page_id', 'vk_id']).doNothing())
      .execute();
    await updateDraft(tx, draft.id, ['publishing'], {
      status: 'published',
      vk_post_id: postId,
      published_at: now,
      attempts,
      claimed_at: null,
      last_error: null,
      next_attempt_at: null,
      updated_at: now,
    });
  });
}

function reasonOf(error: unknown): string {
  if (error instanceof VkApiError || error instanceof VkTransportError || error instanceof PublishError)
    return error.message;
  return `unexpected: ${(error as Error)?.message ?? String(error)}`;
}

async function failOrRetry(
  db: Db,
  draft: DraftRow,
  attempts: number,
  error: unknown,
  now: number,
  ambiguous: boolean,
) {
  const reason = reasonOf(error);
  const kind = error instanceof PublishError ? (error.permanent ? 'fatal' : 'retry') : classify(error);
  // Transient (5xx, timeouts, 6, 9, 10) and the daily budget (29) wait and go again; the rest need a person.
  const again = (kind === 'retry' || kind === 'quota') && attempts < MAX_ATTEMPTS;
  if (again) {
    // After an unanswered wall.post the next attempt comes within a minute, well inside guid's hour, so a post
    // VK did make is found again instead of made twice.
    const backoff = kind === 'quota' ? 3600 : Math.min(3600, 30 * 2 ** (attempts - 1));
    const wait = ambiguous && error instanceof VkTransportError ? Math.min(backoff, 60) : backoff;
    await updateDraft(db, draft.id, ['publishing'], {
      status: 'scheduled',
      attempts,
      claimed_at: null,
      last_error: reason,
      next_attempt_at: now + wait,
      updated_at: now,
    });
    return { status: 'retry' as const, error: reason, at: now + wait };
  }
  await updateDraft(db, draft.id, ['publishing'], {
    status: 'failed',
    attempts,
    claimed_at: null,
    last_error: kind === 'auth' ? `VK refused the community token (${reason}): issue a new one` : reason,
    updated_at: now,
  });
  const page = await db.kysely
    .selectFrom('pages')
    .select('institution_id')
    .where('id', '=', draft.page_id)
    .executeTakeFirst();
  await insertNotifications(db, [
    {
      institutionId: page?.institution_id ?? null,
      kind: 'publish_failed',
      params: { title: draft.title, reason, draftId: draft.id },
      link: `/planner/${draft.page_id}?draft=${draft.id}`,
      key: `publish_failed:${draft.id}:${attempts}`,
      at: now,
    },
  ]);
  return { status: 'failed' as const, error: reason };
}

/**
 * Publishes every due draft: first releases claims of processes that died, then publishes, a few pages at a
 * time (each page's own token keeps to its own rate). Returns what happened to each.
 */
export async function publishDue(
  db: Db,
  vk: VkPublishing,
  now: number,
  options: { limit?: number; parallel?: number; staleSeconds?: number } = {},
) {
  await releaseStaleClaims(db, now - (options.staleSeconds ?? STALE_CLAIM_SECONDS));
  const due = await dueDrafts(db, now, options.limit ?? 2000);
  const outcomes = new Map<number, PublishOutcome>();
  const queue = [...due];
  const workers = Array.from({ length: Math.min(options.parallel ?? 4, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift())
      outcomes.set(
        next.id,
        await publishDraft(db, vk, next.id, Math.max(now, Math.floor(Date.now() / 1000))),
      );
  });
  await Promise.all(workers);
  return outcomes;
}
