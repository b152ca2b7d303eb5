// GET /api/inbox/changes: a mark that moves when anything arrives, polled by the inbox screen.
import type { Db } from '../platform/db.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { inboxContract } from './inbox.contract.ts';
import { changeMark } from './messages.repo.ts';

const tags = ['inbox'];
const c = inboxContract;

export function inboxChangesRoute(app: App, db: Db): void {
  app.get(
    c.changes.path,
    {
      config: { access: c.changes.access },
      schema: {
        tags,
        summary:
          'A mark that changes when a comment, message or VK event arrives: the inbox screen polls it (cheap, no text) and reloads its list when it moves',
        response: { 200: c.changes.response, ...errorResponses },
      },
    },
    async () => ({ mark: await changeMark(db) }),
  );
}
