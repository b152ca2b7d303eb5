// Thin HTTP adapters over seminars: plan, list and read, the audience a rule selects, invitations,
// registration and its cancellation, attendance, the measured effect, and the public check of a certificate.
// One file per operation under routes/; this registers them all.
import type { Db } from '../platform/db.ts';
import type { App } from '../platform/http/server.ts';
import { TRAINING_ROUTES } from './routes/index.ts';

/** `publicUrl`: the configured address of the site, printed on certificates (never the request's Host). */
export function trainingRoutes(db: Db, options: { publicUrl: string }) {
  return (app: App) => {
    for (const route of TRAINING_ROUTES) route(app, { db, publicUrl: options.publicUrl });
  };
}
