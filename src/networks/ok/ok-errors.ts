// OK's API errors and what Publica does with each. The codes and names are modelled from OK's client libraries
// and reports (apiok.ru's error page was not in reach when this was written): check them with a real app.
export const OK_ERRORS = {
  UNKNOWN: 1,
  SERVICE: 2,
  METHOD: 3,
  REQUEST: 4,
  ACTION_BLOCKED: 7,
  FLOOD_BLOCKED: 8,
  IP_BLOCKED: 9,
  PERMISSION_DENIED: 10,
  LIMIT_REACHED: 11,
  PARAM: 100,
  PARAM_API_KEY: 101,
  PARAM_SESSION_EXPIRED: 102,
  PARAM_SESSION_KEY: 103,
  PARAM_SIGNATURE: 104,
  NOT_FOUND: 300,
  SYSTEM: 9999,
} as const;

export type OkErrorName = keyof typeof OK_ERRORS;

export class OkApiError extends Error {
  constructor(
    readonly code: number,
    readonly method: string,
    message: string,
  ) {
    super(`${method}: OK error ${code}: ${message}`);
  }
}

export class OkTransportError extends Error {
  constructor(
    readonly kind: 'http' | 'timeout' | 'truncated' | 'network',
    message: string,
  ) {
    super(message);
  }
}

export type OkErrorClass = 'retry' | 'quota' | 'auth' | 'inaccessible' | 'fatal';

/** retry: transient; quota: the day's or the method's calls are spent; auth: the token is dead. */
export function classifyOk(error: unknown): OkErrorClass {
  if (error instanceof OkTransportError) return 'retry';
  if (!(error instanceof OkApiError)) return 'fatal';
  switch (error.code) {
    case OK_ERRORS.UNKNOWN:
    case OK_ERRORS.SERVICE:
    case OK_ERRORS.FLOOD_BLOCKED:
    case OK_ERRORS.SYSTEM:
      return 'retry';
    case OK_ERRORS.LIMIT_REACHED:
      return 'quota';
    case OK_ERRORS.PARAM_SESSION_EXPIRED:
    case OK_ERRORS.PARAM_SESSION_KEY:
    case OK_ERRORS.PARAM_API_KEY:
      return 'auth';
    case OK_ERRORS.NOT_FOUND:
    case OK_ERRORS.PERMISSION_DENIED:
      return 'inaccessible';
    default:
      return 'fatal';
  }
}
