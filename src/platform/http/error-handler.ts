// One error body for every failure: {error: {code, message, details?}}, with the status the code maps to.
// Validation errors list each field's path; unexpected errors are logged and answered without internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ErrorCode, errorCodes, isAppError } from '../errors.ts';

export type FieldProblem = { path: string; message: string };

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const details: FieldProblem[] = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    return send(reply, 'VALIDATION', `invalid ${where}: ${details.map((d) => d.path).join(', ')}`, details);
  }
  if (isAppError(error)) {
    const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retryAfter) reply.header('retry-after', String(retryAfter));
    if (errorCodes[error.code].http >= 500 && error.code !== 'BUSY')
      request.log.error({ err: error }, error.message);
    return send(reply, error.code, error.message, error.details);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return send(reply, 'INTERNAL', 'internal error');
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return send(reply, 'PAYLOAD_TOO_LARGE', error.message);
  if (status === 429) return send(reply, 'RATE_LIMITED', error.message);
  if (status >= 400 && status < 500) return reply.code(status).send(body('BAD_REQUEST', error.message));
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, 'INTERNAL', 'internal error');
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
}

function send(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  return reply.code(errorCodes[code].http).send(body(code, message, details));
}

function body(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
