// The authorization matrix for ids inside bodies: every id, code or unit key a route takes in its JSON body
// (found in the OpenAPI document, so a new one cannot slip by) is tried by every role with one from outside
// the caller's scope or the seminar's area; the answer is 403 or 404, nothing is written and nothing leaks.
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLE_IDS } from '../../src/auth/index.ts';
import type { Role } from '../../src/platform/db-schema.ts';
import { COUNTRY } from '../../src/platform/scope.ts';
import { planSeminar, recordAttendance, register, type SeminarInput } from '../../src/training/index.ts';
import { type ApiWorld, apiWorld, PASSWORD, type Unit } from '../api.ts';
import { describeEachDialect } from '../db.ts';

type Probe = { method: 'POST' | 'PUT' | 'PATCH'; url: string; payload: object };

type Entry = {
  /** What of the target the field names: a target naming what unit A names makes an own request, not tried. */
  names: (target: Unit) => string | number;
  /** The request naming `target`'s id in the field; everything else in it is the caller's own (unit A). */
  probe: (w: ApiWorld, target: Unit, seminar: number) => Probe;
  /** The seminar the probe uses: one for unit A's municipality, or one unit A attended. */
  seminar?: 'planned' | 'attended';
  /** Whether a target in the caller's scope is still out of reach: outside the seminar's area. */
  outsideArea?: (target: Unit, w: ApiWorld) => boolean;
};

const FEDERAL = { userId: null, scope: COUNTRY };

function seminarBody(u: Unit, change: Record<string, unknown> = {}) {
  return {
    title: 'Семинар для администраторов',
    programme: ['activity'],
    organiserKind: 'regional_centre',
    organiser: 'ЦУР',
    trainers: ['Петрова А. А.'],
    format: 'online',
    link: 'https://vk.com/video-1_1',
    startsLocal: '2026-12-10T15:00',
    durationMinutes: 90,
    timezone: 'Europe/Moscow',
    regionCode: u.regionCode,
    municipalityId: u.municipalityId,
    capacity: 30,
    audience: { levels: ['inactive'] },
    ...change,
  };
}

/** Seminar routes: unit A's municipal seminar reaches only unit A's municipality. */
const otherMunicipality = (t: Unit, w: ApiWorld) => t.municipalityId !== w.a.municipalityId;

const post = (url: string, payload: object): Probe => ({ method: 'POST', url, payload });
let serial = 0;

