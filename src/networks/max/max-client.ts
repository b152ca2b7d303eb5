// The only MAX HTTP in Publica: the Bot API at platform-api.max.ru, the bot's token in the Authorization header
// (dev.max.ru: query-parameter tokens are no longer accepted), JSON bodies, HTTP status codes as errors
// (400, 401, 404, 405, 429, 503) with a {code, message} body, date fields in milliseconds.
export const MAX_API_URL = 'https://platform-api.max.ru';

export class MaxApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly path: string,
    message: string,
  ) {
    super(`${path}: MAX ${status} ${code}: ${message}`);
  }
}

export type MaxErrorClass = 'retry' | 'quota' | 'auth' | 'inaccessible' | 'fatal';

export function classifyMax(error: unknown): MaxErrorClass {
  if (!(error instanceof MaxApiError)) return 'retry';
  // No answer, or one cut short: the server may be fine a moment later (and a write may have happened).
  if (error.code === 'network' || error.code === 'truncated') return 'retry';
  if (error.status === 429) return 'quota';
  if (error.status === 503 || error.status >= 500) return 'retry';
  if (error.status === 401) return 'auth';
  if (error.status === 404 || error.status === 403) return 'inaccessible';
  return 'fatal';
}

export type MaxClientOptions = {
  baseUrl?: string;
  /** Requests a second (modelled: public reports give about 30 rps a bot; MAX's page does not say). */
  perSecond?: number;
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/** One pace per bot token and server in the process, shared by every client holding the token. */
const paces = new Map<string, { next: number }>();

export class MaxClient {
  readonly baseUrl: string;
  calls = 0;

  constructor(
    private readonly token: string,
    private readonly options: MaxClientOptions = {},
  ) {
    this.baseUrl = options.baseUrl ?? MAX_API_URL;
  }

  private async pace(): Promise<void> {
    const key = `${this.baseUrl}|${this.token}`;
    const pace = paces.get(key) ?? { next: 0 };
    paces.set(key, pace);
    const now = (this.options.now ?? Date.now)();
    const wait = Math.max(0, pace.next - now);
    // Whole milliseconds, rounded up: never more than perSecond calls in any calendar second.
    pace.next = Math.max(now, pace.next) + Math.ceil(1000 / (this.options.perSecond ?? 30));
    if (wait > 0) await (this.options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(wait);
  }

  async request(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    query: Record<string, string | number | undefined> = {},
    body?: unknown,
  ): Promise<unknown> {
    await this.pace();
    this.calls++;
    const url = new URL(path, this.baseUrl);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          Authorization: this.token,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new MaxApiError(0, 'network', path, (error as Error).message);
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new MaxApiError(res.status || 0, 'truncated', path, `not complete JSON (${text.length} bytes)`);
    }
    if (!res.ok) {
      const e = (json ?? {}) as { code?: string; message?: string };
      throw new MaxApiError(res.status, e.code ?? 'error', path, e.message ?? res.statusText);
    }
    return json;
  }
}
