// VK's Callback API as data: the public route VK posts events to, and the route where a page's admin sets the
// confirmation string and secret VK shows in the community's settings. The routes register from here.
import { z } from 'zod';
import { reply, route } from '../platform/http/contract.ts';
import { idParam } from '../platform/http/schemas.ts';

export const vkCallbackContract = {
  callback: route({
    method: 'POST',
    path: '/api/vk/callback',
    access: 'public',
    body: z.object({ type: z.string(), group_id: z.coerce.number().int().positive() }).loose(),
    /** The confirmation string, or `ok`, as text. */
    reply: reply<string>(),
  }),
  setCallback: route({
    method: 'PUT',
    path: '/api/inbox/pages/:id/vk-callback',
    access: 'comments.answer',
    params: idParam,
    body: z.object({ confirmation: z.string().min(1).max(100), secret: z.string().min(8).max(50) }),
    response: z.object({ ok: z.literal(true), url: z.string() }),
  }),
};
