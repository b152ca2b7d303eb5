// HTTP adapters for the dialogue tools: saved replies (libraries, offered for a question), a page's contacts for
// their variables, and questions counted by topic with the suggestion to pin an answer.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { addSavedReply, savedRepliesFor, setPageContacts, topicCounts } from './saved-replies.ts';

const tags = ['inbox'];
const now = () => Math.floor(Date.now() / 1000);
const topic = z.enum([
  'admission',
  'meals',
  'timetable',
  'transport',
  'clubs',
  'documents',
  'exams',
  'safety',
  'building',
  'fees',
]);
const countSchema = z.object({ key: z.string(), topic: z.string(), questions: z.number().int() });

export function dialogueRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/inbox/saved-replies',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary:
            "Saved replies of a page's libraries, filled for the page, those on the question's topic first",
          querystring: z.object({
            pageId: z.coerce.number().int().positive(),
            question: z.string().max(4000).optional(),
          }),
          response: {
            200: z.object({
              topics: z.array(z.string()),
              replies: z.array(
                z.object({
                  id: z.number().int(),
                  level: z.enum(['region', 'municipality', 'page']),
                  topic: z.string(),
                  title: z.string(),
                  text: z.string(),
                  missing: z.array(z.string()),
                  matches: z.boolean(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        savedRepliesFor(db, principalOf(request), request.query.pageId, request.query.question),
    );

    app.post(
      '/api/inbox/saved-replies',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary: 'Add a saved reply to a region, municipality or page library within your scope',
          body: z.object({
            level: z.enum(['region', 'municipality', 'page']),
            regionCode: z
              .string()
              .regex(/^\d{2}$/)
              .optional(),
            municipalityId: z.number().int().positive().optional(),
            pageId: z.number().int().positive().optional(),
            topic,
            title: z.string().trim().min(1).max(200),
            text: z.string().trim().min(1).max(4000),
          }),
          response: { 200: z.object({ id: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => ({ id: await addSavedReply(db, principalOf(request), request.body, now()) }),
    );

    app.put(
      '/api/inbox/pages/:id/contacts',
      {
        config: { access: 'comments.answer' },
        schema: {
          tags,
          summary: "A page's phone and office hours, for the {phone} and {hours} of saved replies",
          params: idParam,
          body: z.object({
            phone: z.string().trim().max(100).nullable(),
            hours: z.string().trim().max(200).nullable(),
          }),
          response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (request) => {
        await setPageContacts(db, principalOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/inbox/topics',
      {
        config: { access: 'comments.read' },
        schema: {
          tags,
          summary:
            'Questions by topic per page, municipality and region, and the questions asked again and again',
          querystring: z.object({
            days: z.coerce.number().int().min(1).max(365).optional(),
            pageId: z.coerce.number().int().positive().optional(),
          }),
          response: {
            200: z.object({
              total: z.array(z.object({ topic: z.string(), questions: z.number().int() })),
              byPage: z.array(countSchema),
              byMunicipality: z.array(countSchema),
              byRegion: z.array(countSchema),
              suggestions: z.array(
                z.object({ pageId: z.number().int(), topic: z.string(), questions: z.number().int() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => topicCounts(db, principalOf(request), request.query, now()),
    );
  };
}
