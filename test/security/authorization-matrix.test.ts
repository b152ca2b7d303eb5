// The authorization matrix: for every route the server serves × every role × (a resource in the caller's own
// scope, one in another region, no session), the expected status, and that a denied call leaks nothing.
// The expected roles are written here by hand, independently of the roles table; a route the server serves
// without an entry here fails the test. Ids inside bodies (an institution, a municipality, a user named in a
// JSON body) have their own matrix in ids-in-bodies.test.ts.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWebhook } from '../../src/alerts/alert-settings.service.ts';
import { permissionsOf, ROLE_IDS } from '../../src/auth/index.ts';
import { createDraft, inviteContributor, syndicate } from '../../src/planner/index.ts';
import type { Role } from '../../src/platform/db-schema.ts';
import { COUNTRY } from '../../src/platform/scope.ts';
import { generateReportFile } from '../../src/reports/report-files.service.ts';
import {
  addMaterial,
  planSeminar,
  recordAttendance,
  register,
  type SeminarInput,
} from '../../src/training/index.ts';
import { type ApiWorld, apiWorld, multipart, PASSWORD, type Unit } from '../api.ts';
import { describeEachDialect } from '../db.ts';

type Probe = InjectOptions & { method: NonNullable<InjectOptions['method']> };
type Case = 'own' | 'other';

type Entry = {
  /**
   * Roles that may call the route at all; others get 403. 'any' = every role that reads data (all but a
   * contributor, who only proposes drafts); 'everyone' = every signed-in role.
   */
  allow: readonly Role[] | 'any' | 'everyone';
  /** The request for a resource in the scope of region A (own) or B (other). */
  probe: (w: ApiWorld, unit: Unit, c: Case, role: Role | null) => Probe | Promise<Probe>;
  /** Status of an allowed call in the caller's scope. */
  ok?: number;
  /** Status of an allowed call for another region's resource, for roles that do not cover it (default 404). */
  other?: number;
  /** Whether country-wide roles also get `other` for region B (personal resources such as tokens). */
  personal?: boolean;
  /** Routes that need no session answer the same to everyone. */
  public?: number;
  /** A check of a successful body. */
  check?: (body: unknown, w: ApiWorld, c: Case) => void;
};

/** Sign-in probes use a new login each: failures of one login from one address are slowed down. */
let loginProbe = 0;
const ADMINS = ['federal', 'region', 'municipality'] as const;
const LOG_READERS = ['federal', 'region'] as const;
const COMMENT_READERS = ROLE_IDS.filter(
  (r) => r !== 'trainer' && r !== 'institution_viewer' && r !== 'contributor' && r !== 'methodologist',
);
const ANSWERERS = ['federal', 'region', 'municipality', 'institution'] as const;
const FACT_RECORDERS = ['federal', 'region', 'municipality', 'institution'] as const;
const MANAGERS = ['federal', 'region', 'municipality', 'trainer'] as const;
const ENROLLERS = ['federal', 'region', 'municipality', 'institution'] as const;
const DRAFT_MANAGERS = ['federal', 'region', 'municipality', 'institution'] as const;
const PLANNERS = [...DRAFT_MANAGERS, 'contributor'] as const;
const REGIONAL = ['federal', 'region'] as const;
const METHODOLOGISTS = ['methodologist'] as const;

function seminarBody(u: Unit) {
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
  };
}

/** A seminar for the unit's municipality, made once per unit and database for the probes. */
const seminars = new WeakMap<ApiWorld, Map<string, Promise<number>>>();
function seminarOf(w: ApiWorld, u: Unit): Promise<number> {
  const ofWorld = seminars.get(w) ?? new Map<string, Promise<number>>();
  seminars.set(w, ofWorld);
  const key = `${u.regionCode}/${u.municipalityId}`;
  let made = ofWorld.get(key);
  if (!made) {
    const at = Math.floor(Date.now() / 1000);
    made = planSeminar(w.db, { userId: null, scope: COUNTRY }, seminarBody(u) as SeminarInput, at);
    ofWorld.set(key, made);
  }
  return made;
}
const get = (url: string): Probe => ({ method: 'GET', url });

const FEDERAL = { userId: null, scope: COUNTRY };

/**
 * A draft on the unit's page: in region A proposed by its contributor (so the contributor may edit it), in
 * region B written by the federal admin. Fresh each time when the probe changes or deletes it.
 */
const drafts = new WeakMap<ApiWorld, Map<string, Promise<number>>>();
function draftOf(w: ApiWorld, u: Unit, fresh = false): Promise<number> {
  const ofWorld = drafts.get(w) ?? new Map<string, Promise<number>>();
  drafts.set(w, ofWorld);
  const key = u.regionCode;
  const known = ofWorld.get(key);
  if (known && !fresh) return known;
  const byContributor = u === w.a;
  const author = byContributor
    ? {
        userId: w.users.contributor.id,
        scope: {
          level: 'institution' as const,
          regionCode: u.regionCode,
          municipalityId: u.municipalityId,
          institutionId: u.institutionId,
        },
        permissions: permissionsOf('contributor'),
      }
    : { userId: w.users.federal.id, scope: COUNTRY, permissions: permissionsOf('federal') };
  const made = createDraft(
    w.db,
    author,
    u.pageId,
    { kind: 'text', title: 'Предложение', text: 'Текст', content: {} },
    0,
  );
  if (!fresh) ofWorld.set(key, made);
  return made;
}

const syndications = new WeakMap<ApiWorld, Map<string, Promise<number>>>();
function syndicationOf(w: ApiWorld, u: Unit): Promise<number> {
  const ofWorld = syndications.get(w) ?? new Map<string, Promise<number>>();
  syndications.set(w, ofWorld);
  let made = ofWorld.get(u.regionCode);
  if (!made) {
    made = syndicate(
      w.db,
      { userId: w.users.federal.id, scope: COUNTRY, permissions: permissionsOf('federal') },
      { regionCode: u.regionCode, mode: 'offer', kind: 'text', title: 'Анонс', text: 'Текст', content: {} },
      0,
    ).then((r) => r.id);
    ofWorld.set(u.regionCode, made);
  }
  return made;
}