const ENTRIES: Record<string, Entry> = {
  'POST /api/seminars regionCode': {
    names: (t) => t.regionCode,
    probe: (w, t) => post('/api/seminars', seminarBody(w.a, { regionCode: t.regionCode })),
  },
  'POST /api/seminars municipalityId': {
    names: (t) => t.municipalityId,
    probe: (w, t) => post('/api/seminars', seminarBody(w.a, { municipalityId: t.municipalityId })),
  },
  'POST /api/seminars audience.municipalityIds': {
    names: (t) => t.municipalityId,
    probe: (w, t) =>
      post(
        '/api/seminars',
        seminarBody(w.a, { audience: { levels: ['inactive'], municipalityIds: [t.municipalityId] } }),
      ),
  },
  'POST /api/seminars/{id}/register institutionId': {
    names: (t) => t.institutionId,
    probe: (_w, t, s) => post(`/api/seminars/${s}/register`, { institutionId: t.institutionId }),
    outsideArea: otherMunicipality,
  },
  'POST /api/seminars/{id}/cancel institutionId': {
    names: (t) => t.institutionId,
    probe: (_w, t, s) => post(`/api/seminars/${s}/cancel`, { institutionId: t.institutionId }),
    outsideArea: otherMunicipality,
  },
  'POST /api/seminars/{id}/attendance institutionIds': {
    names: (t) => t.institutionId,
    probe: (w, t, s) =>
      post(`/api/seminars/${s}/attendance`, { institutionIds: [w.a.institutionId, t.institutionId] }),
    outsideArea: otherMunicipality,
  },
  'POST /api/seminars/{id}/feedback institutionId': {
    names: (t) => t.institutionId,
    seminar: 'attended',
    probe: (_w, t, s) =>
      post(`/api/seminars/${s}/feedback`, { institutionId: t.institutionId, rating: 1, useful: [] }),
    outsideArea: otherMunicipality,
  },
  'POST /api/users scope.regionCode': {
    names: (t) => t.regionCode,
    probe: (_w, t) =>
      post('/api/users', {
        login: `ids-${++serial}`,
        role: 'region_viewer',
        scope: { level: 'region', regionCode: t.regionCode },
        password: PASSWORD,
      }),
  },
  'POST /api/users scope.municipalityId': {
    names: (t) => t.municipalityId,
    probe: (_w, t) =>
      post('/api/users', {
        login: `ids-${++serial}`,
        role: 'municipality_viewer',
        scope: { level: 'municipality', municipalityId: t.municipalityId },
        password: PASSWORD,
      }),
  },
  'POST /api/users scope.institutionId': {
    names: (t) => t.institutionId,
    probe: (_w, t) =>
      post('/api/users', {
        login: `ids-${++serial}`,
        role: 'institution_viewer',
        scope: { level: 'institution', institutionId: t.institutionId },
        password: PASSWORD,
      }),
  },
  'PATCH /api/users/{id} scope.regionCode': {
    names: (t) => t.regionCode,
    probe: (w, t) => ({
      method: 'PATCH',
      url: `/api/users/${w.victims.a}`,
      payload: { role: 'region_viewer', scope: { level: 'region', regionCode: t.regionCode } },
    }),
  },
  'PATCH /api/users/{id} scope.municipalityId': {
    names: (t) => t.municipalityId,
    probe: (w, t) => ({
      method: 'PATCH',
      url: `/api/users/${w.victims.a}`,
      payload: {
        role: 'municipality_viewer',
        scope: { level: 'municipality', municipalityId: t.municipalityId },
      },
    }),
  },
  'PATCH /api/users/{id} scope.institutionId': {
    names: (t) => t.institutionId,
    probe: (w, t) => ({
      method: 'PATCH',
      url: `/api/users/${w.victims.a}`,
      payload: {
        role: 'institution_viewer',
        scope: { level: 'institution', institutionId: t.institutionId },
      },
    }),
  },
  'POST /api/reports/schedules key': {
    names: (t) => t.institutionId,
    probe: (_w, t) =>
      post('/api/reports/schedules', {
        level: 'institution',
        key: String(t.institutionId),
        format: 'json',
        cron: '0 7 * * 1',
      }),
  },
  'POST /api/inbox/{id}/state assigneeId': {
    names: (t) => t.institutionId,
    // The assignee is the target's own page admin; the comment is on unit A's page.
    probe: (_w, t) =>
      post(`/api/inbox/${extra.commentA}/state`, {
        status: 'in_progress',
        assigneeId: extra.answerers.get(t.institutionId),
      }),
  },
  'POST /api/inbox/messages/{id}/state assigneeId': {
    names: (t) => t.institutionId,
    // As for comments: the assignee is the target's own page admin; the message is on unit A's page.
    probe: (_w, t) =>
      post(`/api/inbox/messages/${extra.messageA}/state`, {
        status: 'in_progress',
        assigneeId: extra.answerers.get(t.institutionId),
      }),
  },
  'POST /api/alerts/webhooks regionCode': {
    names: (t) => t.regionCode,
    probe: (_w, t) =>
      post('/api/alerts/webhooks', { regionCode: t.regionCode, url: 'https://hooks.example.ru/publica' }),
  },
  'POST /api/inbox/saved-replies regionCode': {
    names: (t) => t.regionCode,
    probe: (_w, t) =>
      post('/api/inbox/saved-replies', savedReply({ level: 'region', regionCode: t.regionCode })),
  },
  'POST /api/inbox/saved-replies municipalityId': {
    names: (t) => t.municipalityId,
    probe: (_w, t) =>
      post(
        '/api/inbox/saved-replies',
        savedReply({ level: 'municipality', municipalityId: t.municipalityId }),
      ),
  },
  'POST /api/inbox/saved-replies pageId': {
    names: (t) => t.pageId,
    probe: (_w, t) => post('/api/inbox/saved-replies', savedReply({ level: 'page', pageId: t.pageId })),
  },
  'POST /api/inbox/flags/dismiss pageId': {
    names: (t) => t.pageId,
    probe: (_w, t) =>
      post('/api/inbox/flags/dismiss', {
        pageId: t.pageId,
        targetType: 'post',
        vkId: t.postVkId,
        kind: 'spam',
        text: 'example.xyz',
      }),
  },
  'POST /api/planner/syndications regionCode': {
    names: (t) => t.regionCode,
    probe: (_w, t) =>
      post('/api/planner/syndications', {
        regionCode: t.regionCode,
        mode: 'offer',
        kind: 'text',
        title: 'Анонс',
        text: 'Текст',
        content: {},
      }),
  },
  'POST /api/planner/syndications municipalityIds': {
    names: (t) => t.municipalityId,
    probe: (w, t) =>
      post('/api/planner/syndications', {
        regionCode: w.a.regionCode,
        municipalityIds: [t.municipalityId],
        mode: 'offer',
        kind: 'text',
        title: 'Анонс',
        text: 'Текст',
        content: {},
      }),
  },
};

