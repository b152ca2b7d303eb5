// One draft published to the institution's OK group and MAX channel, exactly once each. Neither network takes
// an idempotency key (OK's mediatopic.post, MAX's POST /messages), so Publica keeps its own: the row is marked
// `sent` (with when) before the call goes out; a call whose answer was lost (a timeout, a dropped connection,
// a 5xx) leaves it `sent`, and the next attempt first reads the page back from that moment and takes the post
// it finds with the draft's text instead of posting again. A refusal the network states (not a transient one)
// fails the row with the reason. VK's own publication (wall.post with the draft's guid) is publish.service.ts.
import {
  classifyMax,
  classifyOk,
  type MaxClient,
  OK,
  type OkClient,
  parseMaxMessages,
  parseOkTopics,
  publishMaxPost,
  publishOkTopic,
} from '../networks/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { messageOf, parseContent } from './draft-content.ts';
import {
  draftsDueOnNetworks,
  ensureNetworkPosts,
  listNetworkPosts,
  type NetworkPostRow,
  networkPagesOfDraft,
  updateNetworkPost,
} from './network-posts.repo.ts';
import { draftById } from './planner.repo.ts';

export type NetworkClients = { ok?: OkClient; max?: MaxClient };

/** MAX takes up to 4,000 characters in a message. */
const MAX_TEXT = 4000;
/** A post found on reading back counts when made from this long before the first call (clocks differ). */
const SLACK_SECONDS = 60;

type Adapted = { text: string; poll?: { question: string; answers: string[]; multiple: boolean } };

/** The draft for each network: OK takes the text and the poll; MAX takes text only (the poll written out). */
export function adaptDraft(
  draft: { kind: string; text: string; rubric: string | null; content_json: string },
  network: 'ok' | 'max',
): Adapted {
  const content = parseContent(draft.kind as never, JSON.parse(draft.content_json));
  const message = messageOf(draft.text, draft.rubric);
  const poll = content.poll
    ? { question: content.poll.question, answers: content.poll.options, multiple: content.poll.multiple }
    : undefined;
  if (network === 'ok') return { text: message, ...(poll ? { poll } : {}) };
  const written = poll ? `${poll.question}\n${poll.answers.map((a) => `— ${a}`).join('\n')}` : '';
  const text = [message, written].filter(Boolean).join('\n\n');
  return { text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text };
}

/** One pass over the draft's networks; call again for rows left `pending` or `sent` (a retry). */
export async function publishToNetworks(
  db: Db,
  draftId: number,
  clients: NetworkClients,
  now: () => number = Date.now,
): Promise<NetworkPostRow[]> {
  const draft = await draftById(db, draftId);
  if (!draft) throw new AppError('NOT_FOUND', `no draft ${draftId}`);
  const sec = () => Math.floor(now() / 1000);
  const pages = (await networkPagesOfDraft(db, draftId)).filter(
    (p) => p.external_id !== null && p.status === 'active' && clients[p.platform as 'ok' | 'max'],
  );
  await ensureNetworkPosts(
    db,
    draftId,
    pages.map((p) => ({ id: p.id, network: p.platform as 'ok' | 'max' })),
    sec(),
  );
  const byPage = new Map(pages.map((p) => [p.id, String(p.external_id)]));
  for (const row of await listNetworkPosts(db, draftId)) {
    if (row.status === 'published' || row.status === 'failed') continue;
    const externalId = byPage.get(row.page_id);
    if (!externalId) continue;
    await publishOne(db, row, externalId, adaptDraft(draft, row.network), clients, sec);
  }
  return listNetworkPosts(db, draftId);
}

/** A draft goes to the other networks up to this long after its time (a draft older than that stays off them). */
export const NETWORK_PUBLISH_WINDOW_SECONDS = 3 * 86_400;

/**
 * The scheduled job's pass (planner.publish-due): every draft whose time has come and that still owes a post
 * to an OK group or MAX channel gets one pass of `publishToNetworks`. Rows left `sent` or `pending` are picked
 * up by the next run, so a retry never posts twice. Returns the rows' statuses counted by network.
 */
export async function publishNetworksDue(
  db: Db,
  clients: NetworkClients,
  now: () => number = Date.now,
  limit = 500,
): Promise<Record<string, number>> {
  const networks = (['ok', 'max'] as const).filter((n) => clients[n]);
  const counts: Record<string, number> = {};
  if (networks.length === 0) return counts;
  const at = Math.floor(now() / 1000);
  const due = await draftsDueOnNetworks(db, [...networks], {
    now: at,
    since: at - NETWORK_PUBLISH_WINDOW_SECONDS,
    limit,
  });
  for (const { id } of due)
    for (const row of await publishToNetworks(db, id, clients, now)) {
      const key = `${row.network}_${row.status}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  return counts;
}

async function publishOne(
  db: Db,
  row: NetworkPostRow,
  target: string,
  adapted: Adapted,
  clients: NetworkClients,
  sec: () => number,
): Promise<void> {
  if (row.status === 'sent' && row.sent_at !== null) {
    let found: string | null;
    try {
      found = await findSent(row.network, target, adapted.text, row.sent_at - SLACK_SECONDS, clients);
    } catch (error) {
      // Not knowing whether the post is there, posting again could double it: the next attempt reads again.
      await updateNetworkPost(db, row.id, 'sent', {
        last_error: (error as Error).message,
        updated_at: sec(),
      });
      return;
    }
    if (found) {
      await updateNetworkPost(db, row.id, 'sent', {
        status: 'published',
        external_id: found,
        last_error: null,
        updated_at: sec(),
      });
      return;
    }
  }
  // Marked sent before the call: whatever happens to the answer, the next attempt reads the page back first.
  const sentAt = row.sent_at ?? sec();
  if (
    !(await updateNetworkPost(db, row.id, row.status, {
      status: 'sent',
      sent_at: sentAt,
      attempts: row.attempts + 1,
      updated_at: sec(),
    }))
  )
    return;
  try {
    const id =
      row.network === 'ok'
        ? await publishOkTopic(clients.ok as OkClient, target, {
            text: adapted.text,
            ...(adapted.poll ? { poll: adapted.poll } : {}),
          })
        : await publishMaxPost(clients.max as MaxClient, Number(target), adapted.text);
    await updateNetworkPost(db, row.id, 'sent', {
      status: 'published',
      external_id: id,
      last_error: null,
      updated_at: sec(),
    });
  } catch (error) {
    const kind = row.network === 'ok' ? classifyOk(error) : classifyMax(error);
    const message = (error as Error).message;
    await updateNetworkPost(db, row.id, 'sent', {
      ...(kind === 'retry' || kind === 'quota' ? {} : { status: 'failed' as const }),
      last_error: message,
      updated_at: sec(),
    });
  }
}

/** The post with this text made since `from` (unix seconds) on the page, if the network shows one. */
async function findSent(
  network: 'ok' | 'max',
  target: string,
  text: string,
  from: number,
  clients: NetworkClients,
): Promise<string | null> {
  const posts =
    network === 'ok'
      ? parseOkTopics(await (clients.ok as OkClient).call(OK.mediatopicGetTopics, { gid: target, count: 20 }))
      : parseMaxMessages(
          await (clients.max as MaxClient).request('GET', '/messages', {
            chat_id: Number(target),
            count: 50,
          }),
        );
  return posts.find((p) => p.postedAt >= from && p.text === text)?.id ?? null;
}
