// The alerts API as data: a person's own e-mail preferences, and a region's signed webhooks with their delivery
// log. The routes register from here; the web app's client is typed from it (type-only).
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';
import { idParam, okBody } from '../platform/http/schemas.ts';

export const alertPreferences = z.object({
  email: z.email().max(200),
  immediate: z.boolean(),
  digest: z.boolean(),
});

const webhook = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  url: z.string(),
  createdAt: z.number().int(),
});

const delivery = z.object({
  id: z.number().int(),
  subject: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
  sentAt: z.number().int().nullable(),
});

export const alertsContract = {
  preferences: route({
    method: 'GET',
    path: '/api/alerts/preferences',
    access: 'comments.read',
    response: z.object({ preferences: alertPreferences.nullable() }),
  }),
  setPreferences: route({
    method: 'PUT',
    path: '/api/alerts/preferences',
    access: 'comments.read',
    body: alertPreferences,
    response: okBody,
  }),
  removePreferences: route({
    method: 'DELETE',
    path: '/api/alerts/preferences',
    access: 'comments.read',
    response: okBody,
  }),
  webhooks: route({
    method: 'GET',
    path: '/api/alerts/webhooks',
    access: 'users.manage',
    response: z.object({ items: z.array(webhook) }),
  }),
  addWebhook: route({
    method: 'POST',
    path: '/api/alerts/webhooks',
    access: 'users.manage',
    body: z.object({ regionCode: z.string().min(1).max(10), url: z.url().max(500) }),
    response: z.object({ id: z.number().int(), regionCode: z.string(), url: z.string(), secret: z.string() }),
  }),
  removeWebhook: route({
    method: 'DELETE',
    path: '/api/alerts/webhooks/:id',
    access: 'users.manage',
    params: idParam,
    response: okBody,
  }),
  deliveries: route({
    method: 'GET',
    path: '/api/alerts/webhooks/:id/deliveries',
    access: 'users.manage',
    params: idParam,
    response: z.object({ items: z.array(delivery) }),
  }),
};
