// `publica vk check`: for an operator's first day with real tokens. Each token makes each read-only method of the
// table once, through a pool of its own (its per-second limit and retries hold), against one community; the
// answer is what works, VK's error where not, and which Publica features the token's kind enables. Nothing is
// written on VK: write methods are never called (their token kinds come from the table; see docs/vk.md).
import { isVkIdToken, METHOD_TABLE, type TokenKind, tokenMayCall, vkIdRefuses } from './methods/index.ts';
import { PoolExhaustedError, TokenPool } from './token-pool.ts';
import { VkApiError, VkTransportError, vkRequest } from './vk-client.ts';

export type CheckToken = {
  label: string;
  kind: TokenKind;
  token: string;
  scopes?: string[] | null;
  /** The community to read with this token (its page's); otherwise the check's. */
  communityId?: number | null;
};

export type CheckResult = 'ok' | 'vk-error' | 'not-allowed' | 'skipped' | 'failed';

export type CheckRow = {
  label: string;
  kind: TokenKind;
  method: string;
  result: CheckResult;
  /** VK's error code, where VK refused. */
  code?: number;
  detail: string;
};

export type TokenVerdict = { label: string; kind: TokenKind; scopes: string[] | null; features: string[] };

/** Publica's features and the methods each needs (all of them, for the token's kind). */
const FEATURES: [string, string[]][] = [
  ['collecting walls and comments', ['wall.get', 'wall.getComments']],
  ['batched collection (execute)', ['execute']],
  ['community profiles', ['groups.getById']],
  ['addresses and opening hours', ['groups.getAddresses']],
  ['text posts', ['wall.post']],
  ['comment replies', ['wall.createComment']],
  ['photo posts', ['photos.getWallUploadServer', 'photos.saveWallPhoto', 'wall.post']],
  ['videos', ['video.save', 'wall.post']],
  ['clips', ['shortVideo.create', 'wall.post']],
  ['polls', ['polls.create', 'wall.post']],
  ['live broadcasts', ['video.startStreaming', 'wall.post']],
  ['community messages', ['messages.getConversations', 'messages.getHistory', 'messages.send']],
  ['new comments and messages in seconds (Bots Long Poll)', ['groups.getLongPollServer']],
];

function featuresOf(kind: TokenKind, token: string): string[] {
  const may = (m: string) =>
    tokenMayCall(kind, m) && !(isVkIdToken(token) && vkIdRefuses(m)) && (m !== 'execute' || kind === 'user'); // the pool batches with user tokens only
  return FEATURES.filter(([, methods]) => methods.every(may)).map(([name]) => name);
}

type Probe = (community: number, postId: number | null) => Record<string, string | number> | null;

/** The parameters of each read method's probe; null: cannot be probed (no post to read comments of). */
const PROBES: Record<string, Probe> = {
  execute: (g) => ({ code: `return API.groups.getById({"group_ids": "${g}"});` }),
  'groups.getAddresses': (g) => ({ group_id: g, count: 1 }),
  'groups.getById': (g) => ({ group_ids: g }),
  'groups.getLongPollServer': (g) => ({ group_id: g }),
  'messages.getConversations': (g) => ({ group_id: g, count: 1 }),
  // A conversation is a person's: there is none to name before the conversations are read.
  'messages.getHistory': () => null,
  'utils.resolveScreenName': (g) => ({ screen_name: `club${g}` }),
  'wall.get': (g) => ({ owner_id: -g, count: 1 }),
  'wall.getById': (g, post) => ({ posts: `-${g}_${post ?? 1}` }),
  'wall.getComments': (g, post) => (post === null ? null : { owner_id: -g, post_id: post, count: 1 }),
};

function describe(error: unknown): { result: CheckResult; code?: number; detail: string } {
  const root = error instanceof PoolExhaustedError && error.cause ? error.cause : error;
  if (root instanceof VkApiError) return { result: 'vk-error', code: root.code, detail: root.message };
  if (root instanceof VkTransportError) return { result: 'failed', detail: root.message };
  return { result: 'failed', detail: (root as Error)?.message ?? String(root) };
}

function firstPostId(response: unknown): number | null {
  const items = (response as { items?: { id?: unknown }[] } | null)?.items;
  const id = items?.[0]?.id;
  return typeof id === 'number' ? id : null;
}

/**
 * A read the table says the token's kind may not make: asked of VK once, directly (the pool would refuse it),
 * so the check shows VK's own refusal, or that VK answered and the table needs checking.
 */
async function outsideTable(
  baseUrl: string,
  t: CheckToken,
  method: string,
  params: Record<string, string | number>,
): Promise<Omit<CheckRow, 'label' | 'kind' | 'method'>> {
  try {
    await vkRequest(baseUrl, method, params, t.token);
    return {
      result: 'ok',
      detail: tokenMayCall(t.kind, method)
        ? `VK answered; Publica batches with user tokens only`
        : `VK answered, though the method table does not allow a ${t.kind} token: the table needs checking`,
    };
  } catch (error) {
    const verdict = describe(error);
    return verdict.code === undefined
      ? verdict
      : { ...verdict, result: 'not-allowed', detail: `${verdict.detail} (as the method table expects)` };
  }
}

export async function checkVkTokens(
  baseUrl: string,
  tokens: CheckToken[],
  communityId: number,
): Promise<{ rows: CheckRow[]; tokens: TokenVerdict[] }> {
  const rows: CheckRow[] = [];
  const readMethods = [...METHOD_TABLE.values()].filter((m) => m.readOnly).map((m) => m.name);
  for (const t of tokens) {
    const pool = new TokenPool([{ token: t.token, kind: t.kind }], {
      baseUrl,
      maxRetries: 1,
      backoffMs: 200,
    });
    const community = t.communityId ?? communityId;
    let postId: number | null = null;
    // wall.get first: its post is what wall.getById and wall.getComments read.
    const ordered = ['wall.get', ...readMethods.filter((m) => m !== 'wall.get')].filter((m) =>
      readMethods.includes(m),
    );
    let refused: string | null = null;
    for (const method of ordered) {
      const row = { label: t.label, kind: t.kind, method };
      if (refused) {
        rows.push({ ...row, result: 'skipped', detail: `the token was refused: ${refused}` });
        continue;
      }
      const probe = PROBES[method];
      const params = probe ? probe(community, postId) : null;
      if (!params) {
        rows.push({
          ...row,
          result: 'skipped',
          detail: !probe
            ? 'no probe defined for this method'
            : method === 'messages.getHistory'
              ? 'no conversation to read: a person’s, read only where one exists'
              : 'no post to read comments of',
        });
        continue;
      }
      // The pool batches (execute) with user tokens only, though VK allows community tokens too.
      if (!pool.canCall(method) || (method === 'execute' && t.kind !== 'user')) {
        rows.push({ ...row, ...(await outsideTable(baseUrl, t, method, params)) });
        continue;
      }
      try {
        const response = await pool.call(method, params);
        if (method === 'wall.get') postId = firstPostId(response);
        rows.push({ ...row, result: 'ok', detail: `answered for community ${community}` });
      } catch (error) {
        const verdict = describe(error);
        rows.push({ ...row, ...verdict });
        if (verdict.code === 5) refused = `VK error 5 (${verdict.detail})`;
      }
    }
  }
  return {
    rows,
    tokens: tokens.map((t) => ({
      label: t.label,
      kind: t.kind,
      scopes: t.scopes ?? null,
      features: featuresOf(t.kind, t.token),
    })),
  };
}
