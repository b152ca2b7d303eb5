// The server's own routes as data: liveness and readiness, public and outside /api.
import { z } from 'zod';
import { route } from './contract.ts';

const readiness = z.object({ status: z.enum(['ready', 'unavailable']) });

export const healthContract = {
  live: route({
    method: 'GET',
    path: '/healthz',
    access: 'public',
    response: z.object({ status: z.literal('ok') }),
  }),
  ready: route({
    method: 'GET',
    path: '/readyz',
    access: 'public',
    /** 503 with the same body while not ready. */
    response: readiness,
  }),
};
