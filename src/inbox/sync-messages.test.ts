// The collector's backstop for community messages, on both dialects against the simulated VK on a real port: the
// scheduled job reads conversations and history with the community token and stores what the pushed events
// missed; a message the events brought first, or one whose event comes later or out of order, is kept once; a
// page whose token VK refuses is reported and the other pages still sync.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { worldOnVkSim } from '../../test/factories.ts';
import { loadWorld } from '../collect/index.ts';
import type { Job } from '../platform/jobs/index.ts';
import { COUNTRY } from '../platform/scope.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import { addVkToken } from '../vk/index.ts';
import { generateWorld, type VkSim, worldEnd } from '../vk-sim/index.ts';
import { listMessageItems } from './messages.service.ts';
import { INBOX_SYNC_MESSAGES, inboxJobs, syncAllPageMessages } from './sync-messages.job.ts';
import { handleVkEvent, parseVkEvent } from './vk-events.ts';

const world = generateWorld({ institutions: 8, regions: 1, seed: 261, asOf: '2026-11-29', days: 10 });
const NOW = worldEnd(world.meta);
const box = new SecretBox(parseSecretKey(newSecretKeyText(), 'test'));
const open = world.communities.filter((c) => !c.deactivated && c.is_closed === 0);
const GROUP = open[0]?.id ?? 0;
const OTHER = open[1]?.id ?? 0;

let dir: string;
let sim: VkSim;
let vkUrl: string;

beforeAll(async () => {
  ({ dir, sim, vkUrl } = await worldOnVkSim(world, { groups: [GROUP] }));
});
afterAll(() => sim.app.close());

describeEachDialect('community messages backstop', (ctx) => {
  // One simulator serves both dialects: each has its own people.
  const person = (n: number) => (ctx.dialect === 'sqlite' ? 701 : 801) + n;
  const vk = () => ({ baseUrl: vkUrl, secrets: box });
  const admin = {
    userId: 1,
    login: 'admin',
    scope: COUNTRY,
    permissions: new Set(['comments.read', 'comments.answer']),
  };
  const pageOf = async (groupId: number) =>
    (
      await ctx.db.kysely
        .selectFrom('pages')
        .select('id')
        .where('external_id', '=', groupId)
        .executeTakeFirstOrThrow()
    ).id;
  const storedOf = async (peer: number) =>
    (
      await ctx.db.kysely
        .selectFrom('inbox_messages')
        .select(['vk_id', 'text'])
        .where('peer_id', '=', peer)
        .orderBy('vk_id')
        .execute()
    ).map((m) => m.text);

  beforeEach(async () => {
    await loadWorld(ctx.db, dir);
    const pageId = await pageOf(GROUP);
    await addVkToken(
      ctx.db,
      box,
      { label: 'c', token: `community-${GROUP}`, kind: 'community', pageId },
      NOW,
    );
  });

  it('stores the messages the events missed, keeps each once whatever the order, and does nothing the second time', async () => {
    // Two messages; only the later one's event reaches Publica (the Callback API missed the first).
    sim.world.messages.incoming(GROUP, person(0), 'Когда родительское собрание?', NOW - 600);
    sim.world.messages.incoming(GROUP, person(0), 'И где оно будет?', NOW - 300);
    const events = (sim.world.messages.events.get(GROUP) ?? []).slice(-2);
    const [missed, arrived] = events.map((e) => parseVkEvent(e));
    if (!missed || !arrived) throw new Error('the simulator logged no events');
    expect(await handleVkEvent(ctx.db, arrived, 'callback', NOW)).toBe('applied');
    expect(await storedOf(person(0))).toEqual(['И где оно будет?']);

    // The scheduled job, as the worker runs it.
    const [job] = inboxJobs(ctx.db, vk());
    expect(job?.queue).toBe(INBOX_SYNC_MESSAGES);
    const run = (await job?.handler({
      id: 'test',
      queue: INBOX_SYNC_MESSAGES,
      data: {},
      retryCount: 0,
      progress: async () => undefined,
    } as Job<unknown>)) as Awaited<ReturnType<typeof syncAllPageMessages>>;
    expect(run.errors).toEqual([]);
    expect(run.pages).toBe(1);
    expect(run.stored).toBeGreaterThanOrEqual(1);
    expect(await storedOf(person(0))).toEqual(['Когда родительское собрание?', 'И где оно будет?']);
    // One waiting item for the conversation: its first message, whatever order the two were stored in.
    const items = (await listMessageItems(ctx.db, admin, {}, NOW)).filter((i) => i.peerId === person(0));
    expect(items.map((i) => i.text)).toEqual(['Когда родительское собрание?']);

    // The missed event arrives late, and the backstop runs again: nothing changes.
    expect(await handleVkEvent(ctx.db, missed, 'callback', NOW + 60)).toBe('applied');
    expect((await syncAllPageMessages(ctx.db, vk(), NOW + 120)).stored).toBe(0);
    expect(await storedOf(person(0))).toEqual(['Когда родительское собрание?', 'И где оно будет?']);
    expect(
      (await listMessageItems(ctx.db, admin, {}, NOW)).filter((i) => i.peerId === person(0)),
    ).toHaveLength(1);
  });

  it('reports a page whose token VK refuses and still syncs the others', async () => {
    const otherPage = await pageOf(OTHER);
    await addVkToken(
      ctx.db,
      box,
      { label: 'revoked', token: 'revoked-community-token', kind: 'community', pageId: otherPage },
      NOW,
    );
    sim.world.messages.incoming(GROUP, person(1), 'Есть ли продлёнка?', NOW);
    const run = await syncAllPageMessages(ctx.db, vk(), NOW);
    expect(run.errors.map((e) => e.pageId)).toEqual([otherPage]);
    expect(run.pages).toBe(1);
    expect(await storedOf(person(1))).toEqual(['Есть ли продлёнка?']);
  });
});
