// The shape of one row of the VK method table: what a method takes, what it answers, which token kinds VK
// allows for it (and where that knowledge comes from) and which rate class its calls count against.
import { AppError } from '../../platform/errors.ts';

export type TokenKind = 'user' | 'community' | 'service';
export const TOKEN_KINDS: readonly TokenKind[] = ['user', 'community', 'service'];

export type Params = Record<string, string | number>;

/**
 * - `wall-read`: a wall read, counted against the token's daily budget (VK: about 5,000 wall.get a day);
 * - `read`: other reads, limited per second only;
 * - `write`: posts and comments (VK's flood control, the community's daily post limit: error 214);
 * - `upload`: the upload flows' methods (the file itself goes to the address they hand out);
 * - `batch`: execute, up to 25 calls in one request.
 */
export type RateClass = 'wall-read' | 'read' | 'write' | 'upload' | 'batch';

export type ParamSpec = { required?: boolean; doc: string };

export type VkMethod<P extends Params = Params, R = unknown> = {
  name: string;
  params: { [K in keyof P & string]-?: ParamSpec };
  /** The token kinds VK answers this method for; any other kind gets VK's error (27, 28, 15 …). */
  tokenKinds: readonly TokenKind[];
  /** The `access_token_type` of VK's published schema, in Publica's names (group → community); null: absent. */
  schemaKinds: readonly TokenKind[] | null;
  /** `schema`: tokenKinds are the schema's; `reports`: the schema is silent or public reports differ (see note). */
  tokenKindsFrom: 'schema' | 'reports';
  note?: string;
  rate: RateClass;
  /** Only reads are called by `publica vk check`. */
  readOnly: boolean;
  /** The definition in VK's schema the answer must match: [section, responses definition]; null if none. */
  schemaResponse: [string, string] | null;
  parse: (response: unknown) => R;
  /** Typing aid only: the parameters type. */
  readonly _params?: P;
};

export function defineMethod<P extends Params, R>(m: VkMethod<P, R>): VkMethod<P, R> {
  return m;
}

/** A response that lacks what the method promises: a clear error naming the method and the field. */
export function expectObject(
  method: string,
  response: unknown,
  ...fields: string[]
): Record<string, unknown> {
  if (typeof response !== 'object' || response === null || Array.isArray(response))
    throw new AppError(
      'UPSTREAM_UNAVAILABLE',
      `${method}: VK answered ${JSON.stringify(response)?.slice(0, 80)}`,
    );
  const obj = response as Record<string, unknown>;
  for (const f of fields)
    if (obj[f] === undefined) throw new AppError('UPSTREAM_UNAVAILABLE', `${method}: the answer has no ${f}`);
  return obj;
}
