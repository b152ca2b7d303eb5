// The Fastify server every role runs: zod-validated routes with a generated OpenAPI document, request ids in
// structured logs, one error body shape, security headers, and the access hook that resolves the caller and
// enforces each route's declared access before the handler runs.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyEtag from '@fastify/etag';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Versions } from '../db.ts';
import { AppError } from '../errors.ts';
import type { Metrics } from '../metrics.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { healthContract } from './health.contract.ts';
import type { Access, Authenticator } from './principal.ts';
import { DEFAULT_CACHE_CONTROL, ResponseCache } from './response-cache.ts';
import { registerWebApp, serveWebApp } from './web-app.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const SESSION_COOKIE = 'publica_session';
export const CSRF_HEADER = 'x-csrf-token';
export const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

/** Every route the server serves, with its declared access: the authorization matrix test walks this list. */
export type RouteEntry = { method: string; url: string; access: Access | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    /** Read once per request by the access hook. */
    versions: Versions | null;
  }
}

export type HttpOptions = {
  /** The built web app's folder; served for every GET outside the API when it holds an index.html. */
  webRoot?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  authenticator: Authenticator;
  /** Whether the database answers; /readyz says 503 while it does not or while shutting down. */
  ready: () => Promise<boolean>;
  /** Behind a TLS-terminating proxy: Secure cookies, HSTS, upgrade-insecure-requests. */
  behindProxy?: boolean;
  /**
   * Whose X-Forwarded-For/-Proto to believe: nobody (default), the n nearest hops, or proxies at these
   * addresses. Never every hop: a client would then choose its own address for limits and the audit log.
   */
  trustProxy?: false | number | string[];
  /** Loggers of tests and benchmarks write nowhere. */
  logStream?: NodeJS.WritableStream;
  /** The data and auth versions cached responses and credentials are valid for; without them, no caching. */
  versions?: () => Promise<Versions>;
  /** Whether heavy reads are cached (they are unless switched off). */
  cacheResponses?: boolean;
  /** Latency of every request is recorded, and /metrics serves the registry. */
  metrics?: Metrics;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildHttpServer(
  options: HttpOptions,
  register: (app: App) => Promise<void> | void,
): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    trustProxy: trustedHops(options.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const webRoot = options.webRoot && (await registerWebApp(app, options.webRoot)) ? options.webRoot : null;
  app.setNotFoundHandler((request, reply) =>
    webRoot
      ? (serveWebApp(webRoot, request, reply) ?? notFoundHandler(request, reply))
      : notFoundHandler(request, reply),
  );
  app.decorateRequest('principal', null);
  app.decorateRequest('cacheSlot', null);
  app.decorateRequest('versions', null);
  const cache = options.versions && options.cacheResponses !== false ? new ResponseCache() : null;

  let shuttingDown = false;
  app.addHook('onClose', async () => {
    shuttingDown = true;
  });
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access });
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access)
      throw new Error(`route ${route.method} ${route.url} declares no access`);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Over plain HTTP (loopback, the embedded default) upgrading requests to HTTPS would break every one.
        upgradeInsecureRequests: options.behindProxy ? [] : null,
      },
    },
    hsts: options.behindProxy ? { maxAge: 31_536_000 } : false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyEtag, { weak: true });
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Publica API',
        description:
          'Official pages of schools and kindergartens: registry, collection, methodology audit, roll-ups.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The docs UI sets inline styles; over plain HTTP, upgrading requests to HTTPS would break every one.
    // No page may frame the docs either (clickjacking), and styles come from here only.
    transformStaticCSP: (header) => {
      const styled = header
        .replace(/style-src ([^;]*);/, "style-src 'self' 'unsafe-inline';")
        .replace(/frame-ancestors [^;]*;/, "frame-ancestors 'none';");
      return options.behindProxy ? styled : styled.replace(/\s*upgrade-insecure-requests;?/, '');
    },
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access as Access | undefined;
    // Versions serve both the credential check and the response cache, public routes included.
    const cacheable = request.routeOptions.config?.cache !== undefined;
    if (options.versions && (cacheable || (access && access !== 'public')))
      request.versions = await options.versions();
    if (!access || access === 'public') return;
    request.principal = await identify(request, options.authenticator, request.versions?.auth);
    const principal = request.principal;
    if (!principal) throw new AppError('UNAUTHENTICATED', 'sign in first');
    if (access !== 'authenticated' && !principal.permissions.has(access))
      throw new AppError('FORBIDDEN', 'your role does not allow this');
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, principal.csrfToken ?? ''))
        throw new AppError('CSRF', `missing or wrong ${CSRF_HEADER} header`);
    }
  });

  // Cacheable routes say how clients may cache them whether or not this process caches them too.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.config?.cache && !reply.hasHeader('cache-control'))
      reply.header('cache-control', DEFAULT_CACHE_CONTROL);
    return payload;
  });
  if (cache) {
    app.addHook('onRequest', async (request, reply) => cache.lookup(request, reply));
    app.addHook('onSend', async (request, reply, payload) => {
      cache.store(request, reply, payload);
      return payload;
    });
  }

  const { metrics } = options;
  if (metrics) {
    app.addHook('onResponse', async (request, reply) => {
      metrics.httpSeconds.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
    app.get(
      '/metrics',
      {
        config: { access: 'public' },
        logLevel: 'warn',
        schema: {
          tags: ['health'],
          summary: 'Prometheus metrics of this process (deny it at the proxy)',
          hide: true,
        },
      },
      async (_request, reply) =>
        reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
    );
  }

  app.get(
    healthContract.live.path,
    {
      config: { access: healthContract.live.access },
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'The process runs',
        response: { 200: healthContract.live.response },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    healthContract.ready.path,
    {
      config: { access: healthContract.ready.access },
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'The database answers and the server is not shutting down (503 otherwise)',
        response: { 200: healthContract.ready.response, 503: healthContract.ready.response },
      },
    },
    async (_request, reply) => {
      const ready = !shuttingDown && (await options.ready().catch(() => false));
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable' });
    },
  );

  await register(app);
  await app.ready();
  return app;
}

async function identify(
  request: { headers: Record<string, unknown>; cookies: Record<string, string | undefined>; ip: string },
  auth: Authenticator,
  authVersion: number | undefined,
) {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
    return auth.fromToken(match[1], authVersion);
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const agent = request.headers['user-agent'];
  return auth.fromSession(
    cookie,
    { ip: request.ip, userAgent: typeof agent === 'string' ? agent : null },
    authVersion,
  );
}

/** Fastify's types take a hop count as a function: the nearest `hops` addresses are proxies. */
function trustedHops(trust: false | number | string[]) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y);
}

/** Options of the session cookie: never readable by scripts, not sent on cross-site requests. */
export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: maxAgeSeconds };
}