/** A seminar of the unit's municipality that its institution attended (once per unit and database). */
const attendedSeminars = new WeakMap<ApiWorld, Map<string, Promise<number>>>();
function attendedSeminarOf(w: ApiWorld, u: Unit): Promise<number> {
  const ofWorld = attendedSeminars.get(w) ?? new Map<string, Promise<number>>();
  attendedSeminars.set(w, ofWorld);
  let made = ofWorld.get(u.regionCode);
  if (!made) {
    const at = Math.floor(Date.now() / 1000);
    made = (async () => {
      const id = await planSeminar(w.db, FEDERAL, seminarBody(u) as SeminarInput, at);
      await register(w.db, FEDERAL, id, u.institutionId, at);
      await recordAttendance(w.db, FEDERAL, id, [u.institutionId]);
      return id;
    })();
    ofWorld.set(u.regionCode, made);
  }
  return made;
}

/** A user's comment on the unit's page, for the inbox's probes. */
async function userCommentOf(w: ApiWorld, u: Unit): Promise<number> {
  const row = await w.db.kysely
    .selectFrom('comments')
    .select('id')
    .where('page_id', '=', u.pageId)
    .where('is_from_community', '=', 0)
    .executeTakeFirstOrThrow();
  return row.id;
}
let serial = 0;

