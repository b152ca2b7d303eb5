// The built web app (web/dist, made by `npm run build`) served by the API server itself: a file of the build
// when the path names one, else index.html, so the app's own routes (/units/region/77, /pages/12) open from a
// shared link. Served from the not-found path, so the route table stays the API's alone; /api/… keeps its JSON
// 404. Hashed assets are cached for a year, index.html never. The build writes .br and .gz copies of each text
// file (web/precompress.ts); preCompressed sends the one the browser accepts, with Content-Encoding and
// Vary: Accept-Encoding, at no CPU cost per request.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './server.ts';

const NOT_APP = /^\/(api|metrics|healthz|readyz)(\/|$|\?)/;

export async function registerWebApp(app: App, root: string): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  // Cache headers are ours (immutable assets, index.html never cached), not the plugin's default.
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false, preCompressed: true });
  return true;
}

/** The app's answer to a GET the API has no route for; null when it is not the app's to answer. */
export function serveWebApp(root: string, request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_APP.test(request.url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(request.url.split('?')[0] ?? '/');
  } catch {
    return null; // a malformed escape names no file: the JSON 404
  }
  const file = path.normalize(path.join(root, pathname));
  const inside = file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
  if (inside && pathname.startsWith('/assets/'))
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .sendFile(path.relative(root, file));
  if (inside) return reply.sendFile(path.relative(root, file));
  return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
}
