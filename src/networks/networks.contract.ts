// The networks' read API as data: presence on each network in your scope. The route registers from here; the web
// app's client is typed from it (type-only).
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';

const perNetwork = <T extends z.ZodType>(t: T) => z.object({ vk: t, ok: t, max: t });

export const coverageSchema = z.object({
  institutions: z.number().int(),
  on: perNetwork(z.number().int()),
  share: perNetwork(z.number().nullable()),
  meetsLegalDuty: z.number().int(),
  meetsLegalDutyShare: z.number().nullable(),
  required: z.array(z.enum(['vk', 'ok', 'max'])),
});
export type NetworkCoverageView = z.output<typeof coverageSchema>;

export const networksContract = {
  coverage: route({
    method: 'GET',
    path: '/api/network-coverage',
    access: 'data.read',
    query: z.object({ region: z.string().min(1).max(8).optional() }),
    response: coverageSchema,
  }),
};
