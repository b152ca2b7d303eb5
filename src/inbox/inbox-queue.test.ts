// The inbox as a work queue on both dialects: the overdue filter (oldest first), the deadline in working hours,
// the post and VK ids a row needs for context, and the answer with who sent it through Publica.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { worldOnVkSim } from '../../test/factories.ts';
import { createUsers } from '../auth/index.ts';
import { loadWorld } from '../collect/index.ts';
import { CONSOLE_ACTOR } from '../platform/audit-log.ts';
import { COUNTRY } from '../platform/scope.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import { addVkToken } from '../vk/index.ts';
import { generateWorld, type VkSim, worldEnd } from '../vk-sim/index.ts';
import { listInbox, replyToComment } from './inbox.service.ts';

const world = generateWorld({ institutions: 60, regions: 2, seed: 47, asOf: '2026-11-27', days: 30 });
const NOW = worldEnd(world.meta);
const box = new SecretBox(parseSecretKey(newSecretKeyText(), 'test'));
const ALL = { page: 1, size: 10_000 };
let federal = { userId: 0, scope: COUNTRY };
let dir: string;
let sim: VkSim;
let vkUrl: string;

beforeAll(async () => {
  ({ dir, sim, vkUrl } = await worldOnVkSim(world));
});
afterAll(() => sim.app.close());

describeEachDialect('inbox work queue', (ctx) => {
  beforeEach(async () => {
    await loadWorld(ctx.db, path.join(dir));
    const made = await createUsers(ctx.db).add(
      { ...CONSOLE_ACTOR, scope: COUNTRY },
      { login: 'queue-admin', role: 'federal', scope: { level: 'country' }, password: 'queue-password-1' },
    );
    federal = { userId: made.user.id, scope: COUNTRY };
  });

  it('filters the overdue, oldest first, with the hours late in working time', async () => {
    const all = await listInbox(ctx.db, federal, {}, ALL, NOW);
    const late = await listInbox(ctx.db, federal, { overdue: true }, ALL, NOW);
    expect(late.total).toBeGreaterThan(0);
    expect(late.total).toBe(all.items.filter((i) => i.overdue).length);
    const asked = late.items.map((i) => i.postedAt);
    expect(asked).toEqual([...asked].sort((a, b) => a - b));
    // Zero when the deadline passed after hours: no working time has been lost yet.
    for (const i of late.items) expect(i.workingHoursLeft).toBeLessThanOrEqual(0);
    const waiting = await listInbox(ctx.db, federal, { unanswered: true }, ALL, NOW);
    expect(waiting.items.every((i) => i.status === 'new' || i.status === 'in_progress')).toBe(true);
    expect(waiting.total).toBe(all.items.filter((i) => i.workingHoursLeft !== null).length);
    for (const i of all.items) {
      if (i.status === 'answered') expect(i.workingHoursLeft).toBeNull();
      // One working day is at most 9 working hours, so a waiting question has at most that left.
      if (i.status === 'new' && !i.overdue) expect(i.workingHoursLeft).toBeLessThanOrEqual(9);
    }
  });

  it('gives each row its post, VK ids and, once answered, the answer', async () => {
    const { items } = await listInbox(ctx.db, federal, {}, ALL, NOW);
    for (const i of items) {
      expect(i.externalId).toBeGreaterThan(0);
      expect(i.fromId).not.toBe(0);
      expect(typeof i.postText).toBe('string');
      expect(i.answer !== null).toBe(i.status === 'answered');
    }
    const answered = items.find((i) => i.answer);
    expect(answered?.answer?.at).toBeGreaterThanOrEqual(answered?.postedAt ?? Number.POSITIVE_INFINITY);
    expect(answered?.answer?.by).toBeNull();
  });

  it('names who answered through Publica', async () => {
    const { items } = await listInbox(ctx.db, federal, { overdue: true }, ALL, NOW);
    const item = items[0];
    if (!item?.externalId) throw new Error('no overdue question');
    await addVkToken(
      ctx.db,
      box,
      {
        label: `page-${item.pageId}`,
        token: `community-${item.externalId}`,
        kind: 'community',
        pageId: item.pageId,
      },
      NOW,
    );
    const vk = { baseUrl: vkUrl, secrets: box };
    const sent = await replyToComment(
      ctx.db,
      federal,
      item.commentId,
      { text: 'Ответим до пятницы.', key: 'queue-0001' },
      vk,
      NOW,
    );
    expect(sent.status).toBe('sent');
    const after = await listInbox(ctx.db, federal, { status: 'answered' }, ALL, NOW + 60);
    const row = after.items.find((i) => i.commentId === item.commentId);
    expect(row?.answer).toMatchObject({ text: 'Ответим до пятницы.', by: 'queue-admin' });
    const stillLate = await listInbox(ctx.db, federal, { overdue: true }, ALL, NOW + 60);
    expect(stillLate.items.some((i) => i.commentId === item.commentId)).toBe(false);
  });
});
