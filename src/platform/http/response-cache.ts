// A per-process cache of heavy read responses (roll-ups, lists, reports), keyed by route, query and the caller's
// scope, and valid only for the versions of the data it depends on (registry, audit, collection) it was computed
// at: every write bumps its kind's version in the database, inside its transaction, so no process serves a
// response older than the data under it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BoundedCache } from '../bounded-cache.ts';
import type { VersionKind } from '../db.ts';
import { scopeKey } from '../scope.ts';

type Entry = {
  version: string;
  body: string;
  etag: string | undefined;
  type: string;
  cacheControl: string;
};

/** Heavy reads are revalidated every time (ETag) unless their route says otherwise. */
export const DEFAULT_CACHE_CONTROL = 'private, no-cache';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this route's 200 responses per scope until a version of the data it depends on changes. */
    cache?: readonly VersionKind[];
  }
  interface FastifyRequest {
    cacheSlot: { key: string; version: string } | null;
  }
}

export class ResponseCache {
  private readonly entries: BoundedCache<Entry>;

  constructor(maxEntries = 5000, maxBytes = 128 * 2 ** 20) {
    this.entries = new BoundedCache(maxEntries, maxBytes, maxBytes / 10);
  }

  /** onRequest, after the access check: answers from the cache, or notes where to store the answer. */
  lookup(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
    const dependsOn = request.routeOptions.config?.cache;
    if (!dependsOn || request.method !== 'GET' || !request.versions) return undefined;
    const scope = request.principal ? scopeKey(request.principal.scope) : 'public';
    const key = `${request.url}|${scope}`;
    const versions = request.versions;
    const version = dependsOn.map((kind) => versions[kind]).join('.');
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      reply.header('x-cache', 'hit').header('cache-control', entry.cacheControl).type(entry.type);
      if (entry.etag) reply.header('etag', entry.etag);
      return reply.send(entry.body);
    }
    request.cacheSlot = { key, version };
    reply.header('x-cache', 'miss');
    return undefined;
  }

  /** onSend: keeps a successful answer for the version it was computed at. */
  store(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
    const slot = request.cacheSlot;
    if (!slot || reply.statusCode !== 200 || typeof payload !== 'string') return;
    const etag = reply.getHeader('etag');
    this.entries.set(
      slot.key,
      {
        version: slot.version,
        body: payload,
        etag: typeof etag === 'string' ? etag : undefined,
        type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        cacheControl: String(reply.getHeader('cache-control') ?? DEFAULT_CACHE_CONTROL),
      },
      payload.length * 2,
    );
  }
}
