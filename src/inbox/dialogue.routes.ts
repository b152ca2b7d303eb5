// HTTP adapters for the dialogue tools: saved replies (libraries, offered for a question), a page's contacts for
// their variables, questions counted by topic with the suggestion to pin an answer, and (other-networks.route.ts)
// the comments waiting on the institutions' OK topics.
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { inboxContract } from './inbox.contract.ts';
import { otherNetworksRoutes } from './other-networks.route.ts';
import { addSavedReply, savedRepliesFor, setPageContacts, topicCounts } from './saved-replies.ts';

const tags = ['inbox'];
const c = inboxContract;
const now = () => Math.floor(Date.now() / 1000);

export function dialogueRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.savedReplies.path,
      {
        config: { access: c.savedReplies.access },
        schema: {
          tags,
          summary:
            "Saved replies of a page's libraries, filled for the page, those on the question's topic first",
          querystring: c.savedReplies.query,
          response: {
            200: c.savedReplies.response,
            ...errorResponses,
          },
        },
      },
      async (request) =>
        savedRepliesFor(db, principalOf(request), request.query.pageId, request.query.question),
    );

    app.post(
      c.saveReply.path,
      {
        config: { access: c.saveReply.access },
        schema: {
          tags,
          summary: 'Add a saved reply to a region, municipality or page library within your scope',
          body: c.saveReply.body,
          response: { 200: c.saveReply.response, ...errorResponses },
        },
      },
      async (request) => ({ id: await addSavedReply(db, principalOf(request), request.body, now()) }),
    );

    app.put(
      c.setContacts.path,
      {
        config: { access: c.setContacts.access },
        schema: {
          tags,
          summary: "A page's phone and office hours, for the {phone} and {hours} of saved replies",
          params: c.setContacts.params,
          body: c.setContacts.body,
          response: { 200: c.setContacts.response, ...errorResponses },
        },
      },
      async (request) => {
        await setPageContacts(db, principalOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      c.topics.path,
      {
        config: { access: c.topics.access },
        schema: {
          tags,
          summary:
            'Questions by topic per page, municipality and region, and the questions asked again and again',
          querystring: c.topics.query,
          response: {
            200: c.topics.response,
            ...errorResponses,
          },
        },
      },
      async (request) => topicCounts(db, principalOf(request), request.query, now()),
    );
    otherNetworksRoutes(db)(app);
  };
}
