// The pool of VK tokens: each token keeps to its own requests per second (its SecondWindow) and daily quota per
// method; the pool picks a token allowed to make the call, retries with backoff what may pass later, parks a
// token whose quota is spent (29) and drops a token VK refuses (5).
import crypto from 'node:crypto';
import { isVkIdToken, methodRow, type TokenKind, tokenMayCall, vkIdRefuses } from './methods/index.ts';
import { SecondWindow } from './second-window.ts';
import { classify, type ExecuteResult, VkApiError, VkTransportError, vkRequest } from './vk-client.ts';

export type { TokenKind };

export type PoolTokenSpec = {
  token: string;
  kind: TokenKind;
  perSecond?: number;
  dailyQuota?: Record<string, number>;
};

export const PER_SECOND: Record<TokenKind, number> = { user: 3, community: 20, service: 20 };
/** VK's documented daily budget per token: about 5,000 wall.get calls; other methods are limited per second only. */
export const DAILY_QUOTA: Record<string, number> = {
  'wall.get': 5000,
};
export const EXECUTE_MAX_CALLS = 25;

/**
 * One rate window per token and rate in the process, shared by every pool that holds the token: a collection,
 * the publisher and the inbox's replies keep to one token's limit together.
 */
const windows = new Map<string, SecondWindow>();
function windowOf(key: string, perSecond: number): SecondWindow {
  const id = `${key}|${perSecond}`;
  let window = windows.get(id);
  if (!window) {
    window = new SecondWindow(perSecond);
    windows.set(id, window);
  }
  return window;
}

/** A call of a method not in the table is a bug in Publica, not VK's refusal: it fails before any request. */
function assertInTable(methods: string[]) {
  for (const m of methods)
    if (!methodRow(m)) throw new Error(`${m} is not in Publica's VK method table (src/vk/methods)`);
}

type PoolToken = {
  spec: PoolTokenSpec;
  key: string;
  send: (method: string, params: Record<string, string | number>) => Promise<unknown>;
  window: SecondWindow;
  dead?: string;
  requests: number;
};

export class PoolExhaustedError extends Error {}
/** The upload server answered, but not with a file received. */
export class UploadRefusedError extends Error {}

export type PoolOptions = {
  baseUrl: string;
  usage?: Map<string, number>;
  maxRetries?: number;
  backoffMs?: number;
  timeoutMs?: number;
  /** Called before every request; throws to stop the pool (e.g. its token lease was lost). */
  guard?: () => void;
  onEvent?: (event: { type: 'retry' | 'quota' | 'auth'; token: string; error: string }) => void;
};

