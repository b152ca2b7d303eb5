// Publishing a scheduled draft through the VK port with the page's tokens, exactly once. VK makes photos,
// videos, clips, polls and live broadcasts only with a user token (its schema; a community token answers 27),
// so those need the page admin's user token; a text post goes with either (the community token: public reports).
// Exactly once:
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
import type { SecretBox } from '../platform/secret-box.ts';
import {
  classify,
  PoolExhaustedError,
  pagePool,
  pageTokensOf,
  type TokenPool,
  UploadRefusedError,
  VkApiError,
  VkTransportError,
  vkCall,
  vkMethods,
} from '../vk/index.ts';
import { type DraftContent, messageOf } from './draft-content.ts';
import { type DraftRow, draftById, dueDrafts, releaseStaleClaims, updateDraft } from './planner.repo.ts';
import { type FileStore, fileBytes } from './planner-files.service.ts';
import { handOffQueue, handOffTime } from './publish-hand-off.ts';
import { recordPublished } from './publish-record.ts';
import { methodsOf, missingTokenMessage } from './publish-tokens.ts';

export type VkPublishing = {
  baseUrl: string;
  secrets: SecretBox | null;
  /** Where the drafts' files are on disk (files stored before 0016d are read from the database). */
  files?: FileStore;
};

/** What publishing did so far; saved after each step. */
type PublishState = {
  /** The time VK was asked to publish the post at (wall.post's publish_date): VK holds it till then. */
  postponedTo?: number;
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

/** The second step of VK's upload flows: the file, as multipart, to the address VK gave (through the pool). */
async function upload(
  pool: TokenPool,
  url: string,
  field: string,
  file: { name: string; mime: string; data: Buffer },
) {
  try {
    return await pool.upload(url, field, file);
  } catch (error) {
    if (error instanceof UploadRefusedError) throw new PublishError(error.message, false);
    throw error;
  }
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
  files: FileStore | undefined,
  pool: TokenPool,
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
      const server = await vkCall(pool, vkMethods.photosGetWallUploadServer, { group_id: groupId });
      const sent = await upload(pool, server.upload_url, 'photo', await fileOf(db, files, fileId));
      const photo = await vkCall(pool, vkMethods.photosSaveWallPhoto, {
        group_id: groupId,
        photo: String(sent.photo),
        server: String(sent.server),
        hash: String(sent.hash),
      });
      key = `photo${photo.owner_id}_${photo.id}`;
      state.photos[fileId] = key;
      await saveState(db, draft.id, state);
    }
    out.push(key);
  }
  if (!state.media && (draft.kind === 'video' || draft.kind === 'clip') && content.file) {
    const file = await fileOf(db, files, content.file);
    const made =
      draft.kind === 'video'
        ? await vkCall(pool, vkMethods.videoSave, {
            group_id: groupId,
            name: content.title ?? draft.title,
            description: draft.text.slice(0, 5000),
            wallpost: 0,
          })
        : await vkCall(pool, vkMethods.shortVideoCreate, {
            group_id: groupId,
            file_size: file.data.length,
            description: (content.title ?? draft.title).slice(0, 500),
          });
    await upload(pool, made.upload_url, 'video_file', file);
    state.media = `${draft.kind === 'clip' ? 'clip' : 'video'}${made.owner_id}_${made.video_id}`;
    await saveState(db, draft.id, state);
  }
  if (!state.media && draft.kind === 'live') {
    const live = await vkCall(pool, vkMethods.videoStartStreaming, {
      group_id: groupId,
      name: content.title ?? draft.title,
      description: draft.text.slice(0, 5000),
      wallpost: 0,
    });
    state.media = `video${live.owner_id}_${live.video_id}`;
    if (live.stream) state.stream = live.stream;
    await saveState(db, draft.id, state);
  }
  if (state.media) out.push(state.media);
  if (!state.poll && draft.kind === 'poll' && content.poll) {
    const poll = await vkCall(pool, vkMethods.pollsCreate, {
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

/**
 * Publishes one due draft (if it is still scheduled and nobody else took it).
 * `handOff`: a draft due later than HAND_OFF_LEAD_SECONDS from now goes to VK at once as a postponed post
 * (wall.post's publish_date = its time): VK publishes it then, even while Publica is down. Live broadcasts never:
 * they start when they are made.
 */
export async function publishDraft(
  db: Db,
  vk: VkPublishing,
  id: number,
  now: number,
  options: { handOff?: boolean } = {},
): Promise<PublishOutcome> {
  const claimed = await updateDraft(db, id, ['scheduled'], { status: 'publishing', claimed_at: now });
  if (!claimed) return { status: 'skipped' };
  const draft = (await draftById(db, id)) as DraftRow;
  const attempts = draft.attempts + 1;
  const postponeTo = handOffTime(draft, now, options.handOff);
  let posting = false;
  try {
    const page = await db.kysely
      .selectFrom('pages')
      .select(['external_id', 'platform', 'institution_id'])
      .where('id', '=', draft.page_id)
      .executeTakeFirst();
    if (!page?.external_id || page.platform !== 'vk')
      throw new PublishError('the page has no VK community', true);
    const tokens = await pageTokensOf(db, vk.secrets, draft.page_id);
    const pool = pagePool(vk.baseUrl, [
      ...(tokens.user ? [{ token: tokens.user, kind: 'user' as const }] : []),
      ...(tokens.community ? [{ token: tokens.community, kind: 'community' as const }] : []),
    ]);
    const content = JSON.parse(draft.content_json) as DraftContent;
    const missing = methodsOf(draft.kind, content).filter((m) => !pool.canCall(m));
    if (missing.length > 0) throw new PublishError(missingTokenMessage(draft.page_id, tokens, missing), true);
    const state = JSON.parse(draft.publish_state_json) as PublishState;
    const attached = await attachments(db, vk.files, pool, draft, page.external_id, state);
    // From here a failure is ambiguous (VK may have made the post): the retry must come within guid's hour.
    posting = true;
    const posted = await vkCall(pool, vkMethods.wallPost, {
      owner_id: -page.external_id,
      from_group: 1,
      message: messageOf(draft.text, draft.rubric),
      ...(attached.length ? { attachments: attached.join(',') } : {}),
      guid: draft.idempotency_key,
      ...(postponeTo !== null ? { publish_date: postponeTo } : {}),
    });
    crashPoint('planner.after-post');
    await recordPublished(db, draft, posted.post_id, attempts, now, postponeTo);
    return { status: 'published', postId: posted.post_id };
  } catch (error) {
    return failOrRetry(db, draft, attempts, error, now, posting);
  }
}

/** VK's error for a community wall past its daily limit of posts (50 a day; see docs/vk.md). */
const POST_LIMIT_ERROR = 214;
/** A wall past its daily limit is tried again this much later (VK's day is a rolling one). */
const POST_LIMIT_WAIT = 4 * 3600;

/** The wall took its 50 posts of the day: nothing is wrong with the draft, it waits and goes again. */
async function retryAfterPostLimit(db: Db, draft: DraftRow, attempts: number, now: number) {
  const at = now + POST_LIMIT_WAIT;
  const reason =
    `VK's daily limit of posts on this community's wall is reached (error 214: at most 50 posts a day): ` +
    `the post was not made and goes again at ${new Date(at * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  await updateDraft(db, draft.id, ['publishing'], {
    status: 'scheduled',
    attempts,
    claimed_at: null,
    last_error: reason,
    next_attempt_at: at,
    updated_at: now,
  });
  return { status: 'retry' as const, error: reason, at };
}

function reasonOf(error: unknown): string {
  if (error instanceof PoolExhaustedError && error.cause) return reasonOf(error.cause);
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
  // The pool gives up with VK's own error as the cause (a refused or over-quota token): that decides.
  const root = error instanceof PoolExhaustedError && error.cause ? error.cause : error;
  if (root instanceof VkApiError && root.code === POST_LIMIT_ERROR && attempts < MAX_ATTEMPTS)
    return retryAfterPostLimit(db, draft, attempts, now);
  const reason = reasonOf(error);
  const kind = root instanceof PublishError ? (root.permanent ? 'fatal' : 'retry') : classify(root);
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
    last_error: kind === 'auth' ? `VK refused the page's token (${reason}): issue a new one` : reason,
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
  options: { limit?: number; parallel?: number; staleSeconds?: number; handOffSeconds?: number } = {},
) {
  await releaseStaleClaims(db, now - (options.staleSeconds ?? STALE_CLAIM_SECONDS));
  const due = await dueDrafts(db, now, options.limit ?? 2000);
  // Drafts due within the hand-off window go to VK now as postponed posts (publish_date): VK holds them.
  const handOff = await handOffQueue(db, now, options.handOffSeconds, options.limit ?? 2000);
  const outcomes = new Map<number, PublishOutcome>();
  const queue = [
    ...due.map((d) => ({ ...d, handOff: false })),
    ...handOff.map((d) => ({ ...d, handOff: true })),
  ];
  const workers = Array.from({ length: Math.min(options.parallel ?? 4, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift())
      outcomes.set(
        next.id,
        await publishDraft(db, vk, next.id, Math.max(now, Math.floor(Date.now() / 1000)), {
          handOff: next.handOff,
        }),
      );
  });
  await Promise.all(workers);
  return outcomes;
}
