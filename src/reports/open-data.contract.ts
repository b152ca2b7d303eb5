// The open-data API as data: aggregates by region and by municipality of a region, JSON or CSV, without a
// login. Field by field in docs/open-data.md. The routes register from here.
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';

export const openRowSchema = z
  .object({
    code: z.string(),
    nameRu: z.string(),
    nameEn: z.string(),
    institutions: z.number().int(),
    institutionsWithPage: z.number().int(),
    pagesAudited: z.number().int(),
    institutionsCovered: z.number().int(),
    coverage: z.number().nullable(),
    meanScore: z.number().nullable(),
    levels: z.record(z.string(), z.number().int()),
    networks: z
      .object({
        vk: z.number().int(),
        ok: z.number().int(),
        max: z.number().int(),
        meetsLegalDuty: z.number().int(),
      })
      .strict(),
  })
  .strict();

export const openDataSchema = z
  .object({
    audit: z
      .object({
        runId: z.number().int(),
        methodology: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
      })
      .nullable(),
    unit: z.enum(['region', 'municipality']),
    levels: z.array(z.string()),
    rows: z.array(openRowSchema),
  })
  .strict();

const format = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  delimiter: z.enum(['semicolon', 'comma']).default('semicolon'),
});

/** The JSON answer, or the CSV text when format=csv. */
const openAnswer = openDataSchema.or(z.string());

export const openDataContract = {
  regions: route({
    method: 'GET',
    path: '/api/open/regions',
    access: 'public',
    query: format,
    response: openAnswer,
  }),
  municipalities: route({
    method: 'GET',
    path: '/api/open/regions/:code/municipalities',
    access: 'public',
    params: z.object({ code: z.string().min(1).max(8) }),
    query: format,
    response: openAnswer,
  }),
};
