// The simulated VK: a real HTTP server speaking the VK API protocol (`/method/<name>`, query or form
// parameters, `v`, `access_token`, `{response}` or `{error}`), over a demo world. An admin endpoint switches
// faults, revokes tokens and deletes communities mid-run, for the collector's fault tests.
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { methodRow } from '../../vk/index.ts';
import type { LoadedWorld } from '../world/world-files.ts';
import { type CallbackServer, eventRoutes } from './events.routes.ts';
import { parseExecute } from './execute.ts';
import { FaultInjector, type Faults } from './faults.ts';
import { methods, type Params } from './methods.ts';
import { SimWorld } from './sim-world.ts';
import { type TokenBook, type TokenSpec, TokenBook as Tokens } from './tokens.ts';
import { VkError, vkErrors } from './vk-error.ts';

export type VkSimOptions = { world: LoadedWorld; tokens: TokenSpec[]; faults?: Faults; now?: () => number };

export type VkSim = {
  app: FastifyInstance;
  world: SimWorld;
  tokens: TokenBook;
  faults: FaultInjector;
  /** Callback API servers registered through /admin/callback. */
  callbacks: CallbackServer[];
};

function errorBody(error: VkError, params: Params) {
  const request_params = Object.entries(params)
    .filter(([key]) => key !== 'access_token')
    .map(([key, value]) => ({ key, value }));
  return { error: { error_code: error.code, error_msg: error.message, request_params } };
}

function call(sim: VkSim, method: string, params: Params, token: TokenSpec): unknown {
  // The simulator serves exactly Publica's method table: anything else is unknown, as a typo is on VK.
  const handler = methodRow(method) ? methods[method] : undefined;
  if (!handler) throw vkErrors.unknownMethod();
  sim.tokens.admitCall(token, method);
  return handler(params, token, sim.world);
}

function runExecute(sim: VkSim, params: Params, token: TokenSpec) {
  sim.tokens.admitCall(token, 'execute');
  const { calls, isArray } = parseExecute(params.code);
  const errors: { method: string; error_code: number; error_msg: string }[] = [];
  const results = calls.map(({ method, params: p }) => {
    try {
      return call(sim, method, p, token);
    } catch (error) {
      if (!(error instanceof VkError)) throw error;
      errors.push({ method, error_code: error.code, error_msg: error.message });
      return false;
    }
  });
  return {
    response: isArray ? results : results[0],
    ...(errors.length > 0 ? { execute_errors: errors } : {}),
  };
}

async function answer(sim: VkSim, method: string, params: Params, reply: FastifyReply) {
  const fault = sim.faults.decide();
  const slow = sim.faults.current.slowMs;
  if (slow) await new Promise((r) => setTimeout(r, slow));
  if (fault.kind === 'timeout') return new Promise(() => {}); // never answered: the client's timeout decides
  if (fault.kind === 'http')
    return reply.code(fault.status).type('text/html').send('<html><body>Bad Gateway</body></html>');
  let body: unknown;
  try {
    if (fault.kind === 'vk')
      throw fault.code === 6
        ? vkErrors.tooManyPerSecond()
        : fault.code === 9
          ? vkErrors.flood()
          : vkErrors.internal();
    if (!params.v) throw vkErrors.noVersion();
    const token = sim.tokens.get(params.access_token);
    sim.tokens.admitRequest(token);
    body =
      method === 'execute' ? runExecute(sim, params, token) : { response: call(sim, method, params, token) };
  } catch (error) {
    if (!(error instanceof VkError)) throw error;
    body = errorBody(error, params);
  }
  const text = JSON.stringify(body);
  reply.type('application/json; charset=utf-8');
  return fault.kind === 'truncated'
    ? reply.send(text.slice(0, Math.max(1, Math.floor(text.length / 2))))
    : reply.send(text);
}

export async function buildVkSim(options: VkSimOptions): Promise<VkSim> {
  const app = Fastify({ logger: false });
  await app.register(formbody);
  const sim: VkSim = {
    app,
    world: new SimWorld(options.world, options.now),
    tokens: new Tokens(options.tokens, options.now),
    faults: new FaultInjector(options.faults),
    callbacks: [],
  };
  app.route({
    method: ['GET', 'POST'],
    url: '/method/:name',
    handler: (request, reply) => {
      sim.world.uploadBase = `${request.protocol}://${request.host}`;
      const params = { ...(request.query as Params), ...((request.body as Params | undefined) ?? {}) };
      return answer(sim, (request.params as { name: string }).name, params, reply);
    },
  });
  // The upload flows' second step: the file goes to the address a method handed out, as multipart.
  await app.register(multipart, { limits: { fileSize: 256 * 1024 * 1024, files: 1 } });
  app.post('/upload/:ticket', async (request, reply) => {
    const media = sim.world.uploads.get((request.params as { ticket: string }).ticket);
    if (!media) return reply.code(404).send({ error: 'unknown upload address' });
    const part = request.isMultipart() ? await request.file() : undefined;
    const data = part ? await part.toBuffer() : Buffer.alloc(0);
    if (data.length === 0) return reply.send({ error: 'no file' });
    media.uploaded = true;
    media.size = data.length;
    const ticket = (request.params as { ticket: string }).ticket;
    if (media.kind === 'photo') return { server: 1, photo: JSON.stringify([{ id: media.id }]), hash: ticket };
    return { video_id: media.id, owner_id: media.ownerId, size: data.length };
  });
  sim.callbacks = eventRoutes(app, sim.world).callbacks;
  app.post('/admin/faults', async (request) => {
    sim.faults.set((request.body ?? {}) as Faults);
    return { faults: sim.faults.current };
  });
  app.post('/admin/revoke', async (request) => {
    sim.tokens.revoke(String((request.body as { token?: string })?.token ?? ''));
    return { ok: true };
  });
  app.post('/admin/deactivate', async (request) => {
    const { id, as } = (request.body ?? {}) as { id?: number; as?: 'deleted' | 'banned' };
    const community = sim.world.byId.get(Number(id));
    if (!community) return { ok: false };
    community.deactivated = as ?? 'deleted';
    return { ok: true };
  });
  app.get('/admin/stats', async () => ({
    calls: Object.fromEntries(sim.tokens.calls),
    tooFast: Object.fromEntries(sim.tokens.tooFast),
    overQuota: Object.fromEntries(sim.tokens.overQuota),
  }));
  return sim;
}
