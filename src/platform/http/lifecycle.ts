// Listening until SIGTERM or SIGINT, then closing gracefully: stop accepting, let requests in flight finish
// (up to a deadline), then release what the process holds.
import type { App } from './server.ts';

export async function serveUntilSignal(
  app: App,
  where: { host: string; port: number },
  release: () => Promise<void>,
  deadlineMs = 10_000,
): Promise<{ url: string; stopped: Promise<void> }> {
  const url = await app.listen(where);
  let closing = false;
  let done: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    done = resolve;
  });
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('requests did not finish in time; exiting');
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    try {
      await app.close();
      await release();
    } finally {
      clearTimeout(timer);
      done();
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return { url, stopped };
}
