// The typed VK port: a method of the table, its parameters typed, called through a token pool (each token's
// kind, rate and quota respected) and its answer parsed. Publishing and replies use a pool of the page's tokens.
import type { Params, TokenKind, VkMethod } from './methods/index.ts';
import { type PoolOptions, TokenPool } from './token-pool.ts';

export async function vkCall<P extends Params, R>(
  pool: TokenPool,
  method: VkMethod<P, R>,
  params: P,
): Promise<R> {
  return method.parse(await pool.call(method.name, params));
}

/** A pool of a page's own tokens (community, the admin's user token), for publishing and replies. */
export function pagePool(
  baseUrl: string,
  tokens: { token: string; kind: TokenKind }[],
  options: Omit<PoolOptions, 'baseUrl'> = {},
): TokenPool {
  // The caller decides about retries (the publisher waits minutes between attempts, a reply is sent again by
  // the person): the pool makes one attempt per call.
  return new TokenPool(tokens, { baseUrl, maxRetries: 0, ...options });
}
