// VK's Callback API: one public route that answers the confirmation request with the community's configured
// string, checks the secret of every other event and stores it once by its event_id; and the route where a
// page's admin sets the confirmation string and secret VK shows in the community's settings (the secret is
// stored sealed and never answered back).
import crypto from 'node:crypto';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound } from '../platform/scope.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { findPageInScope } from '../registry/index.ts';
import { openCallbackSettings, setCallbackSettings } from './callback-secret.ts';
import { vkCallbackContract as c } from './vk-callback.contract.ts';
import { handleVkEvent, parseVkEvent } from './vk-events.ts';

const now = () => Math.floor(Date.now() / 1000);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function vkCallbackRoutes(db: Db, secrets: SecretBox | null) {
  return (app: App) => {
    app.post(
      c.callback.path,
      {
        config: { access: c.callback.access },
        schema: {
          tags: ['inbox'],
          summary:
            "VK's Callback API: the confirmation string, or `ok` for an event stored once by its event_id",
          body: c.callback.body,
        },
      },
      async (request, reply) => {
        const body = request.body as { type: string; group_id: number; secret?: unknown };
        const settings = await openCallbackSettings(db, secrets, body.group_id);
        if (!settings) throw notFound('community', body.group_id, 'body.group_id');
        if (body.type === 'confirmation') return reply.type('text/plain').send(settings.confirmation);
        if (typeof body.secret !== 'string' || !sameSecret(body.secret, settings.secret))
          throw new AppError('FORBIDDEN', 'body.secret: wrong secret for this community');
        await handleVkEvent(db, parseVkEvent(body), 'callback', now());
        return reply.type('text/plain').send('ok');
      },
    );

    app.put(
      c.setCallback.path,
      {
        config: { access: c.setCallback.access },
        schema: {
          tags: ['inbox'],
          summary:
            "Set the page community's Callback API confirmation string and secret (from VK's settings)",
          params: c.setCallback.params,
          body: c.setCallback.body,
          response: { 200: c.setCallback.response, ...errorResponses },
        },
      },
      async (request) => {
        const page = await findPageInScope(db, principalOf(request).scope, request.params.id);
        if (!page) throw notFound('page', request.params.id);
        if (!page.external_id) throw new AppError('CONFLICT', `page ${page.id} has no VK community id yet`);
        await setCallbackSettings(db, secrets, { groupId: page.external_id, ...request.body, at: now() });
        return { ok: true as const, url: c.callback.path };
      },
    );
  };
}
