// Zod pieces every route shares: ids, pagination, the error body, and the list envelope.
import { z } from 'zod';
import { hasControlCharacters } from '../controls.ts';

export const MAX_PAGE_SIZE = 100;

/** A name or title people will read: refused (400 naming the field) when it holds control or direction marks. */
export function plainText(schema: z.ZodString) {
  return schema.refine((value) => !hasControlCharacters(value), {
    message: 'control or text-direction characters are not allowed',
  });
}

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const pagination = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
};

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    size: z.number().int(),
    total: z.number().int(),
  });
}

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** A 0/1 or true/false query flag. */
export const queryFlag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .optional();

export const okBody = z.object({ ok: z.literal(true) });

/** Responses that routes of each kind may answer besides 200, for the OpenAPI document. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
};
