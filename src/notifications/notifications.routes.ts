// In-app notifications of the signed-in user (and of their institution): list, count unread, mark read.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import type { Scope } from '../platform/scope.ts';
import { type Addressee, countUnread, listNotifications, markRead } from './notifications.repo.ts';

const tags = ['notifications'];

/** The user, and their institution's users' notices if they read its data (a contributor does not). */
function addresseeOf(p: {
  userId: number | null;
  scope: Scope;
  permissions: ReadonlySet<string>;
}): Addressee {
  const ofInstitution = p.scope.level === 'institution' && p.permissions.has('data.read');
  return {
    userId: p.userId,
    institutionId: ofInstitution ? (p.scope as { institutionId: number }).institutionId : null,
  };
}

const item = z.object({
  id: z.number().int(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string().nullable(),
  createdAt: z.number().int(),
  readAt: z.number().int().nullable(),
});

export function notificationRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Your notifications (and your institution’s), newest first, with the unread count',
          querystring: z.object({
            unread: z.enum(['1', '0']).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.object({ items: z.array(item), unread: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => {
        const to = addresseeOf(principalOf(request));
        const rows = await listNotifications(db, to, {
          unreadOnly: request.query.unread === '1',
          limit: request.query.limit,
        });
        return {
          items: rows.map((n) => ({
            id: n.id,
            kind: n.kind,
            params: JSON.parse(n.params_json) as Record<string, string | number | null>,
            link: n.link,
            createdAt: n.created_at,
            readAt: n.read_at,
          })),
          unread: await countUnread(db, to),
        };
      },
    );
    app.post(
      '/api/notifications/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Mark your notifications read: the ids given, or all of them',
          body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }),
          response: { 200: z.object({ read: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => ({
        read: await markRead(
          db,
          addresseeOf(principalOf(request)),
          request.body.ids ?? null,
          Math.floor(Date.now() / 1000),
        ),
      }),
    );
  };
}
