// The web app's files go out precompressed: Brotli to a browser that takes it, gzip to one that takes only
// gzip, the plain file otherwise, each with Vary: Accept-Encoding so a shared cache keeps them apart.
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/api.ts';
import { type FreshDb, freshSqlite, tempDir } from '../../../test/db.ts';
import { precompressDir } from '../../../web/precompress.ts';
import type { App } from './server.ts';

const SCRIPT = `console.log(${JSON.stringify('Публика '.repeat(400))});`;

describe('the web app served precompressed', () => {
  let fresh: FreshDb;
  let app: App;
  beforeAll(async () => {
    const root = tempDir('publica-web-');
    fs.writeFileSync(
      path.join(root, 'index.html'),
      `<!doctype html><div id="root"></div>${' '.repeat(2000)}`,
    );
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), SCRIPT);
    fs.writeFileSync(path.join(root, 'assets', 'tiny.js'), '1');
    expect(precompressDir(root)).toBe(2); // app.js and index.html; tiny.js is below the threshold
    fresh = await freshSqlite();
    app = await buildTestApp(fresh.db, { webRoot: root });
  });
  afterAll(async () => {
    await app.close();
    await fresh.dispose();
  });

  it('sends Brotli when accepted, gzip when only that is, and the plain file otherwise', async () => {
    const br = await app.inject({
      url: '/assets/app.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(brotliCompressSync(SCRIPT).length + 64);

    const gz = await app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(SCRIPT);
  });

  it('sends the app shell for an app route compressed too, and a file without copies as it is', async () => {
    const page = await app.inject({ url: '/units/region/77', headers: { 'accept-encoding': 'br' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('<div id="root">');
    const tiny = await app.inject({ url: '/assets/tiny.js', headers: { 'accept-encoding': 'br' } });
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('1');
  });
});
