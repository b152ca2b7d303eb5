// Thin HTTP adapters over the registry: regions, municipalities, institutions with their pages, and uploads.

import type { Selectable } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { RegionTable } from '../platform/db-schema.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { receiveFile, UPLOAD_LIMITS } from '../platform/http/upload.ts';
import { notFound } from '../platform/scope.ts';
import { registryContract, type UploadReportView } from './registry.contract.ts';
import {
  findInstitutionInScope,
  listInstitutionsInScope,
  listMunicipalitiesInScope,
  listRegionsInScope,
  pagesOfInstitution,
} from './registry-read.repo.ts';
import { checkUnitFilters } from './registry-scope.ts';
import { findUpload, listUploads } from './registry-upload.repo.ts';
import { uploadRegistry } from './registry-upload.service.ts';

const tags = ['registry'];
const c = registryContract;

export function registryRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.regions.path,
      {
        config: { access: c.regions.access },
        schema: {
          tags,
          summary: 'Regions in your scope',
          response: { 200: c.regions.response, ...errorResponses },
        },
      },
      async (request) => ({
        items: (await listRegionsInScope(db, principalOf(request).scope)).map(regionView),
      }),
    );

    app.get(
      c.region.path,
      {
        config: { access: c.region.access },
        schema: {
          tags,
          summary: 'One region',
          params: c.region.params,
          response: { 200: c.region.response, ...errorResponses },
        },
      },
      async (request) => {
        const region = (await listRegionsInScope(db, principalOf(request).scope)).find(
          (r) => r.code === request.params.code,
        );
        if (!region) throw notFound('region', request.params.code);
        return regionView(region);
      },
    );

    app.get(
      c.municipalities.path,
      {
        config: { access: c.municipalities.access },
        schema: {
          tags,
          summary: 'Municipalities in your scope, with their institution counts',
          querystring: c.municipalities.query,
          response: { 200: c.municipalities.response, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        const { region, q, page, size } = request.query;
        await checkUnitFilters(db, scope, { regionCode: region });
        const result = await listMunicipalitiesInScope(db, scope, { regionCode: region, q, page, size });
        return {
          items: result.items.map((m) => ({
            id: m.id,
            regionCode: m.region_code,
            name: m.name,
            institutions: Number(m.institutions ?? 0),
          })),
          total: result.total,
          page,
          size,
        };
      },
    );

    app.get(
      c.municipality.path,
      {
        config: { access: c.municipality.access },
        schema: {
          tags,
          summary: 'One municipality',
          params: c.municipality.params,
          response: { 200: c.municipality.response, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        // The scoped query itself answers nothing for a municipality outside the scope.
        const found = await listMunicipalitiesInScope(db, scope, {
          page: 1,
          size: 1,
          municipalityId: request.params.id,
        });
        const m = found.items[0];
        if (!m) throw notFound('municipality', request.params.id);
        return {
          id: m.id,
          regionCode: m.region_code,
          name: m.name,
          institutions: Number(m.institutions ?? 0),
        };
      },
    );

    app.get(
      c.institutions.path,
      {
        config: { access: c.institutions.access },
        schema: {
          tags,
          summary: 'Institutions in your scope: search by name, INN or OGRN; filter; sort; page',
          querystring: c.institutions.query,
          response: { 200: c.institutions.response, ...errorResponses },
        },
      },
      async (request) => {
        const scope = principalOf(request).scope;
        const { region, municipality, page, size, ...rest } = request.query;
        await checkUnitFilters(db, scope, { regionCode: region, municipalityId: municipality });
        const result = await listInstitutionsInScope(db, scope, {
          ...rest,
          regionCode: region,
          municipalityId: municipality,
          page,
          size,
        });
        return {
          items: result.items.map((i) => ({ ...institutionView(i), pages: Number(i.pages ?? 0) })),
          total: result.total,
          page,
          size,
        };
      },
    );

    app.get(
      c.institution.path,
      {
        config: { access: c.institution.access },
        schema: {
          tags,
          summary: 'One institution with its pages',
          params: c.institution.params,
          response: { 200: c.institution.response, ...errorResponses },
        },
      },
      async (request) => {
        const row = await findInstitutionInScope(db, principalOf(request).scope, request.params.id);
        if (!row) throw notFound('institution', request.params.id);
        const pages = await pagesOfInstitution(db, row.id);
        return {
          ...institutionView(row),
          pages: pages.map((p) => ({
            id: p.id,
            platform: p.platform,
            url: p.url,
            screenName: p.screen_name,
            externalId: p.external_id,
            status: p.status,
            lastCollectedAt: p.last_collected_at,
          })),
        };
      },
    );

    app.post(
      c.upload.path,
      {
        config: { access: c.upload.access },
        schema: {
          tags,
          summary:
            'Upload a registry file (multipart field "file", CSV or XLSX). dryRun=1 previews the result and writes nothing; without skipInvalid any bad row rejects the whole file.',
          querystring: c.upload.query,
          response: { 200: c.upload.response, ...errorResponses },
        },
      },
      async (request) => {
        // Streamed to a temporary file within the route's limit; parsed from there in a worker thread.
        const file = await receiveFile(request, { maxBytes: UPLOAD_LIMITS.registry });
        try {
          const principal = principalOf(request);
          return await uploadRegistry(
            db,
            { userId: principal.userId, login: principal.login, ip: request.ip, scope: principal.scope },
            { name: file.filename, path: file.path },
            {
              dryRun: request.query.dryRun ?? false,
              skipInvalid: request.query.skipInvalid ?? false,
              lang: request.query.lang,
            },
          );
        } finally {
          file.discard();
        }
      },
    );

    app.get(
      c.uploads.path,
      {
        config: { access: c.uploads.access },
        schema: {
          tags,
          summary: 'Registry uploads in your scope, newest first',
          querystring: c.uploads.query,
          response: { 200: c.uploads.response, ...errorResponses },
        },
      },
      async (request) => {
        const result = await listUploads(db, principalOf(request).scope, request.query);
        return {
          items: result.items.map((u) => ({
            id: u.id,
            userId: u.user_id,
            at: u.at,
            fileName: u.file_name,
            dryRun: u.dry_run === 1,
            status: u.status,
            rows: u.rows,
            created: u.created,
            updated: u.updated,
            problems: u.problems,
          })),
          total: result.total,
          ...request.query,
        };
      },
    );

    app.get(
      c.uploadReport.path,
      {
        config: { access: c.uploadReport.access },
        schema: {
          tags,
          summary: 'One upload with its row-level report',
          params: c.uploadReport.params,
          response: { 200: c.uploadReport.response, ...errorResponses },
        },
      },
      async (request) => {
        const row = await findUpload(db, principalOf(request).scope, request.params.id);
        if (!row) throw notFound('upload', request.params.id);
        return { ...(JSON.parse(row.report_json) as object), id: row.id } as UploadReportView;
      },
    );
  };
}

function regionView(r: Selectable<RegionTable>) {
  return {
    code: r.code,
    isoCode: r.iso_code,
    nameRu: r.name_ru,
    nameEn: r.name_en,
    capitalRu: r.capital_ru,
    timezone: r.timezone,
  };
}

function institutionView(i: {
  id: number;
  inn: string | null;
  ogrn: string | null;
  full_name: string;
  short_name: string | null;
  kind: string;
  region_code: string;
  municipality_id: number | null;
  municipality: string | null;
  website: string | null;
}) {
  return {
    id: i.id,
    inn: i.inn,
    ogrn: i.ogrn,
    fullName: i.full_name,
    shortName: i.short_name,
    kind: i.kind,
    regionCode: i.region_code,
    municipalityId: i.municipality_id,
    municipality: i.municipality,
    website: i.website,
  };
}