/** Body fields that look like ids but name nothing placed in the hierarchy, with the reason. */
/** A saved reply placed in the library the fields name. */
function savedReply(place: object): object {
  return { ...place, topic: 'meals', title: 'Меню', text: 'Меню на неделю — на сайте школы.' };
}

const UNPLACED: Record<string, string> = {
  'POST /api/inbox/{id}/reply key': 'the idempotency key the caller makes up',
  'POST /api/inbox/messages/{id}/reply key': 'the idempotency key the caller makes up',
  'POST /api/inbox/flags/dismiss vkId': 'a post or comment of the page named by pageId, looked up in it',
  'POST /api/planner/pages/{pageId}/drafts templateId': 'a template shipped with Publica, the same for all',
  'PUT /api/planner/drafts/{id} templateId': 'a template shipped with Publica, the same for all',
};

const ID_FIELD = /(Ids?|Codes?)$|^key$/;

/** Every "METHOD /path field" of a JSON body in the OpenAPI document whose name says it is an id or a code. */
function bodyIdFields(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  const found: string[] = [];
  const walk = (schema: unknown, path: string, route: string) => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as Record<string, unknown>;
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
      const at = path ? `${path}.${name}` : name;
      if (ID_FIELD.test(name)) found.push(`${route} ${at}`);
      walk(sub, at, route);
    }
    for (const k of ['anyOf', 'oneOf', 'allOf'])
      for (const sub of (s[k] ?? []) as unknown[]) walk(sub, path, route);
    if (s.items) walk(s.items, path, route);
  };
  for (const [url, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const body = (op as { requestBody?: { content?: Record<string, { schema?: unknown }> } }).requestBody;
      walk(body?.content?.['application/json']?.schema, '', `${method.toUpperCase()} ${url}`);
    }
  return found;
}

/** A hash of every table a probe could write, to prove a refusal changed nothing. */
const WRITTEN = [
  'seminars',
  'seminar_enrolments',
  'seminar_feedback',
  'notifications',
  'users',
  'report_schedules',
  'inbox_states',
  'inbox_message_states',
  'alert_webhooks',
  'safety_dismissals',
  'planner_syndications',
  'planner_drafts',
] as const;
async function fingerprint(w: ApiWorld): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (const table of WRITTEN) {
    const rows = (await w.db.kysely.selectFrom(table).selectAll().execute()).map((r) =>
      JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    );
    hash.update(`${table}:${rows.sort().join('\n')}`);
  }
  return hash.digest('hex');
}

function reaches(role: Role, w: ApiWorld, t: Unit): boolean {
  if (role.startsWith('federal') || role === 'methodologist') return true;
  if (role.startsWith('region') || role === 'trainer') return t.regionCode === w.a.regionCode;
  if (role.startsWith('municipality')) return t.municipalityId === w.a.municipalityId;
  return t.institutionId === w.a.institutionId;
}

function expectRefusedQuietly(res: LightMyRequestResponse, t: Unit): void {
  const body = res.json() as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  for (const secret of [t.institution, t.inn, t.municipality]) expect(res.body).not.toContain(secret);
}

/** A user's comment on unit A's page, and a page admin of each unit (who may be assigned a question). */
let extra: { commentA: number; messageA: number; answerers: Map<number, number> };

