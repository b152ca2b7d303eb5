// The contracts and the server agree: every route a contract declares is served with the same method, path and
// access and is in the OpenAPI document, which lists exactly the operations the route table serves; the web app
// calls the API only through the typed client (no literal /api URL, no hand-written answer types).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/api.ts';
import { type FreshDb, freshSqlite } from '../../test/db.ts';
import type { App } from '../platform/http/server.ts';
import { apiContracts } from './api.contract.ts';

const WEB = path.resolve(import.meta.dirname, '../../web/src');

function webFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return webFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the API contracts', () => {
  let fresh: FreshDb;
  let app: App;
  beforeAll(async () => {
    fresh = await freshSqlite();
    app = await buildTestApp(fresh.db);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await fresh?.dispose();
  });

  const declared = Object.entries(apiContracts).flatMap(([feature, routes]) =>
    Object.entries(routes).map(([name, r]) => ({ name: `${feature}.${name}`, ...r })),
  );

  it('are served: each route with its method, path and access', () => {
    const served = new Map(app.routeTable.map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(declared.length).toBeGreaterThan(30);
    const wrong = declared
      .filter((r) => served.get(`${r.method} ${r.path}`) !== r.access)
      .map((r) => `${r.name}: ${r.method} ${r.path} (${String(r.access)})`);
    expect(wrong).toEqual([]);
  });

  it('describe every route the server serves', () => {
    const declaredKeys = new Set(declared.map((r) => `${r.method} ${r.path}`));
    const undeclared = [
      ...new Set(
        app.routeTable.filter((r) => !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`),
      ),
    ].filter((key) => !declaredKeys.has(key));
    expect(undeclared).toEqual([]);
  });

  it('are documented: each route is an operation of the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    expect(declared.filter((r) => !documented.has(`${r.method} ${r.path}`)).map((r) => r.name)).toEqual([]);
  });

  it('match the OpenAPI document: the route table and the document list the same operations', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const documented = Object.entries(doc.paths as Record<string, object>)
      .flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .sort();
    const served = [
      ...new Set(
        app.routeTable.filter((r) => !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`),
      ),
    ].sort();
    expect(served.length).toBeGreaterThan(100);
    expect(documented).toEqual(served);
  });

  it('are how the web app calls the API: no literal /api URL in web/src, no hand-written answer types', () => {
    const literal = webFiles(WEB).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
      const n = (text.match(/['`"]\/api\//g) ?? []).length;
      return n > 0 ? [`${path.relative(WEB, file)}: ${n}`] : [];
    });
    expect(literal).toEqual([]);
    expect(fs.existsSync(path.join(WEB, 'lib/types.ts'))).toBe(false);
  });
});