/** A person's community message on the unit's page (once per unit and database), for the messages' probes. */
const messages = new WeakMap<ApiWorld, Map<string, Promise<number>>>();
function messageOf(w: ApiWorld, u: Unit): Promise<number> {
  const ofWorld = messages.get(w) ?? new Map<string, Promise<number>>();
  messages.set(w, ofWorld);
  let made = ofWorld.get(u.regionCode);
  if (!made) {
    const at = Math.floor(Date.now() / 1000) - 3600;
    made = w.db.kysely
      .insertInto('inbox_messages')
      .values({
        page_id: u.pageId,
        peer_id: 700 + u.pageId,
        vk_id: 1,
        from_id: 700 + u.pageId,
        is_out: 0,
        text: 'Здравствуйте! Когда собрание?',
        sent_at: at,
        stored_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
    ofWorld.set(u.regionCode, made);
  }
  return made;
}

/** A webhook of the unit's region, added by the federal admin; fresh when the probe deletes it. */
const webhooks = new WeakMap<ApiWorld, Map<string, Promise<number>>>();
function webhookOf(w: ApiWorld, u: Unit, fresh = false): Promise<number> {
  const ofWorld = webhooks.get(w) ?? new Map<string, Promise<number>>();
  webhooks.set(w, ofWorld);
  const known = ofWorld.get(u.regionCode);
  if (known && !fresh) return known;
  const made = addWebhook(
    w.db,
    { userId: w.users.federal.id, scope: COUNTRY },
    { regionCode: u.regionCode, url: 'https://hooks.example.ru/publica' },
    Math.floor(Date.now() / 1000),
    w.secrets,
  ).then((h) => h.id);
  if (!fresh) ofWorld.set(u.regionCode, made);
  return made;
}

function uploadCsv(u: Unit): string {
  const header = 'inn,ogrn,full_name,kind,region_code,municipality';
  return `${header}\n${u.inn},${u.ogrn},"${u.institution.replaceAll('"', '""')}",${u.kind},${u.regionCode},"${u.municipality}"\n`;
}

const MATRIX: Record<string, Entry> = {
  'GET /healthz': { allow: 'any', public: 200, probe: () => get('/healthz') },
  'GET /readyz': { allow: 'any', public: 200, probe: () => get('/readyz') },
  'GET /api/docs/json': { allow: 'any', public: 200, probe: () => get('/api/docs/json') },
  'POST /api/auth/login': {
    allow: 'any',
    public: 401,
    probe: () => ({
      method: 'POST',
      url: '/api/auth/login',
      // A new login each time: failures of one login from one address are slowed down (429) after a few.
      payload: { login: `nobody-${++loginProbe}`, password: 'wrong-password' },
    }),
  },
  'POST /api/auth/logout': {
    allow: 'everyone',
    // Ends a session of its own, so the probes that follow keep theirs.
    probe: async (w, _u, _c, role) => {
      if (role === null) return { method: 'POST', url: '/api/auth/logout' };
      const s = await w.signIn(w.users[role].login);
      return {
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      };
    },
  },
  'GET /api/open/regions': { allow: 'any', public: 200, probe: () => get('/api/open/regions') },
  'GET /api/open/regions/:code/municipalities': {
    allow: 'any',
    public: 200,
    probe: (_w, u) => get(`/api/open/regions/${u.regionCode}/municipalities?format=csv`),
  },
  'GET /api/exports/pages': {
    allow: 'any',
    probe: (_w, u) => get(`/api/exports/pages?municipality=${u.municipalityId}`),
  },
  'GET /api/reports/units/:level/:key': {
    allow: 'any',
    probe: (_w, u) => get(`/api/reports/units/institution/${u.institutionId}?format=json`),
    check: (body, w, c) =>
      expect((body as { unit: { key: string } }).unit.key).toBe(
        `institution:${(c === 'own' ? w.a : w.b).institutionId}`,
      ),
  },
  'GET /api/reports/schedules': { allow: 'any', probe: () => get('/api/reports/schedules') },
  'POST /api/reports/schedules': {
    allow: 'any',
    probe: (_w, u) => ({
      method: 'POST',
      url: '/api/reports/schedules',
      payload: { level: 'institution', key: String(u.institutionId), format: 'json', cron: '0 7 * * 1' },
    }),
  },
  'DELETE /api/reports/schedules/:id': {
    allow: 'any',
    probe: async (w, u) => {
      const made = await w.as('federal', {
        method: 'POST',
        url: '/api/reports/schedules',
        payload: { level: 'institution', key: String(u.institutionId), format: 'json', cron: '0 7 * * 1' },
      });
      return { method: 'DELETE', url: `/api/reports/schedules/${made.json().id}` };
    },
  },
  'GET /api/reports/files': { allow: 'any', probe: () => get('/api/reports/files') },
  'GET /api/reports/files/:id': {
    allow: 'any',
    probe: async (w, u) => {
      const id = await generateReportFile(
        w.db,
        {
          level: 'institution',
          regionCode: u.regionCode,
          municipalityId: u.municipalityId,
          institutionId: u.institutionId,
        },
        { format: 'json', lang: 'ru' },
      );
      return get(`/api/reports/files/${id}`);
    },
  },
  'GET /api/exports/institutions': {
    allow: 'any',
    probe: (_w, u) => get(`/api/exports/institutions?municipality=${u.municipalityId}`),
  },
  'GET /api/exports/audit-results': {
    allow: 'any',
    probe: (_w, u) => get(`/api/exports/audit-results?municipality=${u.municipalityId}`),
  },
  'GET /api/auth/me': { allow: 'everyone', probe: () => get('/api/auth/me') },
  'GET /api/tokens': { allow: 'any', probe: () => get('/api/tokens') },
  'POST /api/tokens': {
    allow: 'any',
    probe: () => ({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'matrix', permissions: ['methodology.read'] },
    }),
  },
  'DELETE /api/tokens/:id': {
    allow: 'any',
    personal: true,
    probe: async (w, _u, c, role) => {
      // Own: a token of the caller; other: a token of somebody else, which nobody may revoke.
      const owner = c === 'own' && role !== null ? role : role === 'federal' ? 'region' : 'federal';
      const made = await w.as(owner, {
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'to revoke', permissions: ['methodology.read'] },
      });
      return { method: 'DELETE', url: `/api/tokens/${made.json().id}` };
    },
  },
  'GET /api/users': {
    allow: [...ADMINS],
    probe: () => get('/api/users?size=100'),
  },
  'GET /api/users/:id': {
    allow: [...ADMINS],
    probe: (w, _u, c) => get(`/api/users/${c === 'own' ? w.victims.a : w.victims.b}`),
  },
  'POST /api/users': {
    allow: [...ADMINS],
    probe: (_w, u) => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        login: `made-${++serial}`,
        role: 'institution_viewer',
        scope: { level: 'institution', institutionId: u.institutionId },
        password: PASSWORD,
      },
    }),
  },
  'PATCH /api/users/:id': {
    allow: [...ADMINS],
    probe: (w, _u, c) => ({
      method: 'PATCH',
      url: `/api/users/${c === 'own' ? w.victims.a : w.victims.b}`,
      payload: { displayName: `renamed ${++serial}` },
    }),
  },
  'POST /api/users/:id/password': {
    allow: [...ADMINS],
    probe: (w, _u, c) => ({
      method: 'POST',
      url: `/api/users/${c === 'own' ? w.victims.a : w.victims.b}/password`,
      payload: { password: PASSWORD },
    }),
  },
  'GET /api/users/:id/tokens': {
    allow: [...ADMINS],
    probe: (w, _u, c) => get(`/api/users/${c === 'own' ? w.victims.a : w.victims.b}/tokens`),
  },
  'DELETE /api/users/:id/tokens/:tokenId': {
    allow: [...ADMINS],
    probe: async (w, _u, c) => {
      // A live token of the victim in region A (own) or B (other), made through the victim's own session.
      const s = await w.signIn(c === 'own' ? 'victim-a' : 'victim-b');
      const made = await w.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: { name: 'admin revokes', permissions: ['methodology.read'] },
      });
      const victim = c === 'own' ? w.victims.a : w.victims.b;
      return { method: 'DELETE', url: `/api/users/${victim}/tokens/${made.json().id}` };
    },
  },
  'GET /api/audit-log': {
    allow: [...LOG_READERS],
    probe: () => get('/api/audit-log?size=100'),
  },
  'GET /api/regions': { allow: 'any', probe: () => get('/api/regions') },
  'GET /api/regions/:code': { allow: 'any', probe: (_w, u) => get(`/api/regions/${u.regionCode}`) },
  'GET /api/regions/:code/methodology': {
    allow: 'any',
    probe: (_w, u) => get(`/api/regions/${u.regionCode}/methodology`),
  },
  'PUT /api/regions/:code/methodology': {
    allow: [...REGIONAL],
    // Back to the national version: the same answer however often it is asked, so other probes see no change.
    probe: (_w, u) => ({
      method: 'PUT',
      url: `/api/regions/${u.regionCode}/methodology`,
      payload: { version: null },
    }),
  },
  'GET /api/municipalities': {
    allow: 'any',
    probe: (_w, u) => get(`/api/municipalities?region=${u.regionCode}`),
  },
  'GET /api/municipalities/:id': {
    allow: 'any',
    probe: (_w, u) => get(`/api/municipalities/${u.municipalityId}`),
  },
  'GET /api/institutions': {
    allow: 'any',
    probe: (_w, u) => get(`/api/institutions?municipality=${u.municipalityId}`),
    check: (body, w, c) => {
      const names = (body as { items: { fullName: string }[] }).items.map((i) => i.fullName);
      expect(names).toContain((c === 'own' ? w.a : w.b).institution);
    },
  },
  'GET /api/institutions/:id': {
    allow: 'any',
    probe: (_w, u) => get(`/api/institutions/${u.institutionId}`),
  },
  'POST /api/registry/uploads': {
    allow: [...ADMINS],
    // Another region's rows are refused row by row; nothing is written either way (dry run).
    other: 200,
    probe: (_w, u) => ({
      method: 'POST',
      url: '/api/registry/uploads?dryRun=1',
      ...multipart('r.csv', uploadCsv(u)),
    }),
    check: (body, _w, c) => {
      const report = body as { status: string; problems: { code: string }[] };
      if (c === 'own') expect(report.status).toBe('previewed');
      else if (report.status === 'rejected')
        expect(report.problems.map((p) => p.code)).toEqual(['outside_scope']);
    },
  },
  'GET /api/registry/uploads': { allow: [...ADMINS], probe: () => get('/api/registry/uploads') },
  'GET /api/registry/uploads/:id': {
    allow: [...ADMINS],
    probe: async (w, u, c) => {
      // Own: an upload by region A's admin of region A rows; other: the federal admin's upload of region B rows,
      // which regional admins must not read.
      const by: Role = c === 'own' ? 'municipality' : 'federal';
      const made = await w.as(by, {
        method: 'POST',
        url: '/api/registry/uploads?dryRun=1',
        ...multipart('r.csv', uploadCsv(u)),
      });
      return get(`/api/registry/uploads/${made.json().id}`);
    },
  },
  'GET /api/rollups': {
    allow: 'any',
    probe: (_w, u) => get(`/api/rollups?by=municipality&region=${u.regionCode}`),
  },
  'GET /api/network-coverage': {
    allow: 'any',
    probe: (_w, u) => get(`/api/network-coverage?region=${u.regionCode}`),
  },
  'GET /api/pages': {
    allow: 'any',
    probe: (_w, u) => get(`/api/pages?municipality=${u.municipalityId}&size=100`),
  },
  'GET /api/pages/:id': { allow: 'any', probe: (_w, u) => get(`/api/pages/${u.pageId}`) },
  'GET /api/pages/:id/posts': { allow: 'any', probe: (_w, u) => get(`/api/pages/${u.pageId}/posts`) },
  'GET /api/pages/:id/comments': {
    allow: COMMENT_READERS,
    probe: (_w, u) => get(`/api/pages/${u.pageId}/comments`),
  },
  'GET /api/pages/:id/report': { allow: 'any', probe: (_w, u) => get(`/api/pages/${u.pageId}/report`) },
  'GET /api/pages/:id/facts': { allow: 'any', probe: (_w, u) => get(`/api/pages/${u.pageId}/facts`) },
  // The matrix's pages are VK pages: in scope the OK/MAX card refuses them (400, after the scope check), else 404.
  'GET /api/pages/:id/network-report': {
    allow: 'any',
    ok: 400,
    probe: (_w, u) => get(`/api/pages/${u.pageId}/network-report`),
  },
  'POST /api/pages/:id/facts': {
    allow: [...FACT_RECORDERS],
    ok: 201,
    probe: (_w, u) => ({
      method: 'POST',
      url: `/api/pages/${u.pageId}/facts`,
      payload: { fact: 'siteBacklink', value: true, checkedOn: '2026-11-20', evidence: 'screenshot' },
    }),
  },
  'POST /api/page-facts/imports': {
    allow: [...FACT_RECORDERS],
    // Rows of another region's pages are `no_page` problems; nothing is written either way (dry run).
    other: 200,
    probe: (_w, u) => ({
      method: 'POST',
      url: '/api/page-facts/imports?dryRun=1',
      ...multipart('export.csv', `ОГРН;Подключено\n${u.ogrn};да\n`),
    }),
    check: (body, _w, c) => {
      const report = body as { facts: number; problems: { key: string }[] };
      if (c === 'own') expect(report.problems).toEqual([]);
      else if (report.facts === 0) expect(report.problems.map((p) => p.key)).toEqual(['no_page']);
    },
  },
  'GET /api/inbox': { allow: COMMENT_READERS, probe: (_w, u) => get(`/api/inbox?pageId=${u.pageId}`) },
  'GET /api/inbox/metrics': {
    allow: COMMENT_READERS,
    probe: (_w, u) => get(`/api/inbox/metrics?pageId=${u.pageId}`),
  },
  'POST /api/inbox/:id/state': {
    allow: ANSWERERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/inbox/${await userCommentOf(w, u)}/state`,
      payload: { status: 'in_progress' },
    }),
  },
  'POST /api/inbox/:id/reply': {
    allow: ANSWERERS,
    // The test world stores no community token: an allowed call in scope is refused for that, not for scope.
    ok: 409,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/inbox/${await userCommentOf(w, u)}/reply`,
      payload: { text: 'Ответ', key: `matrix-${++serial}` },
    }),
  },
  'POST /api/inbox/:id/check-reply': {
    allow: ANSWERERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/inbox/${await userCommentOf(w, u)}/check-reply`,
      payload: { text: 'Проверим.' },
    }),
  },
  // The criteria are the same text for everyone: nothing in them belongs to a region.
  'GET /api/inbox/reply-criteria': {
    allow: COMMENT_READERS,
    other: 200,
    probe: () => get('/api/inbox/reply-criteria'),
  },
  'GET /api/inbox/saved-replies': {
    allow: COMMENT_READERS,
    probe: (_w, u) =>
      get(`/api/inbox/saved-replies?pageId=${u.pageId}&question=${encodeURIComponent('автобус')}`),
  },
  'POST /api/inbox/saved-replies': {
    allow: ANSWERERS,
    probe: (_w, u) => ({
      method: 'POST',
      url: '/api/inbox/saved-replies',
      payload: { level: 'page', pageId: u.pageId, topic: 'meals', title: 'Меню', text: 'Меню {school}' },
    }),
  },
  'PUT /api/inbox/pages/:id/contacts': {
    allow: ANSWERERS,
    probe: (_w, u) => ({
      method: 'PUT',
      url: `/api/inbox/pages/${u.pageId}/contacts`,
      payload: { phone: '+7 900 000-00-00', hours: 'пн–пт 9–17' },
    }),
  },
  'GET /api/inbox/topics': {
    allow: COMMENT_READERS,
    probe: (_w, u) => get(`/api/inbox/topics?pageId=${u.pageId}`),
  },
  'GET /api/inbox/other-networks': {
    allow: COMMENT_READERS,
    probe: (_w, u) => get(`/api/inbox/other-networks?pageId=${u.pageId}`),
  },
  'GET /api/inbox/flags': {
    allow: COMMENT_READERS,
    probe: (_w, u) => get(`/api/inbox/flags?pageId=${u.pageId}`),
  },
  'POST /api/inbox/flags/dismiss': {
    allow: ANSWERERS,
    probe: (_w, u) => ({
      method: 'POST',
      url: '/api/inbox/flags/dismiss',
      payload: { pageId: u.pageId, targetType: 'post', vkId: u.postVkId, kind: 'spam', text: 'example.xyz' },
    }),
  },
  'GET /api/seminars': { allow: 'any', probe: () => get('/api/seminars') },
  'POST /api/seminars': {
    allow: MANAGERS,
    probe: (_w, u) => ({ method: 'POST', url: '/api/seminars', payload: seminarBody(u) }),
  },
  'GET /api/seminars/:id': {
    allow: 'any',
    probe: async (w, u) => get(`/api/seminars/${await seminarOf(w, u)}`),
  },
  'GET /api/seminars/:id/audience': {
    allow: MANAGERS,
    probe: async (w, u) => get(`/api/seminars/${await seminarOf(w, u)}/audience`),
  },
  'POST /api/seminars/:id/invite': {
    allow: MANAGERS,
    probe: async (w, u) => ({ method: 'POST', url: `/api/seminars/${await seminarOf(w, u)}/invite` }),
  },
  'POST /api/seminars/:id/register': {
    allow: ENROLLERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/seminars/${await seminarOf(w, u)}/register`,
      payload: { institutionId: u.institutionId },
    }),
  },
  'POST /api/seminars/:id/cancel': {
    allow: ENROLLERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/seminars/${await seminarOf(w, u)}/cancel`,
      payload: { institutionId: u.institutionId },
    }),
  },
  'POST /api/seminars/:id/attendance': {
    allow: MANAGERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/seminars/${await seminarOf(w, u)}/attendance`,
      payload: { institutionIds: [u.institutionId] },
    }),
  },
  'GET /api/seminars/:id/effect': {
    allow: 'any',
    // The test world has one audit: an allowed call in scope is refused for the missing "after" audit.
    ok: 409,
    probe: async (w, u) => get(`/api/seminars/${await seminarOf(w, u)}/effect`),
  },
  'GET /api/seminars/effect': {
    allow: 'any',
    // Seminars of December exist in every caller's area by now; the test world's one audit has no "after".
    ok: 409,
    probe: () => get('/api/seminars/effect?from=2026-12-01&to=2026-12-31'),
  },
  'POST /api/seminars/:id/call-off': {
    allow: MANAGERS,
    // A seminar of its own each time: calling off the shared one would close it to the probes after.
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/seminars/${await planSeminar(w.db, FEDERAL, seminarBody(u) as SeminarInput, 0)}/call-off`,
    }),
  },
  'POST /api/seminars/:id/attendance/upload': {
    allow: MANAGERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/seminars/${await seminarOf(w, u)}/attendance/upload?dryRun=1`,
      ...multipart('attended.csv', `ИНН\n${u.inn}\n`),
    }),
  },
  'POST /api/seminars/:id/materials': {
    allow: MANAGERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/seminars/${await seminarOf(w, u)}/materials`,
      payload: { title: 'Слайды', url: 'https://example.org/slides.pdf' },
    }),
  },
  'DELETE /api/seminars/:id/materials/:materialId': {
    allow: MANAGERS,
    probe: async (w, u) => {
      const seminar = await seminarOf(w, u);
      const material = await addMaterial(
        w.db,
        FEDERAL,
        seminar,
        { title: 'x', url: 'https://example.org/x' },
        0,
      );
      return { method: 'DELETE', url: `/api/seminars/${seminar}/materials/${material}` };
    },
  },
  'POST /api/seminars/:id/feedback': {
    allow: ENROLLERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/seminars/${await attendedSeminarOf(w, u)}/feedback`,
      payload: { institutionId: u.institutionId, rating: 5, useful: ['activity'] },
    }),
  },
  'GET /api/seminars/:id/feedback': {
    allow: 'any',
    probe: async (w, u) => get(`/api/seminars/${await attendedSeminarOf(w, u)}/feedback`),
  },
  'GET /api/seminars/:id/certificates/:institutionId': {
    allow: 'any',
    probe: async (w, u) =>
      get(`/api/seminars/${await attendedSeminarOf(w, u)}/certificates/${u.institutionId}`),
  },
  'GET /api/notifications': { allow: 'everyone', probe: () => get('/api/notifications') },
  'POST /api/notifications/read': {
    allow: 'everyone',
    probe: () => ({ method: 'POST', url: '/api/notifications/read', payload: {} }),
  },
  'GET /api/planner/templates': { allow: PLANNERS, probe: () => get('/api/planner/templates') },
  'GET /api/planner/pages': { allow: PLANNERS, probe: () => get('/api/planner/pages') },
  'GET /api/planner/pages/:pageId/plan': {
    allow: PLANNERS,
    probe: (_w, u) => get(`/api/planner/pages/${u.pageId}/plan?from=2026-12-01&to=2026-12-31`),
  },
  'POST /api/planner/pages/:pageId/files': {
    allow: PLANNERS,
    probe: (_w, u) => ({
      method: 'POST',
      url: `/api/planner/pages/${u.pageId}/files`,
      // The first bytes of a JPEG (JFIF): the route reads a file's type from its bytes.
      ...multipart('photo.jpg', Buffer.from('ffd8ffe000104a46494600', 'hex'), 'image/jpeg'),
    }),
  },
  'POST /api/planner/pages/:pageId/drafts': {
    allow: PLANNERS,
    probe: (_w, u) => ({
      method: 'POST',
      url: `/api/planner/pages/${u.pageId}/drafts`,
      payload: { kind: 'text', title: 'Анонс', text: 'Текст', content: {} },
    }),
  },
  'GET /api/planner/drafts/:id': {
    allow: PLANNERS,
    probe: async (w, u) => get(`/api/planner/drafts/${await draftOf(w, u)}`),
  },
  'PUT /api/planner/drafts/:id': {
    allow: PLANNERS,
    probe: async (w, u) => ({
      method: 'PUT',
      url: `/api/planner/drafts/${await draftOf(w, u)}`,
      payload: { kind: 'text', title: 'Правка', text: 'Новый текст', content: {} },
    }),
  },
  'DELETE /api/planner/drafts/:id': {
    allow: PLANNERS,
    probe: async (w, u) => ({ method: 'DELETE', url: `/api/planner/drafts/${await draftOf(w, u, true)}` }),
  },
  'POST /api/planner/drafts/:id/move': {
    allow: DRAFT_MANAGERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/planner/drafts/${await draftOf(w, u)}/move`,
      payload: { plannedAt: 1_796_000_000 },
    }),
  },
  'POST /api/planner/drafts/:id/approve': {
    allow: DRAFT_MANAGERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/planner/drafts/${await draftOf(w, u, true)}/approve`,
      payload: { plannedAt: 1_796_000_000 },
    }),
  },
  'POST /api/planner/drafts/:id/reject': {
    allow: DRAFT_MANAGERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/planner/drafts/${await draftOf(w, u, true)}/reject`,
      payload: { comment: 'Без фамилий детей' },
    }),
  },
  'POST /api/planner/drafts/:id/municipality': {
    allow: ['federal', 'region', 'municipality'],
    probe: async (w, u) => {
      const id = await draftOf(w, u, true);
      await w.db.kysely
        .updateTable('planner_drafts')
        .set({ status: 'awaiting_municipality' })
        .where('id', '=', id)
        .execute();
      return { method: 'POST', url: `/api/planner/drafts/${id}/municipality`, payload: { approve: true } };
    },
  },
  'POST /api/planner/drafts/:id/unschedule': {
    allow: DRAFT_MANAGERS,
    probe: async (w, u) => {
      const id = await draftOf(w, u, true);
      await w.db.kysely
        .updateTable('planner_drafts')
        .set({ status: 'scheduled' })
        .where('id', '=', id)
        .execute();
      return { method: 'POST', url: `/api/planner/drafts/${id}/unschedule` };
    },
  },
  'GET /api/planner/review': { allow: DRAFT_MANAGERS, probe: () => get('/api/planner/review') },
  'GET /api/planner/pages/:pageId/contributors': {
    allow: DRAFT_MANAGERS,
    probe: (_w, u) => get(`/api/planner/pages/${u.pageId}/contributors`),
  },
  'POST /api/planner/pages/:pageId/contributors': {
    allow: DRAFT_MANAGERS,
    probe: (_w, u) => ({
      method: 'POST',
      url: `/api/planner/pages/${u.pageId}/contributors`,
      payload: { login: `pupil-${++serial}`, name: 'Ученик', kind: 'pupil' },
    }),
  },
  'DELETE /api/planner/pages/:pageId/contributors/:userId': {
    allow: DRAFT_MANAGERS,
    probe: async (w, u) => {
      const made = await inviteContributor(
        w.db,
        {
          userId: w.users.federal.id,
          login: 'federal-a',
          ip: '127.0.0.1',
          scope: COUNTRY,
          permissions: permissionsOf('federal'),
        },
        u.pageId,
        { login: `leaving-${++serial}`, name: 'Учитель', kind: 'teacher' },
        0,
      );
      return { method: 'DELETE', url: `/api/planner/pages/${u.pageId}/contributors/${made.userId}` };
    },
  },
  'PUT /api/planner/pages/:pageId/settings': {
    allow: ['federal', 'region', 'municipality'],
    probe: (_w, u) => ({
      method: 'PUT',
      url: `/api/planner/pages/${u.pageId}/settings`,
      payload: { municipalityApproval: false },
    }),
  },
  'GET /api/planner/syndications': { allow: DRAFT_MANAGERS, probe: () => get('/api/planner/syndications') },
  'POST /api/planner/syndications': {
    allow: REGIONAL,
    probe: (_w, u) => ({
      method: 'POST',
      url: '/api/planner/syndications',
      payload: {
        regionCode: u.regionCode,
        mode: 'offer',
        kind: 'text',
        title: 'Анонс',
        text: 'Текст',
        content: {},
      },
    }),
  },
  'GET /api/planner/syndications/:id': {
    allow: REGIONAL,
    probe: async (w, u) => get(`/api/planner/syndications/${await syndicationOf(w, u)}`),
  },
  'GET /api/certificates/:code': {
    allow: 'any',
    public: 404,
    probe: () => get('/api/certificates/ABCDEF123456'),
  },
  'POST /api/inbox/:id/dismiss-flag': {
    allow: ANSWERERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/inbox/${await userCommentOf(w, u)}/dismiss-flag`,
      payload: { kind: 'spam', text: 'example.xyz' },
    }),
  },
  'GET /api/inbox/messages/:id/conversation': {
    allow: ANSWERERS,
    probe: async (w, u) => get(`/api/inbox/messages/${await messageOf(w, u)}/conversation`),
  },
  'POST /api/inbox/messages/:id/state': {
    allow: ANSWERERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/inbox/messages/${await messageOf(w, u)}/state`,
      payload: { status: 'in_progress' },
    }),
  },
  'POST /api/inbox/messages/:id/check-reply': {
    allow: ANSWERERS,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/inbox/messages/${await messageOf(w, u)}/check-reply`,
      payload: { text: 'Проверим.' },
    }),
  },
  // A mark of the newest ids the inbox screen polls: no row, no text, the same for everyone who reads comments.
  'GET /api/inbox/changes': {
    allow: COMMENT_READERS,
    other: 200,
    probe: () => get('/api/inbox/changes'),
  },
  'POST /api/inbox/messages/:id/reply': {
    allow: ANSWERERS,
    // As for comments: the test world stores no community token, so an allowed call in scope is refused for that.
    ok: 409,
    probe: async (w, u) => ({
      method: 'POST',
      url: `/api/inbox/messages/${await messageOf(w, u)}/reply`,
      payload: { text: 'Собрание в четверг в 18:00.', key: `matrix-${++serial}` },
    }),
  },
  'PUT /api/inbox/pages/:id/vk-callback': {
    allow: ANSWERERS,
    probe: (_w, u) => ({
      method: 'PUT',
      url: `/api/inbox/pages/${u.pageId}/vk-callback`,
      payload: { confirmation: 'a1b2c3d4', secret: 'matrix-secret' },
    }),
  },
  // A region's escalation hours: read by those who read its comments, set by its regional and federal operators.
  'GET /api/inbox/escalation/:regionCode': {
    allow: COMMENT_READERS,
    probe: (_w, u) => get(`/api/inbox/escalation/${u.regionCode}`),
  },
  'PUT /api/inbox/escalation/:regionCode': {
    allow: REGIONAL,
    probe: (_w, u) => ({
      method: 'PUT',
      url: `/api/inbox/escalation/${u.regionCode}`,
      payload: { toMunicipalityAfterHours: 9, toRegionAfterHours: 27 },
    }),
  },
  // VK calls it without a session; a community with no Callback API settings is not one Publica knows.
  'POST /api/vk/callback': {
    allow: 'any',
    public: 404,
    probe: () => ({
      method: 'POST',
      url: '/api/vk/callback',
      payload: { type: 'confirmation', group_id: 999_999_999 },
    }),
  },
  'GET /api/alerts/preferences': { allow: COMMENT_READERS, probe: () => get('/api/alerts/preferences') },
  'PUT /api/alerts/preferences': {
    allow: COMMENT_READERS,
    probe: () => ({
      method: 'PUT',
      url: '/api/alerts/preferences',
      payload: { email: 'operator@example.ru', immediate: true, digest: false },
    }),
  },
  'DELETE /api/alerts/preferences': {
    allow: COMMENT_READERS,
    probe: () => ({ method: 'DELETE', url: '/api/alerts/preferences' }),
  },
  'GET /api/alerts/webhooks': { allow: REGIONAL, probe: () => get('/api/alerts/webhooks') },
  'POST /api/alerts/webhooks': {
    allow: REGIONAL,
    probe: (_w, u) => ({
      method: 'POST',
      url: '/api/alerts/webhooks',
      payload: { regionCode: u.regionCode, url: 'https://hooks.example.ru/matrix' },
    }),
  },
  'DELETE /api/alerts/webhooks/:id': {
    allow: REGIONAL,
    probe: async (w, u) => ({ method: 'DELETE', url: `/api/alerts/webhooks/${await webhookOf(w, u, true)}` }),
  },
  'GET /api/alerts/webhooks/:id/deliveries': {
    allow: REGIONAL,
    probe: async (w, u) => get(`/api/alerts/webhooks/${await webhookOf(w, u)}/deliveries`),
  },
  'GET /api/planner/pages/:pageId/best-time': {
    allow: PLANNERS,
    probe: (_w, u) => get(`/api/planner/pages/${u.pageId}/best-time`),
  },
  'GET /api/audit-runs': { allow: 'any', probe: () => get('/api/audit-runs') },
  'GET /api/audit-runs/:id': { allow: 'any', probe: (w) => get(`/api/audit-runs/${w.runId}`) },
  'GET /api/methodology/versions': { allow: 'any', probe: () => get('/api/methodology/versions') },
  'GET /api/methodology/versions/:id': { allow: 'any', probe: () => get('/api/methodology/versions/2023.1') },
  'GET /api/methodology/workshop': { allow: METHODOLOGISTS, probe: () => get('/api/methodology/workshop') },
  'POST /api/methodology/workshop': {
    allow: METHODOLOGISTS,
    ok: 201,
    probe: () => ({
      method: 'POST',
      url: '/api/methodology/workshop',
      payload: { from: '2023.1', id: forkId() },
    }),
  },
  'GET /api/methodology/workshop/:id': {
    allow: METHODOLOGISTS,
    probe: async (w) => get(`/api/methodology/workshop/${await sharedDraft(w)}`),
  },
  'PATCH /api/methodology/workshop/:id': {
    allow: METHODOLOGISTS,
    probe: async (w) => ({
      method: 'PATCH',
      url: `/api/methodology/workshop/${await sharedDraft(w)}`,
      payload: { rules: { 'posting-frequency': { weight: 10 } } },
    }),
  },
  'POST /api/methodology/workshop/:id/lint': {
    allow: METHODOLOGISTS,
    probe: async (w) => ({
      method: 'POST',
      url: `/api/methodology/workshop/${await sharedDraft(w)}/lint`,
      payload: { rules: { 'posting-frequency': { params: { perWeek: 5 } } } },
    }),
  },
  'GET /api/methodology/workshop/:id/preview': {
    allow: METHODOLOGISTS,
    probe: async (w) => get(`/api/methodology/workshop/${await sharedDraft(w)}/preview`),
  },
  'POST /api/methodology/workshop/:id/publish': {
    allow: METHODOLOGISTS,
    probe: async (w) => ({ method: 'POST', url: `/api/methodology/workshop/${await newDraft(w)}/publish` }),
  },
  // A draft is refused (409) after the access check: the matrix starts no audit run that later probes would read.
  'POST /api/methodology/workshop/:id/audits': {
    allow: METHODOLOGISTS,
    ok: 409,
    probe: async (w) => ({
      method: 'POST',
      url: `/api/methodology/workshop/${await sharedDraft(w)}/audits`,
      payload: {},
    }),
  },
  // No such job: a methodologist is told so (404 after the access check), anyone else is refused.
  'GET /api/methodology/workshop/:id/audits/:job': {
    allow: METHODOLOGISTS,
    ok: 404,
    probe: async (w) => get(`/api/methodology/workshop/${await sharedDraft(w)}/audits/no-such-job`),
  },
  'GET /api/methodology/diff': {
    allow: METHODOLOGISTS,
    probe: () => get('/api/methodology/diff?a=2023.1&b=svetofor'),
  },
};

