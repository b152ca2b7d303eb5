// One error type for the whole app, with one code → HTTP status map and one code → CLI exit code map.

export const errorCodes = {
  VALIDATION: { http: 400, exit: 2 },
  INVALID_INPUT_FILE: { http: 400, exit: 3 },
  UNAUTHENTICATED: { http: 401, exit: 8 },
  FORBIDDEN: { http: 403, exit: 9 },
  CSRF: { http: 403, exit: 9 },
  NOT_FOUND: { http: 404, exit: 4 },
  CONFLICT: { http: 409, exit: 5 },
  PAYLOAD_TOO_LARGE: { http: 413, exit: 3 },
  RATE_LIMITED: { http: 429, exit: 10 },
  CONFIG: { http: 500, exit: 6 },
  DB_UNAVAILABLE: { http: 503, exit: 7 },
  /** Too much expensive work under way (PDF renders): details.retryAfterSeconds says when to come back. */
  BUSY: { http: 503, exit: 12 },
  UPSTREAM_UNAVAILABLE: { http: 502, exit: 11 },
  INTERNAL: { http: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function httpStatusOf(error: unknown): number {
  return isAppError(error) ? errorCodes[error.code].http : 500;
}

export function exitCodeOf(error: unknown): number {
  return isAppError(error) ? errorCodes[error.code].exit : 1;
}
