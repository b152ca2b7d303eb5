// The notifications API as data: list with the unread count, mark read. The routes register from here; the
// web app's client is typed from it.
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';

export const notificationItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string().nullable(),
  createdAt: z.number().int(),
  readAt: z.number().int().nullable(),
});
export type NotificationItem = z.output<typeof notificationItem>;

export const notificationsContract = {
  list: route({
    method: 'GET',
    path: '/api/notifications',
    access: 'authenticated',
    query: z.object({
      unread: z.enum(['1', '0']).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(notificationItem), unread: z.number().int() }),
  }),
  markRead: route({
    method: 'POST',
    path: '/api/notifications/read',
    access: 'authenticated',
    body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }),
    response: z.object({ read: z.number().int() }),
  }),
};