/** Workshop ids are unique in the process: a published version is registered process-wide. */
let forks = 0;
function forkId(): string {
  forks++;
  return `matrix-${process.pid}-${forks}`;
}
async function newDraft(w: ApiWorld): Promise<string> {
  const id = forkId();
  const res = await w.as('methodologist', {
    method: 'POST',
    url: '/api/methodology/workshop',
    payload: { from: '2023.1', id },
  });
  if (res.statusCode !== 201) throw new Error(`fork failed: ${res.statusCode} ${res.body}`);
  return id;
}
const workshopDrafts = new WeakMap<ApiWorld, Promise<string>>();
function sharedDraft(w: ApiWorld): Promise<string> {
  let found = workshopDrafts.get(w);
  if (!found) {
    found = newDraft(w);
    workshopDrafts.set(w, found);
  }
  return found;
}

// Unscoped routes answer "other" like "own".
const UNSCOPED = new Set([
  'GET /api/planner/templates',
  'GET /api/planner/pages',
  'GET /api/planner/review',
  'GET /api/planner/syndications',
  'GET /api/seminars',
  'GET /api/seminars/effect',
  'GET /api/notifications',
  'POST /api/notifications/read',
  'GET /api/reports/schedules',
  'GET /api/reports/files',
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'GET /api/tokens',
  'POST /api/tokens',
  'GET /api/users',
  'GET /api/audit-log',
  'GET /api/regions',
  'GET /api/registry/uploads',
  'GET /api/audit-runs',
  'GET /api/audit-runs/:id',
  'GET /api/methodology/versions',
  'GET /api/methodology/versions/:id',
  'GET /api/methodology/workshop',
  'POST /api/methodology/workshop',
  'GET /api/methodology/workshop/:id',
  'PATCH /api/methodology/workshop/:id',
  'POST /api/methodology/workshop/:id/lint',
  'GET /api/methodology/workshop/:id/preview',
  'POST /api/methodology/workshop/:id/publish',
  'POST /api/methodology/workshop/:id/audits',
  'GET /api/methodology/workshop/:id/audits/:job',
  'GET /api/methodology/diff',
  'GET /api/alerts/preferences',
  'PUT /api/alerts/preferences',
  'DELETE /api/alerts/preferences',
  'GET /api/alerts/webhooks',
]);

