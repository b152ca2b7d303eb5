// An audited two-region world behind the real HTTP server, with one user per role scoped to region A (its first
// municipality and institution), and helpers to call the API as each of them.
import { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { runAudit } from '../src/audit/index.ts';
import { createUsers, ROLE_IDS } from '../src/auth/index.ts';
import { loadWorld } from '../src/collect/index.ts';
import { buildWebApp, type WebOptions } from '../src/main/web.ts';
import { loadVersion } from '../src/methodology/index.ts';
import { CONSOLE_ACTOR } from '../src/platform/audit-log.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Db } from '../src/platform/db.ts';
import type { Role } from '../src/platform/db-schema.ts';
import type { App } from '../src/platform/http/server.ts';
import { COUNTRY } from '../src/platform/scope.ts';
import { newSecretKeyText, type SecretBox } from '../src/platform/secret-box.ts';
import { generateWorld, worldEnd, writeWorld } from '../src/vk-sim/index.ts';
import { tempDir } from './db.ts';

export const PASSWORD = 'correct-horse-battery';
const DAY = 86_400;

export type Unit = {
  regionCode: string;
  municipalityId: number;
  municipality: string;
  institutionId: number;
  institution: string;
  inn: string;
  ogrn: string;
  kind: string;
  pageId: number;
  postVkId: number;
};

export type Session = { cookie: string; csrf: string };

export type ApiWorld = {
  app: App;
  db: Db;
  runId: number;
  a: Unit;
  b: Unit;
  users: Record<Role, { id: number; login: string }>;
  /** Where the server keeps uploaded files (PUBLICA_FILES_DIR). */
  filesDir: string;
  /** The installation's key the server seals settings with. */
  secrets: SecretBox | null;
  /** Users placed in institution A and B, for probes that change someone. */
  victims: { a: number; b: number };
  sessions: Partial<Record<Role, Session>>;
  signIn(login: string, password?: string): Promise<Session>;
  as(role: Role | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

const silent = new Writable({ write: (_chunk, _enc, done) => done() });

/** A unit of a region: its first municipality with an institution whose page was audited. */
async function unitOf(db: Db, regionCode: string, runId: number): Promise<Unit> {
  const row = await db.kysely
    .selectFrom('audit_page_results as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .innerJoin('municipalities as m', 'm.id', 'i.municipality_id')
    .innerJoin('posts as p', 'p.page_id', 'r.page_id')
    .select([
      'i.id',
      'i.full_name',
      'i.inn',
      'i.ogrn',
      'i.kind',
      'm.id as mid',
      'm.name as mname',
      'r.page_id',
      'p.vk_id',
    ])
    .where('r.run_id', '=', runId)
    .where('i.region_code', '=', regionCode)
    .orderBy('i.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    regionCode,
    municipalityId: row.mid,
    municipality: row.mname,
    institutionId: row.id,
    institution: row.full_name,
    inn: row.inn ?? '',
    ogrn: row.ogrn ?? '',
    kind: row.kind,
    pageId: row.page_id,
    postVkId: row.vk_id,
  };
}

function scopeFor(role: Role, u: Unit) {
  if (role.startsWith('federal') || role === 'methodologist') return { level: 'country' as const };
  if (role.startsWith('region') || role === 'trainer')
    return { level: 'region' as const, regionCode: u.regionCode };
  if (role.startsWith('municipality'))
    return { level: 'municipality' as const, municipalityId: u.municipalityId };
  return { level: 'institution' as const, institutionId: u.institutionId };
}

export async function apiWorld(db: Db, options: { institutions?: number } = {}): Promise<ApiWorld> {
  const dir = tempDir();
  const world = generateWorld({
    institutions: options.institutions ?? 80,
    regions: 2,
    seed: 4,
    asOf: '2026-11-29',
    days: 60,
  });
  writeWorld(dir, world);
  await loadWorld(db, dir);
  const end = worldEnd(world.meta);
  const version = loadVersion('2023.1');
  await runAudit(db, { version, period: { start: end - 60 * DAY, end: end - 30 * DAY }, workers: 1 });
  const audit = await runAudit(db, { version, period: { start: end - 30 * DAY, end }, workers: 1 });
  const regions = await db.kysely
    .selectFrom('institutions')
    .select('region_code')
    .distinct()
    .orderBy('region_code')
    .execute();
  const [ra, rb] = regions.map((r) => r.region_code);
  if (!ra || !rb) throw new Error('the test world needs two regions');
  const a = await unitOf(db, ra, audit.runId);
  const b = await unitOf(db, rb, audit.runId);

  const accounts = createUsers(db);
  const root = { ...CONSOLE_ACTOR, scope: COUNTRY };
  const users = {} as ApiWorld['users'];
  for (const role of ROLE_IDS) {
    const { user } = await accounts.add(root, {
      login: `${role}-a`,
      role,
      scope: scopeFor(role, a),
      password: PASSWORD,
    });
    users[role] = { id: user.id, login: user.login };
  }
  // The contributor proposes drafts for unit A's page.
  await db.kysely
    .insertInto('planner_contributors')
    .values({
      page_id: a.pageId,
      user_id: users.contributor.id,
      kind: 'pupil',
      invited_by: null,
      created_at: 0,
    })
    .execute();
  const victimA = await accounts.add(root, {
    login: 'victim-a',
    role: 'institution_viewer',
    scope: scopeFor('institution', a),
    password: PASSWORD,
  });
  const victimB = await accounts.add(root, {
    login: 'victim-b',
    role: 'institution_viewer',
    scope: scopeFor('institution', b),
    password: PASSWORD,
  });

  // Uploaded files go to the world's temporary folder, never to the project's data/.
  // An installation key, so settings kept sealed (webhook and Callback API secrets) can be stored.
  const config = {
    ...loadConfig({ PUBLICA_FILES_DIR: `${dir}/files`, PUBLICA_SECRET_KEY: newSecretKeyText() }),
    logLevel: 'silent' as const,
  };
  const app = await buildWebApp(db, config, {
    logStream: silent,
    sessionPolicy: { failuresPerAddress: 100_000 },
  });

  const signIn = async (login: string, password = PASSWORD): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'publica_session');
    if (!cookie) throw new Error('no session cookie');
    return { cookie: `publica_session=${cookie.value}`, csrf: res.json().csrfToken };
  };
  const sessions: ApiWorld['sessions'] = {};
  const as = async (role: Role | null, request: InjectOptions) => {
    if (role === null) return app.inject(request);
    sessions[role] ??= await signIn(users[role].login);
    const s = sessions[role] as Session;
    return app.inject({
      ...request,
      headers: { ...request.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };
  return {
    app,
    db,
    runId: audit.runId,
    a,
    b,
    users,
    filesDir: config.filesDir,
    secrets: config.secrets,
    victims: { a: victimA.user.id, b: victimB.user.id },
    sessions,
    signIn,
    as,
    close: () => app.close(),
  };
}

/** The web app over a database, logging nowhere; options as the composition root takes them. */
export function buildTestApp(db: Db, options: WebOptions = {}, env: NodeJS.ProcessEnv = {}): Promise<App> {
  const files = { PUBLICA_FILES_DIR: `${tempDir('publica-files-')}` };
  return buildWebApp(
    db,
    { ...loadConfig({ ...files, ...env }), logLevel: 'silent' },
    { logStream: silent, ...options },
  );
}

/** A multipart/form-data body with one file field, as browsers send it. */
export function multipart(name: string, content: string | Buffer, type = 'text/csv', field = 'file') {
  const boundary = `----publica${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