export function tokenKey(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class TokenPool {
  private readonly tokens: PoolToken[];
  readonly usage: Map<string, number>;
  readonly errors = new Map<string, number>();
  private turn = 0;

  constructor(
    specs: PoolTokenSpec[],
    private readonly options: PoolOptions,
  ) {
    this.usage = options.usage ?? new Map();
    this.tokens = specs.map((spec) => {
      const key = tokenKey(spec.token);
      const window = windowOf(key, spec.perSecond ?? PER_SECOND[spec.kind]);
      const token: PoolToken = {
        spec,
        key,
        requests: 0,
        window,
        send: (method, params) =>
          window.run((answered) => {
            options.guard?.();
            token.requests++;
            return vkRequest(options.baseUrl, method, params, spec.token, options.timeoutMs, answered);
          }),
      };
      return token;
    });
  }

  get canExecute(): boolean {
    return this.tokens.some((t) => !t.dead && t.spec.kind === 'user');
  }

  /** Requests per second the live tokens allow together: the ceiling a collection can reach. */
  get ceiling(): number {
    return this.tokens
      .filter((t) => !t.dead)
      .reduce((s, t) => s + (t.spec.perSecond ?? PER_SECOND[t.spec.kind]), 0);
  }

  get requests(): number {
    return this.tokens.reduce((s, t) => s + t.requests, 0);
  }

  tokenStates() {
    return this.tokens.map((t) => ({
      kind: t.spec.kind,
      key: t.key,
      requests: t.requests,
      dead: t.dead ?? null,
    }));
  }

  private used(t: PoolToken, method: string) {
    return this.usage.get(`${t.key}|${method}`) ?? 0;
  }

  private quota(t: PoolToken, method: string) {
    return t.spec.dailyQuota?.[method] ?? DAILY_QUOTA[method] ?? Number.POSITIVE_INFINITY;
  }

  private allowed(t: PoolToken, method: string, calls: string[]): boolean {
    if (t.dead) return false;
    // The table's token kinds (VK's schema, or public reports where it is silent): VK would answer 27/28.
    if (!tokenMayCall(t.spec.kind, method) || !calls.every((m) => tokenMayCall(t.spec.kind, m))) return false;
    if (method === 'execute' && t.spec.kind !== 'user') return false;
    if (isVkIdToken(t.spec.token) && [method, ...calls].some(vkIdRefuses)) return false;
    return calls.every((m) => this.used(t, m) < this.quota(t, m));
  }

  /** Whether some live token of the pool may make this call (its kind allows it), quota aside. */
  canCall(method: string): boolean {
    return this.tokens.some(
      (t) =>
        !t.dead && tokenMayCall(t.spec.kind, method) && !(isVkIdToken(t.spec.token) && vkIdRefuses(method)),
    );
  }

  private pick(method: string, calls: string[]): PoolToken {
    assertInTable([method, ...calls]);
    const usable = this.tokens.filter((t) => this.allowed(t, method, calls));
    if (usable.length === 0) {
      const reasons = this.tokens.map(
        (t) => t.dead ?? `${t.spec.kind} token cannot make ${calls.join(', ')} now`,
      );
      throw new PoolExhaustedError(
        `no VK token can make ${method} now (${[...new Set(reasons)].join('; ')})`,
      );
    }
    this.turn = (this.turn + 1) % usable.length;
    return usable[this.turn] as PoolToken;
  }

  private count(t: PoolToken, methods: string[]) {
    for (const m of methods) this.usage.set(`${t.key}|${m}`, this.used(t, m) + 1);
  }

  private tally(kind: string) {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  /** One method call, on whichever token may make it, with the error classes handled. */
  async call(
    method: string,
    params: Record<string, string | number>,
    inner: string[] = [method],
  ): Promise<unknown> {
    return (await this.callOnSomeToken(method, params, inner)).result;
  }

  private park(token: PoolToken, methods: string[], error: unknown) {
    for (const m of methods) this.usage.set(`${token.key}|${m}`, this.quota(token, m));
    this.options.onEvent?.({ type: 'quota', token: token.key, error: (error as Error).message });
  }

  private async callOnSomeToken(
    method: string,
    params: Record<string, string | number>,
    inner: string[],
  ): Promise<{ result: unknown; token: PoolToken }> {
    const maxRetries = this.options.maxRetries ?? 8;
    let last: unknown;
    for (let attempt = 0; attempt <= maxRetries; ) {
      let token: PoolToken;
      try {
        token = this.pick(method, inner);
      } catch (error) {
        // Nothing left after VK refused or parked the tokens: VK's own error goes along as the cause.
        if (error instanceof PoolExhaustedError && last !== undefined)
          throw new PoolExhaustedError(error.message, { cause: last });
        throw error;
      }
      try {
        const result = await token.send(method, params);
        this.count(token, inner);
        return { result, token };
      } catch (error) {
        last = error;
        const kind = classify(error);
        this.tally(
          error instanceof VkApiError ? `vk_${error.code}` : ((error as { kind?: string }).kind ?? 'other'),
        );
        if (kind === 'quota') {
          this.park(token, inner, error);
          continue;
        }
        if (kind === 'auth') {
          token.dead = `token ${token.key} refused by VK: ${(error as Error).message}`;
          this.options.onEvent?.({ type: 'auth', token: token.key, error: (error as Error).message });
          continue;
        }
        if (kind !== 'retry') throw error;
        attempt++;
        if (attempt > maxRetries) break;
        this.options.onEvent?.({ type: 'retry', token: token.key, error: (error as Error).message });
        // Too many requests a second (6): the token's window already holds the refused request's slot for a
        // second after VK's answer, so the first retry just waits its turn there; a repeated 6 (VK counting
        // differently, or another process on the token) waits half a second more. Other passing errors back
        // off exponentially.
        const tooFast = error instanceof VkApiError && error.code === 6;
        if (tooFast && attempt === 1) continue;
        const base = tooFast ? 500 : (this.options.backoffMs ?? 200) * 2 ** Math.min(attempt, 5);
        await sleep(base / 2 + Math.random() * base);
      }
    }
    throw last;
  }

  /**
   * Many calls: batched through `execute` (25 a request) when a user token can, else one by one. Each call's
   * result or its VkApiError comes back in order; calls failed with a passing error are retried alone.
   */
  async many(calls: { method: string; params: Record<string, string | number> }[]): Promise<unknown[]> {
    if (!this.canExecute || calls.length === 1)
      return Promise.all(calls.map((c) => this.single(c.method, c.params)));
    const out: unknown[] = new Array(calls.length);
    const chunks: number[][] = [];
    for (let i = 0; i < calls.length; i += EXECUTE_MAX_CALLS)
      chunks.push(Array.from({ length: Math.min(EXECUTE_MAX_CALLS, calls.length - i) }, (_, k) => i + k));
    await Promise.all(
      chunks.map(async (indexes) => {
        const code = `return [${indexes.map((i) => `API.${calls[i]?.method}(${JSON.stringify(calls[i]?.params)})`).join(',')}];`;
        let result: ExecuteResult;
        let token: PoolToken;
        try {
          const done = await this.callOnSomeToken(
            'execute',
            { code },
            indexes.map((i) => calls[i]?.method ?? ''),
          );
          result = done.result as ExecuteResult;
          token = done.token;
        } catch (error) {
          if (error instanceof PoolExhaustedError || classify(error) === 'fatal') throw error;
          for (const i of indexes) out[i] = await this.single(calls[i]?.method ?? '', calls[i]?.params ?? {});
          return;
        }
        const failures = [...result.errors];
        for (const [k, i] of indexes.entries()) {
          const value = result.response?.[k];
          if (value !== false) {
            out[i] = value;
            continue;
          }
          const e = failures.shift();
          const error = new VkApiError(
            e?.error_code ?? 1,
            calls[i]?.method ?? '',
            e?.error_msg ?? 'failed inside execute',
          );
          this.tally(`vk_${error.code}`);
          // A day's budget spent inside execute parks the token for that method, as outside it.
          if (classify(error) === 'quota') this.park(token, [error.method], error);
          out[i] =
            classify(error) === 'retry' || classify(error) === 'quota'
              ? await this.single(calls[i]?.method ?? '', calls[i]?.params ?? {})
              : error;
        }
      }),
    );
    return out;
  }

  /**
   * The upload flows' second step: the file, as multipart, to the address VK handed out. It is paced by the
   * same rate window as the token that asked for the address, so uploads count against that token's rate too.
   */
  async upload(
    url: string,
    field: string,
    file: { name: string; mime: string; data: Buffer },
    timeoutMs = 120_000,
  ): Promise<Record<string, unknown>> {
    const token = this.tokens.find((t) => !t.dead);
    if (!token) throw new PoolExhaustedError('no live VK token to upload with');
    return token.window.run(async (answered) => {
      this.options.guard?.();
      token.requests++;
      const form = new FormData();
      form.set(field, new Blob([new Uint8Array(file.data)], { type: file.mime }), file.name);
      let res: Response;
      try {
        res = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(timeoutMs) });
        answered();
      } catch (error) {
        throw new VkTransportError('network', `upload: ${(error as Error).message}`);
      }
      if (res.status >= 500) throw new VkTransportError('http', `upload: HTTP ${res.status}`);
      const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      if (!body || body.error)
        throw new UploadRefusedError(`upload refused: ${String(body?.error ?? res.status)}`);
      return body;
    });
  }

  /** One call whose inaccessible-page error comes back as a value, not a throw. */
  private async single(method: string, params: Record<string, string | number>): Promise<unknown> {
    try {
      return await this.call(method, params);
    } catch (error) {
      if (classify(error) === 'inaccessible') return error;
      throw error;
    }
  }
}