/** A denial says only that it is one: the error body has a code and a message, no data and no counts. */
function expectNothingLeaked(res: LightMyRequestResponse, w: ApiWorld): void {
  const body = res.json() as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['error']);
  const error = body.error as Record<string, unknown>;
  expect(Object.keys(error).sort()).toEqual(['code', 'message']);
  for (const secret of [w.b.institution, w.b.municipality]) expect(res.body).not.toContain(secret);
}

const covers = (role: Role) => role === 'federal' || role === 'federal_viewer' || role === 'methodologist';

describeEachDialect(
  'authorization matrix',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db);
    }, 300_000);
    afterAll(() => w?.close());

    it('has an entry for every route the server serves, and no entry for a route it does not', () => {
      const served = w.app.routeTable
        .filter((r) => !r.url.startsWith('/api/docs') || r.url === '/api/docs/json')
        .map((r) => `${r.method} ${r.url}`);
      expect(served.filter((key) => !(key in MATRIX))).toEqual([]);
      expect(Object.keys(MATRIX).filter((key) => !served.includes(key))).toEqual([]);
    });

    it('answers every route × role × scope as the matrix says, and denials leak nothing', async () => {
      const failures: string[] = [];
      for (const [key, entry] of Object.entries(MATRIX)) {
        for (const role of [...ROLE_IDS, null] as (Role | null)[]) {
          for (const c of ['own', 'other'] as Case[]) {
            const unit = c === 'own' ? w.a : w.b;
            const probe = await entry.probe(w, unit, c, role);
            const res = await (probe.headers?.cookie ? w.app.inject(probe) : w.as(role, probe));
            const allowed =
              role !== null &&
              (entry.allow === 'everyone' ||
                (entry.allow === 'any' ? role !== 'contributor' : entry.allow.includes(role)));
            let expected: number;
            if (entry.public !== undefined) expected = entry.public;
            else if (role === null) expected = 401;
            else if (!allowed) expected = 403;
            else if (c === 'own' || UNSCOPED.has(key) || (covers(role) && !entry.personal))
              expected = entry.ok ?? 200;
            else expected = entry.other ?? 404;
            if (res.statusCode !== expected) {
              failures.push(
                `${key} as ${role ?? 'anonymous'} (${c}): ${res.statusCode}, expected ${expected} — ${res.body.slice(0, 160)}`,
              );
              continue;
            }
            if (expected >= 400) expectNothingLeaked(res, w);
            else if (entry.check && res.headers['content-type']?.toString().includes('json'))
              entry.check(res.json(), w, c);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 300_000);

    it('keeps lists inside the scope: region A callers never see region B rows', async () => {
      for (const role of ['region', 'region_viewer', 'municipality', 'institution', 'trainer'] as Role[]) {
        const pages = (await w.as(role, get('/api/pages?size=100'))).json();
        expect(pages.items.length).toBeGreaterThan(0);
        for (const p of pages.items) expect(p.institution.regionCode).toBe(w.a.regionCode);
        const institutions = (await w.as(role, get('/api/institutions?size=100'))).json();
        for (const i of institutions.items) expect(i.regionCode).toBe(w.a.regionCode);
        const rollup = (await w.as(role, get('/api/rollups'))).json();
        expect(rollup.rows.map((r: { key: string }) => r.key)).toEqual([w.a.regionCode]);
      }
      const municipal = (await w.as('municipality', get('/api/pages?size=100'))).json();
      for (const p of municipal.items) expect(p.institution.municipalityId).toBe(w.a.municipalityId);
      const own = (await w.as('institution', get('/api/pages?size=100'))).json();
      expect(own.items.map((p: { institution: { id: number } }) => p.institution.id)).toEqual(
        own.items.map(() => w.a.institutionId),
      );
      const users = (await w.as('region', get('/api/users?size=100'))).json();
      const logins = users.items.map((u: { login: string }) => u.login);
      expect(logins).toContain('victim-a');
      expect(logins).not.toContain('victim-b');
      expect(logins).not.toContain('federal-a');
      const log = (await w.as('region', get('/api/audit-log?size=100'))).json();
      for (const e of log.items) expect(e.regionCode).toBe(w.a.regionCode);
      const federalLog = (await w.as('federal', get('/api/audit-log?size=100'))).json();
      expect(federalLog.total).toBeGreaterThan(log.total);
    });

    it('guessing ids across scopes finds nothing: every page id of region B is 404 for region A', async () => {
      const foreign = await ctx.db.kysely
        .selectFrom('pages')
        .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
        .select('pages.id')
        .where('institutions.region_code', '=', w.b.regionCode)
        .execute();
      expect(foreign.length).toBeGreaterThan(5);
      for (const { id } of foreign)
        for (const suffix of ['', '/report', '/posts', '/comments']) {
          const res = await w.as('region', get(`/api/pages/${id}${suffix}`));
          expect(res.statusCode, `page ${id}${suffix}`).toBe(404);
        }
    });
  },
  { shared: true },
);
