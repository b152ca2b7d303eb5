// In-app notifications of the signed-in user (and of their institution): list, count unread, mark read.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import type { Scope } from '../platform/scope.ts';
import { notificationsContract } from './notifications.contract.ts';
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

const c = notificationsContract;

export function notificationRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.list.path,
      {
        config: { access: c.list.access },
        schema: {
          tags,
          summary: 'Your notifications (and your institution’s), newest first, with the unread count',
          querystring: c.list.query,
          response: { 200: c.list.response, ...errorResponses },
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
      c.markRead.path,
      {
        config: { access: c.markRead.access },
        schema: {
          tags,
          summary: 'Mark your notifications read: the ids given, or all of them',
          body: c.markRead.body,
          response: { 200: c.markRead.response, ...errorResponses },
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
