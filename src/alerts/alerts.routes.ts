// HTTP adapters for alerts outside the app: a person's own e-mail preferences, and a region's signed webhooks
// with their delivery log (a webhook id outside the caller's region gets the one not-found answer).
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
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
import { alertsContract as c } from './alerts.contract.ts';

const tags = ['alerts'];
const now = () => Math.floor(Date.now() / 1000);

function preferenceRoutes(db: Db, app: App) {
  app.get(
    c.preferences.path,
    {
      config: { access: c.preferences.access },
      schema: {
        tags,
        summary:
          'Your e-mail alerts: immediate (threats, a child’s data) and the daily digest; null when off',
        response: { 200: c.preferences.response, ...errorResponses },
      },
    },
    async (request) => ({ preferences: await getPreferences(db, principalOf(request)) }),
  );
  app.put(
    c.setPreferences.path,
    {
      config: { access: c.setPreferences.access },
      schema: {
        tags,
        summary: 'Set your e-mail alerts',
        body: c.setPreferences.body,
        response: { 200: c.setPreferences.response, ...errorResponses },
      },
    },
    async (request) => {
      await setPreferences(db, principalOf(request), request.body);
      return { ok: true as const };
    },
  );
  app.delete(
    c.removePreferences.path,
    {
      config: { access: c.removePreferences.access },
      schema: {
        tags,
        summary: 'Stop your e-mail alerts',
        response: { 200: c.removePreferences.response, ...errorResponses },
      },
    },
    async (request) => {
      await removePreferences(db, principalOf(request));
      return { ok: true as const };
    },
  );
}

function webhookRoutes(db: Db, secrets: SecretBox | null, app: App) {
  app.get(
    c.webhooks.path,
    {
      config: { access: c.webhooks.access },
      schema: {
        tags,
        summary: "Your region's webhooks (all for the country); secrets are shown only when made",
        response: { 200: c.webhooks.response, ...errorResponses },
      },
    },
    async (request) => ({ items: await webhooksOf(db, principalOf(request)) }),
  );
  app.post(
    c.addWebhook.path,
    {
      config: { access: c.addWebhook.access },
      schema: {
        tags,
        summary: 'Add a webhook: alerts are POSTed as JSON signed with HMAC-SHA256 (x-publica-signature)',
        body: c.addWebhook.body,
        response: { 200: c.addWebhook.response, ...errorResponses },
      },
    },
    async (request) => addWebhook(db, principalOf(request), request.body, now(), secrets),
  );
  app.delete(
    c.removeWebhook.path,
    {
      config: { access: c.removeWebhook.access },
      schema: {
        tags,
        summary: 'Remove a webhook',
        params: c.removeWebhook.params,
        response: { 200: c.removeWebhook.response, ...errorResponses },
      },
    },
    async (request) => {
      await removeWebhook(db, principalOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    c.deliveries.path,
    {
      config: { access: c.deliveries.access },
      schema: {
        tags,
        summary: "A webhook's delivery log: attempts, last error, when sent",
        params: c.deliveries.params,
        response: { 200: c.deliveries.response, ...errorResponses },
      },
    },
    async (request) => ({ items: await webhookLog(db, principalOf(request), request.params.id) }),
  );
}

export function alertRoutes(db: Db, secrets: SecretBox | null) {
  return (app: App) => {
    preferenceRoutes(db, app);
    webhookRoutes(db, secrets, app);
  };
}
