// The typed API client: a route is named by its contract's "METHOD /path" key (src/main/api.contract.ts,
// imported type-only), so a renamed path, parameter or field fails this app's typecheck. URLs stay plain strings:
// they are the query keys screens read and invalidate by.
import type { ApiRoutes } from '../../../src/main/api.contract.ts';
import type { BodyOf, QueryOf, ReplyOf } from '../../../src/platform/http/contract.ts';
import { api, query } from './api.ts';

export type RouteKey = keyof ApiRoutes & string;
export type GetKey = Extract<RouteKey, `GET ${string}`>;
/** What a route answers. */
export type Reply<K extends RouteKey> = ReplyOf<ApiRoutes[K]>;
/** The JSON a route accepts. */
export type Body<K extends RouteKey> = BodyOf<ApiRoutes[K]>;

type PathOf<K> = K extends `${string} ${infer P}` ? P : never;
type ParamNames<P> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N
    : never;
type Params<K> = { [N in ParamNames<PathOf<K>>]: string | number };

/** Path parameters (when the path has some) and the query string. */
export type UrlOptions<K extends RouteKey> = ([ParamNames<PathOf<K>>] extends [never]
  ? { params?: undefined }
  : { params: Params<K> }) & { query?: QueryOf<ApiRoutes[K]> };

type UrlArgs<K extends RouteKey> = [ParamNames<PathOf<K>>] extends [never]
  ? [options?: UrlOptions<K>]
  : [options: UrlOptions<K>];

/** A route's URL as a string that remembers the route, so `useApi` knows the answer's type. */
export type ApiUrl<K extends RouteKey> = string & { readonly __route?: K };

/** The URL of a route: its path with the parameters filled in, and the query string in a stable order. */
export function apiUrl<K extends RouteKey>(key: K, ...[options]: UrlArgs<K>): ApiUrl<K> {
  const params = (options?.params ?? {}) as Record<string, string | number>;
  const path = key
    .slice(key.indexOf(' ') + 1)
    .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
  return path + (options?.query ? query(options.query as Parameters<typeof query>[0]) : '');
}

/** A route's URL with a query string a screen built itself (its own URL search, passed on as it is). */
export function withSearch<K extends RouteKey>(url: ApiUrl<K>, search: string): ApiUrl<K> {
  return url + search;
}

type SendArgs<K extends RouteKey> = [Body<K>] extends [undefined]
  ? [ParamNames<PathOf<K>>] extends [never]
    ? [options?: UrlOptions<K> & { body?: FormData }]
    : [options: UrlOptions<K> & { body?: FormData }]
  : [options: UrlOptions<K> & { body: Body<K> }];

/** Calls a route that changes something (POST, PUT, PATCH, DELETE) with its body, if it takes one. */
export function callApi<K extends Exclude<RouteKey, GetKey>>(
  key: K,
  ...args: SendArgs<K>
): Promise<Reply<K>> {
  const options = args[0] as (UrlOptions<K> & { body?: unknown }) | undefined;
  const method = key.slice(0, key.indexOf(' '));
  const url: string = (apiUrl as (key: K, options?: UrlOptions<K>) => string)(key, options);
  if (method === 'DELETE') return api.delete<Reply<K>>(url);
  if (method === 'PUT') return api.put<Reply<K>>(url, options?.body);
  if (method === 'PATCH') return api.patch<Reply<K>>(url, options?.body);
  return api.post<Reply<K>>(url, options?.body);
}
