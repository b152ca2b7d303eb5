// Faults the OK and MAX simulators inject into a write, scripted per method so a test knows what each attempt
// meets: `http5xx` answers 503 and does nothing; `timeout` holds the request past the client's patience, then
// drops it, having done nothing; `lost-answer` does the write, then drops the connection before answering (the
// client cannot tell it from a timeout: only reading the page back can).
import type { FastifyReply, FastifyRequest } from 'fastify';

export type NetFault = 'http5xx' | 'timeout' | 'lost-answer';

export type NetFaults = {
  /** The fault for this call of `method` (e.g. `mediatopic.post`, `POST /messages`), or null. */
  next(method: string): NetFault | null;
  /** How long a `timeout` holds the request before dropping it (longer than the client's timeout). */
  holdMs: number;
};

/** Each call of a method takes the next fault of its script; past the script, none. */
export function scriptedFaults(script: Record<string, NetFault[]>, holdMs = 400): NetFaults {
  const left = new Map(Object.entries(script).map(([k, v]) => [k, [...v]]));
  return { next: (method) => left.get(method)?.shift() ?? null, holdMs };
}

/** Drops the request's connection without an answer. */
export function dropConnection(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.hijack();
  req.raw.socket.destroy();
  return reply;
}
