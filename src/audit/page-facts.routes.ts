// Thin HTTP adapters over the facts VK does not tell: a page's recorded checks, recording one, and importing the
// region's Госпаблики export. Who may: the page's admin and the municipality, region and federal admins whose
// scope holds the page (`facts.record`); every write is in the audit log.
import { type Clock, systemClock, unixSeconds } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { receiveFile, UPLOAD_LIMITS } from '../platform/http/upload.ts';
import { auditContract } from './audit.contract.ts';
import { type Caller, importExportAs, listFactsAs, recordCheckAs } from './record-check.service.ts';

const tags = ['audit'];

const c = auditContract;

function callerOf(request: Parameters<typeof principalOf>[0]): Caller {
  const p = principalOf(request);
  return { userId: p.userId, login: p.login, ip: request.ip, scope: p.scope };
}

export function pageFactsRoutes(db: Db, clock: Clock = systemClock) {
  const now = () => unixSeconds(clock.now());
  return (app: App) => {
    app.get(
      c.facts.path,
      {
        config: { access: c.facts.access },
        schema: {
          tags,
          summary:
            'The latest recorded value of each fact of a page (manual checks and the export), with who and when',
          params: c.facts.params,
          response: { 200: c.facts.response, ...errorResponses },
        },
      },
      async (request) => {
        const rows = await listFactsAs(db, principalOf(request).scope, request.params.id);
        return {
          items: rows.map((r) => ({
            fact: r.fact,
            value: r.value,
            source: r.source,
            checkedAt: r.checked_at,
            by: r.by ?? null,
            evidence: r.evidence,
          })),
        };
      },
    );

    app.post(
      c.recordFact.path,
      {
        config: { access: c.recordFact.access },
        schema: {
          tags,
          summary:
            'Record a manual check of a page (ПОС widgets, Госпаблики connection, site backlink, two-factor, state mark): value, day, evidence; the next audit reads it',
          params: c.recordFact.params,
          body: c.recordFact.body,
          response: { 201: c.recordFact.response, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { checkedOn, ...check } = request.body;
        await recordCheckAs(
          db,
          callerOf(request),
          {
            ...check,
            pageId: request.params.id,
            ...(checkedOn ? { checkedAt: Date.parse(`${checkedOn}T00:00:00Z`) / 1000 } : {}),
          },
          now(),
        );
        return reply.code(201).send({ ok: true as const });
      },
    );

    app.post(
      c.importFacts.path,
      {
        config: { access: c.importFacts.access },
        schema: {
          tags,
          summary:
            'Import the region’s Госпаблики export (multipart field "file", CSV or XLSX: ОГРН, connected, state mark, design %, widgets 0/1/2, activity %). Any bad row, or a row of no page in your scope, writes nothing; dryRun=1 previews.',
          querystring: c.importFacts.query,
          response: { 200: c.importFacts.response, ...errorResponses },
        },
      },
      async (request) => {
        const file = await receiveFile(request, { maxBytes: UPLOAD_LIMITS.registry });
        try {
          return await importExportAs(
            db,
            callerOf(request),
            { name: file.filename, path: file.path },
            { dryRun: request.query.dryRun ?? false, now: now() },
          );
        } finally {
          file.discard();
        }
      },
    );
  };
}
