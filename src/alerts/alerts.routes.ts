// HTTP adapters for alerts outside the app: a person's own e-mail preferences, and a region's signed webhooks
// with their delivery log (a webhook id outside the caller's region gets the one not-found answer).
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import {
  addWebhook,
  getPreferences,
  removePreferences,
  removeWebhook,
  setPreferences,
  webhookLog,
  webhooksOf,
} from './alert-settings.service.ts';

const tags = ['alerts'];
const now = () => Math.floor(Date.now() / 1000);
const prefs = z.object({ email: z.email().max(200), immediate: z.boolean(), digest: z.boolean() });
const ok = z.object({ ok: z.literal(true) });
const hook = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  url: z.string(),
  createdAt: z.number().int(),
});

export function alertRoutes(db: Db, secrets: SecretBox | null) {
  return (app: App) => {
    app.get(
      '/api/alerts/preferences',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary:
            'Your e-mail alerts: immediate (threats, a child’s data) and the daily digest; null when off',
          response: { 200: z.object({ preferences: prefs.nullable() }), ...errorResponses },
        },
      },
      async (request) => ({ preferences: await getPreferences(db, principalOf(request)) }),
    );
    app.put(
      '/api/alerts/preferences',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary: 'Set your e-mail alerts',
          body: prefs,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        await setPreferences(db, principalOf(request), request.body);
        return { ok: true as const };
      },
    );
    app.delete(
      '/api/alerts/preferences',
      {
        config: { access: 'comments.read' },
        schema: { tags, summary: 'Stop your e-mail alerts', response: { 200: ok, ...errorResponses } },
      },
      async (request) => {
        await removePreferences(db, principalOf(request));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/alerts/webhooks',
      {
        config: { access: 'users.manage' },
        schema: {
          tags,
          summary: "Your region's webhooks (all for the country); secrets are shown only when made",
          response: { 200: z.object({ items: z.array(hook) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await webhooksOf(db, principalOf(request)) }),
    );
    app.post(
      '/api/alerts/webhooks',
      {
        config: { access: 'users.manage' },
        schema: {
          tags,
          summary: 'Add a webhook: alerts are POSTed as JSON signed with HMAC-SHA256 (x-publica-signature)',
          body: z.object({ regionCode: z.string().min(1).max(10), url: z.url().max(500) }),
          response: {
            200: z.object({
              id: z.number().int(),
              regionCode: z.string(),
              url: z.string(),
              secret: z.string(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => addWebhook(db, principalOf(request), request.body, now(), secrets),
    );
    app.delete(
      '/api/alerts/webhooks/:id',
      {
        config: { access: 'users.manage' },
        schema: {
          tags,
          summary: 'Remove a webhook',
          params: idParam,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        await removeWebhook(db, principalOf(request), request.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/alerts/webhooks/:id/deliveries',
      {
        config: { access: 'users.manage' },
        schema: {
          tags,
          summary: "A webhook's delivery log: attempts, last error, when sent",
          params: idParam,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.number().int(),
                  subject: z.string(),
                  status: z.string(),
                  attempts: z.number().int(),
                  lastError: z.string().nullable(),
                  createdAt: z.number().int(),
                  sentAt: z.number().int().nullable(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({ items: await webhookLog(db, principalOf(request), request.params.id) }),
    );
  };
}
