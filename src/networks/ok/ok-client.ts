// The only OK HTTP in Publica: one signed request to {api_server}fb.do, with a timeout, a per-token pace and
// OK's errors as OkApiError. The client never sends an unsigned or wrongly signed request: sig is computed
// here from exactly the parameters sent.
import { classifyOk, OkApiError, OkTransportError } from './ok-errors.ts';
import { OK_METHOD_NAMES, OK_METHODS } from './ok-methods.ts';
import { okSignature } from './ok-sig.ts';

export const OK_API_URL = 'https://api.ok.ru';
const READ_ONLY = new Set(OK_METHODS.filter((m) => m.readOnly).map((m) => m.name));

export type OkCredentials = {
  applicationKey: string;
  applicationSecretKey: string;
  accessToken: string;
};

export type OkClientOptions = {
  baseUrl?: string;
  /** Calls a second for this token (modelled: OK publishes per-method budgets, not a rate). */
  perSecond?: number;
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * One pace per token and server in the process, shared by every client that holds the token: a collection, the
 * publisher and the inbox's replies keep to one token's limit together (as src/vk's throttles do).
 */
const paces = new Map<string, { next: number }>();

export class OkClient {
  readonly baseUrl: string;
  calls = 0;

  constructor(
    readonly creds: OkCredentials,
    private readonly options: OkClientOptions = {},
  ) {
    this.baseUrl = options.baseUrl ?? OK_API_URL;
  }

  /** The signed form a call sends: exported for the signature tests. */
  signedParams(method: string, params: Record<string, string | number>): Record<string, string> {
    const out: Record<string, string> = {
      application_key: this.creds.applicationKey,
      format: 'json',
      method,
    };
    for (const [k, v] of Object.entries(params)) out[k] = String(v);
    out.sig = okSignature(out, this.creds.accessToken, this.creds.applicationSecretKey);
    out.access_token = this.creds.accessToken;
    return out;
  }

  private async pace(): Promise<void> {
    const perSecond = this.options.perSecond ?? 5;
    const key = `${this.baseUrl}|${this.creds.accessToken}`;
    const pace = paces.get(key) ?? { next: 0 };
    paces.set(key, pace);
    const now = (this.options.now ?? Date.now)();
    const wait = Math.max(0, pace.next - now);
    // Whole milliseconds, rounded up: never more than perSecond calls in any calendar second.
    pace.next = Math.max(now, pace.next) + Math.ceil(1000 / perSecond);
    if (wait > 0) await (this.options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(wait);
  }

  /**
   * One call; a read-only method that fails transiently (flood control, a server or transport error) is tried
   * up to twice more at the token's pace. A write is never repeated here: exactly-once is its caller's.
   */
  async call(method: string, params: Record<string, string | number> = {}): Promise<unknown> {
    if (!OK_METHOD_NAMES.has(method)) throw new Error(`${method}: not in Publica's OK method table`);
    const retries = READ_ONLY.has(method) ? 2 : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(method, params);
      } catch (error) {
        if (attempt >= retries || classifyOk(error) !== 'retry') throw error;
      }
    }
  }

  private async once(method: string, params: Record<string, string | number>): Promise<unknown> {
    await this.pace();
    this.calls++;
    const body = new URLSearchParams(this.signedParams(method, params));
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/fb.do`, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const name = (error as Error).name;
      throw new OkTransportError(
        name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network',
        `${method}: ${(error as Error).message}`,
      );
    }
    if (res.status >= 500) throw new OkTransportError('http', `${method}: HTTP ${res.status}`);
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new OkTransportError(
        'truncated',
        `${method}: the response is not complete JSON (${text.length} bytes)`,
      );
    }
    // OK answers an error as a top-level {error_code, error_msg, error_data} object.
    if (json && typeof json === 'object' && !Array.isArray(json) && 'error_code' in json) {
      const e = json as { error_code: number; error_msg?: string };
      throw new OkApiError(Number(e.error_code), method, e.error_msg ?? '');
    }
    return json;
  }

  /** Uploads the photos to the address photosV2.getUploadUrl gave (pic1..picN); answers each photo's token. */
  async uploadPhotos(
    uploadUrl: string,
    photoIds: string[],
    files: { name: string; bytes: Uint8Array }[],
  ): Promise<string[]> {
    const form = new FormData();
    for (const [i, f] of files.entries())
      form.set(`pic${i + 1}`, new Blob([new Uint8Array(f.bytes)]), f.name);
    const res = await fetch(uploadUrl, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) });
    if (!res.ok) throw new OkTransportError('http', `photo upload: HTTP ${res.status}`);
    const json = (await res.json()) as { photos?: Record<string, { token?: string }> };
    return photoIds.map((id) => {
      const token = json.photos?.[id]?.token;
      if (!token) throw new OkApiError(100, 'photo upload', `no token for photo ${id}`);
      return token;
    });
  }
}
