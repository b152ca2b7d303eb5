// The only VK HTTP in Publica: one request to `/method/<name>`, with a timeout, and the error classes that
// decide what the collector does: retry (6, 9, 10, 5xx, timeouts, truncated bodies), park the token until its
// quota resets (29), stop the token (5), mark the page inaccessible (15, 18, 30), or fail loudly (the rest).
import { crashPoint } from '../platform/crash-points.ts';

export const VK_API_VERSION = '5.199';
/** VK's API host since it moved to vk.ru; api.vk.com still answers and can be set with PUBLICA_VK_URL. */
export const VK_API_URL = 'https://api.vk.ru';

export class VkApiError extends Error {
  constructor(
    readonly code: number,
    readonly method: string,
    message: string,
  ) {
    super(`${method}: VK error ${code}: ${message}`);
  }
}

export class VkTransportError extends Error {
  constructor(
    readonly kind: 'http' | 'timeout' | 'truncated' | 'network',
    message: string,
  ) {
    super(message);
  }
}

export type ErrorClass = 'retry' | 'quota' | 'auth' | 'inaccessible' | 'fatal';

const RETRY_CODES = new Set([1, 6, 9, 10]);
const INACCESSIBLE_CODES = new Set([15, 18, 30, 125]);

export function classify(error: unknown): ErrorClass {
  if (error instanceof VkTransportError) return 'retry';
  if (error instanceof VkApiError) {
    if (RETRY_CODES.has(error.code)) return 'retry';
    if (error.code === 29) return 'quota';
    if (error.code === 5) return 'auth';
    if (INACCESSIBLE_CODES.has(error.code)) return 'inaccessible';
  }
  return 'fatal';
}

export type ExecuteResult = {
  response: unknown[];
  errors: { method: string; error_code: number; error_msg: string }[];
};

/** One VK API request. `execute` returns its array with the failed calls' errors; others return `response`. */
export async function vkRequest(
  baseUrl: string,
  method: string,
  params: Record<string, string | number>,
  token: string,
  timeoutMs = 15_000,
  /** Told when VK's answer starts to arrive (VK counted the request by then): the rate window uses it. */
  answered?: () => void,
): Promise<unknown> {
  const body = new URLSearchParams({ v: VK_API_VERSION, access_token: token });
  for (const [k, v] of Object.entries(params)) body.set(k, String(v));
  let res: Response;
  crashPoint('vk.before-request');
  try {
    res = await fetch(`${baseUrl}/method/${method}`, {
      method: 'POST',
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    throw new VkTransportError(timedOut ? 'timeout' : 'network', `${method}: ${(error as Error).message}`);
  }
  answered?.();
  if (res.status >= 500) throw new VkTransportError('http', `${method}: HTTP ${res.status}`);
  let text: string;
  try {
    text = await res.text();
  } catch (error) {
    throw new VkTransportError('network', `${method}: ${(error as Error).message}`);
  }
  crashPoint('vk.after-response');
  let json: {
    response?: unknown;
    error?: { error_code: number; error_msg: string };
    execute_errors?: ExecuteResult['errors'];
  };
  try {
    json = JSON.parse(text);
  } catch {
    throw new VkTransportError(
      'truncated',
      `${method}: the response is not complete JSON (${text.length} bytes)`,
    );
  }
  if (json.error) throw new VkApiError(json.error.error_code, method, json.error.error_msg);
  if (method === 'execute')
    return {
      response: (json.response ?? []) as unknown[],
      errors: json.execute_errors ?? [],
    } satisfies ExecuteResult;
  return json.response;
}
