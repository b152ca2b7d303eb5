// The registry's read API as data: regions, municipalities, institutions with their pages, and the methodology
// version a region is judged by. The routes register from here; the web app's client is typed from it
// (type-only); an upload's file comes as multipart.
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';
import { idParam, listOf, pagination, queryFlag } from '../platform/http/schemas.ts';
import { INSTITUTION_KINDS } from '../platform/vocabulary.ts';

const regionCode = z.string().min(1).max(8);
const lang = z.object({ lang: z.enum(['ru', 'en']).default('ru') });

export const regionSchema = z.object({
  code: z.string(),
  isoCode: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  capitalRu: z.string(),
  timezone: z.string(),
});
export type RegionView = z.output<typeof regionSchema>;

export const municipalitySchema = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  name: z.string(),
  institutions: z.number().int(),
});
export type MunicipalityView = z.output<typeof municipalitySchema>;

/** A page as the registry knows it; the page card adds its scores. */
export const pageRefSchema = z.object({
  id: z.number().int(),
  platform: z.string(),
  url: z.string(),
  screenName: z.string().nullable(),
  externalId: z.number().int().nullable(),
  status: z.string(),
  lastCollectedAt: z.number().int().nullable(),
});

export const institutionSchema = z.object({
  id: z.number().int(),
  inn: z.string().nullable(),
  ogrn: z.string().nullable(),
  fullName: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  regionCode: z.string(),
  municipalityId: z.number().int().nullable(),
  municipality: z.string().nullable(),
  website: z.string().nullable(),
});

/** The version a region is judged by, and the published versions it may choose. */
export const regionVersionSchema = z.object({
  regionCode: z.string(),
  version: z.string(),
  /** Whether the region chose it (false: the national version by default). */
  chosen: z.boolean(),
  national: z.string(),
  available: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type RegionVersionView = z.output<typeof regionVersionSchema>;

const uploadSummarySchema = z.object({
  id: z.number().int(),
  userId: z.number().int().nullable(),
  at: z.number().int(),
  fileName: z.string(),
  dryRun: z.boolean(),
  status: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  problems: z.number().int(),
});

export const uploadReportSchema = z.object({
  id: z.number().int(),
  status: z.enum(['imported', 'previewed', 'rejected']),
  fileName: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  pages: z.number().int(),
  message: z.string().nullable(),
  /** Problems beyond the listed ones (a report lists the first 1000). */
  moreProblems: z.number().int().default(0),
  problems: z.array(
    z.object({
      row: z.number().int(),
      field: z.string(),
      column: z.string(),
      code: z.string(),
      message: z.string(),
      value: z.string().nullable(),
    }),
  ),
});

export type UploadReportView = z.output<typeof uploadReportSchema>;

const regionParams = z.object({ code: z.string().min(1).max(10) });

export const registryContract = {
  regions: route({
    method: 'GET',
    path: '/api/regions',
    access: 'data.read',
    response: z.object({ items: z.array(regionSchema) }),
  }),
  region: route({
    method: 'GET',
    path: '/api/regions/:code',
    access: 'data.read',
    params: z.object({ code: regionCode }),
    response: regionSchema,
  }),
  municipalities: route({
    method: 'GET',
    path: '/api/municipalities',
    access: 'data.read',
    query: z.object({ ...pagination, region: regionCode.optional(), q: z.string().max(100).optional() }),
    response: listOf(municipalitySchema),
  }),
  municipality: route({
    method: 'GET',
    path: '/api/municipalities/:id',
    access: 'data.read',
    params: idParam,
    response: municipalitySchema,
  }),
  institutions: route({
    method: 'GET',
    path: '/api/institutions',
    access: 'data.read',
    query: z.object({
      ...pagination,
      region: regionCode.optional(),
      municipality: z.coerce.number().int().positive().optional(),
      kind: z.enum(INSTITUTION_KINDS).optional(),
      q: z.string().max(200).optional(),
      hasPage: queryFlag,
      sort: z.enum(['name', '-name', 'id', '-id']).default('name'),
    }),
    response: listOf(institutionSchema.extend({ pages: z.number().int() })),
  }),
  institution: route({
    method: 'GET',
    path: '/api/institutions/:id',
    access: 'data.read',
    params: idParam,
    response: institutionSchema.extend({ pages: z.array(pageRefSchema) }),
  }),
  regionVersion: route({
    method: 'GET',
    path: '/api/regions/:code/methodology',
    access: 'data.read',
    params: regionParams,
    query: lang,
    response: regionVersionSchema,
  }),
  chooseRegionVersion: route({
    method: 'PUT',
    path: '/api/regions/:code/methodology',
    access: 'methodology.choose',
    params: regionParams,
    query: lang,
    body: z.object({ version: z.string().min(1).max(40).nullable() }),
    response: regionVersionSchema,
  }),
  upload: route({
    method: 'POST',
    path: '/api/registry/uploads',
    access: 'registry.import',
    query: z.object({ dryRun: queryFlag, skipInvalid: queryFlag, lang: z.enum(['ru', 'en']).default('ru') }),
    /** The file comes as multipart (field "file"). */
    response: uploadReportSchema,
  }),
  uploads: route({
    method: 'GET',
    path: '/api/registry/uploads',
    access: 'registry.import',
    query: z.object(pagination),
    response: listOf(uploadSummarySchema),
  }),
  uploadReport: route({
    method: 'GET',
    path: '/api/registry/uploads/:id',
    access: 'registry.import',
    params: idParam,
    response: uploadReportSchema,
  }),
};
