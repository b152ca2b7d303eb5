// The route of the comments waiting on the institutions' OK topics, beside the inbox (part of inboxContract).
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';

export const otherNetworksRoute = route({
  method: 'GET',
  path: '/api/inbox/other-networks',
  access: 'comments.read',
  query: z.object({
    days: z.coerce.number().int().min(1).max(365).optional(),
    pageId: z.coerce.number().int().positive().optional(),
  }),
  response: z.object({
    comments: z.number().int(),
    pages: z.array(
      z.object({
        network: z.literal('ok'),
        pageId: z.number().int(),
        institution: z.string().nullable(),
        url: z.string(),
        comments: z.number().int(),
        topics: z.array(z.object({ url: z.string(), comments: z.number().int(), lastAt: z.number().int() })),
      }),
    ),
  }),
});
