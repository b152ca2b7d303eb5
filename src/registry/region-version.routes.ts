// Which methodology version a region is judged by: anyone who sees the region reads it; the region's admin or
// the federal one (`methodology.choose`) sets it, or clears it back to the national version; audit-logged.
import { listVersionIds, NATIONAL_VERSION, shippedVersion } from '../methodology/index.ts';
import { recordAction } from '../platform/audit-log.ts';
import { type Clock, systemClock, unixSeconds } from '../platform/clock.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { notFound, type Scope, scopeContains } from '../platform/scope.ts';
import { findRegionChoice, regionVersion, setRegionVersion } from './region-version.repo.ts';
import { registryContract } from './registry.contract.ts';

const tags = ['registry'];
const c = registryContract;

const placed = (code: string) => ({ regionCode: code, municipalityId: null, institutionId: null });

function requireRegion(scope: Scope, code: string): void {
  // A municipality's or institution's user sees their region's version too.
  const visible = scope.level === 'country' || scope.regionCode === code;
  if (!visible) throw notFound('region', code);
}

async function choice(db: Db, code: string, lang: 'ru' | 'en') {
  const own = await findRegionChoice(db, code);
  if (own === undefined) throw notFound('region', code);
  return {
    regionCode: code,
    version: own ?? NATIONAL_VERSION,
    chosen: own !== null,
    national: NATIONAL_VERSION,
    available: listVersionIds()
      .map((id) => shippedVersion(id))
      .filter((v) => v.status === 'published')
      .map((v) => ({ id: v.id, title: v.title[lang] })),
  };
}

export function regionVersionRoutes(db: Db, clock: Clock = systemClock) {
  return (app: App) => {
    app.get(
      c.regionVersion.path,
      {
        config: { access: c.regionVersion.access },
        schema: {
          tags,
          summary: 'The methodology version the region is judged by, and the versions it may choose',
          params: c.regionVersion.params,
          querystring: c.regionVersion.query,
          response: { 200: c.regionVersion.response, ...errorResponses },
        },
      },
      async (request) => {
        requireRegion(principalOf(request).scope, request.params.code);
        return choice(db, request.params.code, request.query.lang);
      },
    );

    app.put(
      c.chooseRegionVersion.path,
      {
        config: { access: c.chooseRegionVersion.access },
        schema: {
          tags,
          summary:
            'Choose the methodology version of a region (null: back to the national one); plans, reports and certificates follow it',
          params: c.chooseRegionVersion.params,
          querystring: c.chooseRegionVersion.query,
          body: c.chooseRegionVersion.body,
          response: { 200: c.chooseRegionVersion.response, ...errorResponses },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const code = request.params.code;
        if (!scopeContains(p.scope, placed(code))) throw notFound('region', code);
        const wanted = request.body.version;
        if (wanted !== null) {
          const known = listVersionIds().includes(wanted) && shippedVersion(wanted).status === 'published';
          if (!known)
            throw new AppError('VALIDATION', `version: no published methodology version "${wanted}"`, [
              { path: 'body.version', message: `one of ${listVersionIds().join(', ')}` },
            ]);
        }
        const before = await regionVersion(db, code);
        await inTransaction(db, async (tx) => {
          if (!(await setRegionVersion(tx, code, wanted))) throw notFound('region', code);
          await recordAction(
            tx,
            { userId: p.userId, login: p.login, ip: request.ip },
            {
              action: 'region.methodology',
              targetType: 'region',
              targetId: code,
              at: unixSeconds(clock.now()),
              details: { before, after: wanted ?? NATIONAL_VERSION, chosen: wanted !== null },
            },
            placed(code),
          );
        });
        return choice(db, code, request.query.lang);
      },
    );
  };
}
