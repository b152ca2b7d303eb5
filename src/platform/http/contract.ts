// A route as data: method, path, declared access and its zod shapes. A feature's `*.contract.ts` lists its
// routes with these; the server registers them from there and the web app's client takes its paths and types
// from the same objects (type-only), so a renamed path or field fails the typecheck on both sides.
import type { z } from 'zod';
import type { Access } from './principal.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteContract = {
  method: Method;
  path: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer's schema, which serialises it; without one, `reply` carries its type only. */
  response?: z.ZodType;
  reply?: unknown;
};

/** A route of a contract, its literal types kept. */
export function route<const R extends RouteContract>(contract: R): R {
  return contract;
}

/**
 * The type of an answer no schema serialises yet (a service's own result type): a type, never a value.
 * `reply: reply<Seminar>()`.
 */
export function reply<T>(): T {
  return undefined as T;
}

/** What a route answers: its response schema's output, else the type `reply` names. */
export type ReplyOf<R extends RouteContract> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : R['reply'];

/** The JSON a route accepts: its body schema's input. */
export type BodyOf<R extends RouteContract> = R['body'] extends z.ZodType ? z.input<R['body']> : undefined;

/** The query string a route reads: its query schema's input. */
export type QueryOf<R extends RouteContract> = R['query'] extends z.ZodType
  ? z.input<R['query']>
  : Record<string, never>;

/** A contract's routes keyed "METHOD /path", the shape the web client is typed from. */
export type RoutesByKey<C extends Record<string, RouteContract>> = {
  [K in keyof C as `${C[K]['method']} ${C[K]['path']}`]: C[K];
};
