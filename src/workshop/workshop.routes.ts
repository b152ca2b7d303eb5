// Thin HTTP adapters over the methodologist's workshop (`methodology.edit`): list, fork, read, lint a change,
// save a change, preview on current data, publish, re-audit under a version, and compare two versions. A change
// with problems is refused with each problem (file, rule, field, message) in `details`, and nothing is written.
import { shownLevels } from '../methodology/index.ts';
import { type Clock, systemClock, unixSeconds } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { previewWorkshop } from './preview.ts';
import { reaudit } from './reaudit.service.ts';
import { workshopContract as c } from './workshop.contract.ts';
import {
  diffAny,
  editVersion,
  forkVersion,
  getWorkshopVersion,
  lintChange,
  listWorkshop,
  publishVersion,
  type WorkshopVersion,
} from './workshop.service.ts';

const tags = ['methodology'];

function shown(w: WorkshopVersion) {
  const v = w.version;
  return {
    id: w.id,
    basedOn: w.basedOn,
    status: w.status,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    publishedAt: w.publishedAt,
    hash: v.hash,
    title: v.title,
    levels: shownLevels(v),
    rules: v.rules.map((r) => ({
      id: r.id,
      category: r.category,
      weight: r.weight,
      severity: r.severity,
      params: r.params,
      scoring: r.scoring ?? null,
      proposed: r.proposed ?? [],
      title: r.title,
      failureTitle: r.failureTitle,
    })),
  };
}

export function workshopRoutes(db: Db, clock: Clock = systemClock) {
  const now = () => unixSeconds(clock.now());
  const actor = (request: Parameters<typeof principalOf>[0]) => {
    const p = principalOf(request);
    return { userId: p.userId, login: p.login, ip: request.ip };
  };
  return (app: App) => {
    app.get(
      c.list.path,
      {
        config: { access: c.list.access },
        schema: {
          tags,
          summary: 'Versions forked in the workshop, drafts and published',
          response: { 200: c.list.response, ...errorResponses },
        },
      },
      async () => ({ items: (await listWorkshop(db)).map(shown) }),
    );

    app.post(
      c.fork.path,
      {
        config: { access: c.fork.access },
        schema: {
          tags,
          summary: 'Fork a version (shipped, published or a draft) under a new id, as a draft',
          body: c.fork.body,
          response: { 201: c.fork.response, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(shown(await forkVersion(db, actor(request), request.body, now()))),
    );

    app.get(
      c.get.path,
      {
        config: { access: c.get.access },
        schema: {
          tags,
          summary: 'One workshop version',
          params: c.get.params,
          response: { 200: c.get.response, ...errorResponses },
        },
      },
      async (request) => shown(await getWorkshopVersion(db, request.params.id)),
    );

    app.post(
      c.lint.path,
      {
        config: { access: c.lint.access },
        schema: {
          tags,
          summary: 'Lint a change to a draft without saving it: every problem with its rule and field',
          params: c.lint.params,
          body: c.lint.body,
          response: { 200: c.lint.response, ...errorResponses },
        },
      },
      async (request) => ({ problems: await lintChange(db, request.params.id, request.body) }),
    );

    app.patch(
      c.edit.path,
      {
        config: { access: c.edit.access },
        schema: {
          tags,
          summary:
            'Change a draft: parameters, scoring, weights, texts. Linted; with any problem, 400 lists them (details) and nothing is saved',
          params: c.edit.params,
          body: c.edit.body,
          response: { 200: c.edit.response, ...errorResponses },
        },
      },
      async (request) => shown(await editVersion(db, actor(request), request.params.id, request.body, now())),
    );

    app.get(
      c.preview.path,
      {
        config: { access: c.preview.access },
        schema: {
          tags,
          summary:
            'The version on current data against the one it was forked from (or `against`): pages that change level, per region and per rule, before and after. Writes nothing',
          params: c.preview.params,
          querystring: c.preview.query,
          response: { 200: c.preview.response, ...errorResponses },
        },
      },
      async (request) =>
        previewWorkshop(db, request.params.id, {
          against: request.query.against,
          regionCode: request.query.region,
          period: request.query.period,
          now: clock.now(),
        }),
    );

    app.post(
      c.publish.path,
      {
        config: { access: c.publish.access },
        schema: {
          tags,
          summary: 'Publish a draft under its id: regions may choose it and audits may judge by it',
          params: c.publish.params,
          response: { 200: c.publish.response, ...errorResponses },
        },
      },
      async (request) => shown(await publishVersion(db, actor(request), request.params.id, now())),
    );

    app.post(
      c.audit.path,
      {
        config: { access: c.audit.access },
        schema: {
          tags,
          summary:
            'Re-audit under a published version: the current period, or a past one ("YYYY-MM-DD..YYYY-MM-DD"), all pages or a region',
          params: c.audit.params,
          body: c.audit.body,
          response: { 200: c.audit.response, ...errorResponses },
        },
      },
      async (request) => {
        const s = await reaudit(db, request.params.id, {
          period: request.body.period,
          regionCode: request.body.region,
          now: clock.now(),
        });
        return {
          runId: s.runId,
          version: s.version,
          pages: s.pages,
          levels: s.levels,
          meanTotal: s.meanTotal,
        };
      },
    );

    app.get(
      c.diff.path,
      {
        config: { access: c.diff.access },
        schema: {
          tags,
          summary:
            'What differs between two versions (shipped, published or drafts): rules, parameters, weights, levels',
          querystring: c.diff.query,
          response: { 200: c.diff.response, ...errorResponses },
        },
      },
      async (request) => diffAny(db, request.query.a, request.query.b),
    );
  };
}
