// One contract for both job queues: the database queue (on SQLite and PostgreSQL) and pg-boss (PostgreSQL).
// Each case runs against a real database; the crash case kills a real worker process with SIGKILL.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db.ts';
import { type QueueKind, testQueue } from '../../../test/job-queues.ts';
import { type JobInfo, type JobQueue, latestSlot, leadership, retryDelayMs, Scheduler } from './index.ts';
import { upsertSchedule } from './jobs.repo.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const finished = (queue: JobQueue, name: string, id: string) =>
  until(`job ${id} to finish`, async () => {
    const job = await queue.getJob(name, id);
    return job && (job.state === 'completed' || job.state === 'failed') ? job : null;
  }) as Promise<JobInfo>;

describeEachDialect('job queue contract', (ctx) => {
  const kinds: QueueKind[] = ctx.dialect === 'postgres' ? ['db', 'pg-boss'] : ['db'];
  for (const kind of kinds)
    describe(kind, () => {
      let queue: JobQueue | undefined;
      const open = async () => {
        queue = testQueue(kind, ctx.db);
        await queue.start();
        return queue;
      };
      afterEach(async () => {
        await queue?.stop({ timeoutMs: 2000 });
        queue = undefined;
      });

      it('runs a job once and keeps its output and progress', async () => {
        const q = await open();
        await q.createQueue('contract.echo');
        const runs: unknown[] = [];
        await q.work<{ n: number }>('contract.echo', {}, async (job) => {
          runs.push(job.data);
          await job.progress({ done: job.data.n });
          return { doubled: job.data.n * 2 };
        });
        const id = (await q.send('contract.echo', { n: 21 })) as string;
        const job = await finished(q, 'contract.echo', id);
        expect(job).toMatchObject({ state: 'completed', output: { doubled: 42 }, progress: { done: 21 } });
        expect(job.data).toEqual({ n: 21 });
        expect(runs).toEqual([{ n: 21 }]);
        const counts = await q.counts();
        expect(counts.find((c) => c.queue === 'contract.echo' && c.state === 'completed')?.count).toBe(1);
      });

      it("knows no job by an id it never gave, well-formed or not (an id from a URL is anyone's text)", async () => {
        const q = await open();
        await q.createQueue('contract.echo');
        expect(await q.getJob('contract.echo', crypto.randomUUID())).toBeNull();
        expect(await q.getJob('contract.echo', 'no-such-job')).toBeNull();
      });

      it('retries a failing job up to its limit, then fails it with the reason', async () => {
        const q = await open();
        await q.createQueue('contract.flaky', { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false });
        const attempts = new Map<string, number[]>();
        await q.work<{ succeedOn: number }>('contract.flaky', {}, async (job) => {
          attempts.set(job.id, [...(attempts.get(job.id) ?? []), job.retryCount]);
          if (job.retryCount < job.data.succeedOn) throw new Error(`attempt ${job.retryCount} failed`);
          return { ok: job.retryCount };
        });
        const recovers = (await q.send('contract.flaky', { succeedOn: 2 })) as string;
        const never = (await q.send('contract.flaky', { succeedOn: 9 })) as string;
        expect(await finished(q, 'contract.flaky', recovers)).toMatchObject({
          state: 'completed',
          retryCount: 2,
          output: { ok: 2 },
        });
        const failed = await finished(q, 'contract.flaky', never);
        expect(failed.state).toBe('failed');
        expect((failed.output as { message: string }).message).toBe('attempt 2 failed');
        expect(attempts.get(recovers)).toEqual([0, 1, 2]);
        expect(attempts.get(never)).toEqual([0, 1, 2]);
      });

      it('holds one waiting job per key on a singleton queue', async () => {
        const q = await open();
        await q.createQueue('contract.single', { singleton: true });
        await q.createQueue('contract.plain');
        const first = await q.send('contract.single', { n: 1 }, { singletonKey: 'region:77' });
        expect(first).toBeTypeOf('string');
        expect(await q.send('contract.single', { n: 2 }, { singletonKey: 'region:77' })).toBeNull();
        expect(await q.send('contract.single', { n: 3 }, { singletonKey: 'region:50' })).toBeTypeOf('string');
        // Standard queues never collide, keyed or not.
        expect(await q.send('contract.plain', { n: 1 }, { singletonKey: 'k' })).toBeTypeOf('string');
        expect(await q.send('contract.plain', { n: 2 }, { singletonKey: 'k' })).toBeTypeOf('string');
        await q.work('contract.single', {}, async () => 'done');
        await finished(q, 'contract.single', first as string);
        // Once the first has run, the key is free again.
        expect(await q.send('contract.single', { n: 4 }, { singletonKey: 'region:77' })).toBeTypeOf('string');
      });

      it('runs at most `concurrency` jobs of a queue at once in a process', async () => {
        const q = await open();
        await q.createQueue('contract.slow');
        let running = 0;
        let peak = 0;
        // Each job holds its slot until the test lets it go: no timing decides what overlaps.
        const held: (() => void)[] = [];
        await q.work('contract.slow', { concurrency: 2 }, async () => {
          peak = Math.max(peak, ++running);
          await new Promise<void>((release) => held.push(release));
          running--;
        });
        const ids = await Promise.all(Array.from({ length: 6 }, (_, n) => q.send('contract.slow', { n })));
        for (let done = 0; done < ids.length; done++) {
          await until('a job to hold a slot', async () => held.length > 0);
          if (ids.length - done >= 2) await until('both slots to fill', async () => running === 2);
          held.shift()?.();
        }
        for (const id of ids)
          expect((await finished(q, 'contract.slow', id as string)).state).toBe('completed');
        expect(peak).toBe(2);
      });

      it('does not start a job before its time', async () => {
        const q = await open();
        await q.createQueue('contract.later');
        const started: number[] = [];
        await q.work('contract.later', {}, async () => {
          started.push(Date.now());
        });
        const due = Date.now() + 1500;
        const id = (await q.send('contract.later', {}, { startAfter: new Date(due) })) as string;
        await finished(q, 'contract.later', id);
        expect(started[0]).toBeGreaterThanOrEqual(due);
      });

      it('runs again a job whose worker process was killed', async () => {
        const q = await open();
        await q.createQueue('contract.crash', {
          expireSeconds: 2,
          retryDelaySeconds: 0,
          retryBackoff: false,
        });
        const id = (await q.send('contract.crash', { n: 1 })) as string;
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/job-child.ts', kind, ctx.url], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        const lines = createInterface({ input: child.stdout });
        await new Promise<void>((resolve, reject) => {
          lines.on('line', (line) => line === `started ${id}` && resolve());
          child.once('exit', (code) => reject(new Error(`worker exited (${code}) before taking the job`)));
        });
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        expect((await q.getJob('contract.crash', id))?.state).toBe('active');
        await q.work('contract.crash', {}, async (job) => ({ rerunAfter: job.retryCount }));
        const job = await finished(q, 'contract.crash', id);
        expect(job).toMatchObject({ state: 'completed', output: { rerunAfter: 1 } });
      });

      it('lets several processes starting together create the same queues', async () => {
        // Like 3 workers starting at once: each opens its own queue and creates every queue.
        const peers = [0, 1, 2, 3].map(() => testQueue(kind, ctx.db));
        try {
          await Promise.all(peers.map((p) => p.start()));
          const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `contract.together.${n}`);
          await Promise.all(
            peers.map((p) => Promise.all(names.map((n) => p.createQueue(n, { singleton: true })))),
          );
          const [first] = peers;
          for (const name of names) {
            const id = (await first?.send(name, { name })) as string;
            expect(await first?.getJob(name, id)).toMatchObject({ state: 'created', data: { name } });
          }
        } finally {
          await Promise.all(peers.map((p) => p.stop({ timeoutMs: 2000 })));
        }
      });

      it('fires each cron slot once, across scheduler restarts, and a missed stretch once', async () => {
        const q = await open();
        await q.createQueue('contract.cron', { singleton: true });
        let now = Date.parse('2026-11-29T09:58:00Z');
        const scheduler = () => new Scheduler(ctx.db, q, { leadership: leadership(ctx.db), now: () => now });
        const first = scheduler();
        await first.define('nightly', { cron: '0 10 * * *', tz: 'Europe/Moscow', queue: 'contract.cron' });
        await first.define('every5', { cron: '*/5 * * * *', queue: 'contract.cron', data: { n: 5 } });
        expect(await first.tick()).toEqual([]);
        now = Date.parse('2026-11-29T10:00:30Z');
        expect(await first.tick()).toEqual(['every5']);
        expect(await first.tick()).toEqual([]);
        await first.stop();
        // A new leader (restart) does not repeat the slot.
        const second = scheduler();
        expect(await second.tick()).toEqual([]);
        // Down for an hour: the missed slots fire once; 10:00 Moscow was 07:00 UTC, so nightly waits.
        now = Date.parse('2026-11-29T11:07:00Z');
        expect(await second.tick()).toEqual(['every5']);
        now = Date.parse('2026-11-30T07:00:01Z');
        expect((await second.tick()).sort()).toEqual(['every5', 'nightly']);
        await second.stop();
        const waiting = (await q.counts()).filter((c) => c.queue === 'contract.cron');
        expect(waiting.reduce((s, c) => s + c.count, 0)).toBe(4);
      });

      it('skips and reports a schedule that fails, stored before checks existed, and fires the others', async () => {
        const q = await open();
        await q.createQueue('contract.cron', { singleton: true });
        let now = Date.parse('2026-11-29T09:58:00Z');
        const failed: string[] = [];
        const scheduler = new Scheduler(ctx.db, q, {
          leadership: leadership(ctx.db),
          now: () => now,
          onScheduleError: (name) => failed.push(name),
        });
        // Rows as an unchecked write left them; sorted by name, the bad ones come first.
        for (const [name, cron, tz] of [
          ['a-bad-zone', '0 * * * *', 'Mars/Olympus'],
          ['b-bad-cron', '61 * * * *', 'UTC'],
        ] as const)
          await upsertSchedule(ctx.db, { name, cron, tz, queue: 'contract.cron', data: '{}', updated_at: 0 });
        await scheduler.define('z-reminders', { cron: '0 * * * *', queue: 'contract.cron' });
        await expect(
          scheduler.define('mars', { cron: '0 * * * *', tz: 'Mars/Olympus', queue: 'x' }),
        ).rejects.toThrow(/unknown time zone/);
        now = Date.parse('2026-11-29T10:00:30Z');
        expect(await scheduler.tick()).toEqual(['z-reminders']);
        expect(failed).toEqual(['a-bad-zone', 'b-bad-cron']);
        now = Date.parse('2026-11-29T11:00:30Z');
        expect(await scheduler.tick()).toEqual(['z-reminders']);
        await scheduler.stop();
      });
    });
});

describe('retry delay', () => {
  it('doubles with each retry and keeps a jitter within the step', () => {
    const options = { retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true, expireSeconds: 60 };
    for (const n of [0, 1, 2, 3]) {
      const ms = retryDelayMs(options, n);
      expect(ms).toBeGreaterThanOrEqual(2000 * 2 ** n);
      expect(ms).toBeLessThanOrEqual(2000 * 2 ** (n + 1));
    }
    expect(retryDelayMs({ ...options, retryBackoff: false }, 3)).toBe(2000);
  });

  it('finds the latest cron slot in the schedule time zone', () => {
    expect(
      new Date(latestSlot('0 10 * * *', 'Asia/Yekaterinburg', Date.parse('2026-11-29T06:00:00Z')) ?? 0),
    ).toEqual(new Date('2026-11-29T05:00:00Z'));
  });
});