describeEachDialect(
  'ids inside bodies',
  (ctx) => {
    let w: ApiWorld;
    /** Units of region A outside unit A: another municipality's, and another institution of A's municipality. */
    let targets: Unit[];
    beforeAll(async () => {
      w = await apiWorld(ctx.db);
      const unitLike = async (where: 'municipality' | 'institution'): Promise<Unit | null> => {
        let q = w.db.kysely
          .selectFrom('institutions as i')
          .innerJoin('municipalities as m', 'm.id', 'i.municipality_id')
          .innerJoin('pages as p', 'p.institution_id', 'i.id')
          .innerJoin('posts as po', 'po.page_id', 'p.id')
          .select([
            'i.id',
            'i.full_name',
            'i.inn',
            'i.ogrn',
            'i.kind',
            'm.id as mid',
            'm.name',
            'p.id as pid',
            'po.vk_id',
          ])
          .where('i.region_code', '=', w.a.regionCode)
          .where('i.id', '!=', w.a.institutionId);
        q =
          where === 'municipality'
            ? q.where('i.municipality_id', '!=', w.a.municipalityId)
            : q.where('i.municipality_id', '=', w.a.municipalityId);
        const r = await q.orderBy('i.id').limit(1).executeTakeFirst();
        return r
          ? {
              regionCode: w.a.regionCode,
              municipalityId: r.mid,
              municipality: r.name,
              institutionId: r.id,
              institution: r.full_name,
              inn: r.inn ?? '',
              ogrn: r.ogrn ?? '',
              kind: r.kind,
              pageId: r.pid,
              postVkId: r.vk_id,
            }
          : null;
      };
      const nearby = [await unitLike('municipality'), await unitLike('institution')];
      targets = [w.b, ...nearby.filter((u): u is Unit => u !== null)];
      expect(targets.length).toBeGreaterThanOrEqual(2);
      const comment = await w.db.kysely
        .selectFrom('comments')
        .select('id')
        .where('page_id', '=', w.a.pageId)
        .where('is_from_community', '=', 0)
        .executeTakeFirstOrThrow();
      // A page admin of each target institution: the assignee a question could go to.
      const answerers = new Map<number, number>();
      for (const t of [w.a, ...targets]) {
        const row = await w.db.kysely
          .selectFrom('users')
          .select('id')
          .where('login', '=', `answerer-${t.institutionId}`)
          .executeTakeFirst();
        if (row) answerers.set(t.institutionId, row.id);
        else {
          const made = await w.as('federal', {
            method: 'POST',
            url: '/api/users',
            payload: {
              login: `answerer-${t.institutionId}`,
              role: 'institution',
              scope: { level: 'institution', institutionId: t.institutionId },
              password: PASSWORD,
            },
          });
          answerers.set(t.institutionId, made.json().user.id);
        }
      }
      // A person's community message on unit A's page.
      const at = Math.floor(Date.now() / 1000) - 3600;
      const message = await w.db.kysely
        .insertInto('inbox_messages')
        .values({
          page_id: w.a.pageId,
          peer_id: 7001,
          vk_id: 1,
          from_id: 7001,
          is_out: 0,
          text: 'Здравствуйте! Когда собрание?',
          sent_at: at,
          stored_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      extra = { commentA: comment.id, messageA: message.id, answerers };
      // Sign everyone in now, so the fingerprints below see only what the probes write.
      for (const role of ROLE_IDS) await w.as(role, { method: 'GET', url: '/api/auth/me' });
    }, 120_000);
    afterAll(() => w?.close());

    it('has a probe (or a reason it needs none) for every id in every body the API takes', async () => {
      const fields = bodyIdFields((await w.as(null, { method: 'GET', url: '/api/docs/json' })).json());
      expect(fields.length).toBeGreaterThan(10);
      const covered = new Set([...Object.keys(ENTRIES), ...Object.keys(UNPLACED)]);
      expect(fields.filter((f) => !covered.has(f))).toEqual([]);
      expect([...covered].filter((f) => !fields.includes(f))).toEqual([]);
    });

    it('refuses every body id from outside the scope or the seminar’s area, writing nothing, leaking nothing', async () => {
      const failures: string[] = [];
      const seminars = new Map<string, number>();
      for (const [key, entry] of Object.entries(ENTRIES)) {
        // A fresh seminar per route: unit A's municipality's, attended by A where feedback needs it.
        const seminar = await planSeminar(w.db, FEDERAL, seminarBody(w.a) as SeminarInput, 0);
        if (entry.seminar === 'attended') {
          await register(w.db, FEDERAL, seminar, w.a.institutionId, 0);
          await recordAttendance(w.db, FEDERAL, seminar, [w.a.institutionId]);
        }
        seminars.set(key, seminar);
        for (const role of ROLE_IDS)
          for (const t of targets) {
            if (entry.names(t) === entry.names(w.a)) continue;
            if (reaches(role, w, t) && !entry.outsideArea?.(t, w)) continue;
            const before = await fingerprint(w);
            const res = await w.as(role, entry.probe(w, t, seminar));
            const where = `${key} as ${role} naming ${t.institution} (${t.regionCode}/${t.municipalityId})`;
            if (res.statusCode !== 403 && res.statusCode !== 404) {
              failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 160)}`);
              continue;
            }
            expectRefusedQuietly(res, t);
            if ((await fingerprint(w)) !== before) failures.push(`${where}: refused, but wrote something`);
          }
      }
      // The same requests with unit A's own ids go through: the refusals above were for the id alone.
      for (const [key, entry] of Object.entries(ENTRIES)) {
        const own = await w.as('federal', entry.probe(w, w.a, seminars.get(key) ?? 0));
        if (own.statusCode >= 400)
          failures.push(`${key} with own ids: ${own.statusCode} ${own.body.slice(0, 160)}`);
      }
      expect(failures).toEqual([]);
    }, 240_000);
  },
  { shared: true },
);
