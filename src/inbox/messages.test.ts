// Community messages on both dialects, over the simulated VK on a real HTTP port: a person's message pushed
// through the Callback API (confirmation string, secret, stored once by event_id) and Bots Long Poll, in one
// queue with comments, answered once per key (random_id), VK's 901 for a person who did not allow messages,
// personal data kept to page admins and supervisors with reads in the audit log; comment events applied in any
// order; the API backstop storing what the events missed.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { worldOnVkSim } from '../../test/factories.ts';
import { buildWebApp } from '../../test/web-app.ts';
import { createUsers } from '../auth/index.ts';
import { loadWorld } from '../collect/index.ts';
import { CONSOLE_ACTOR } from '../platform/audit-log.ts';
import { loadConfig } from '../platform/config.ts';
import type { App } from '../platform/http/server.ts';
import { COUNTRY } from '../platform/scope.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import { addVkToken } from '../vk/index.ts';
import { generateWorld, type VkSim, worldEnd } from '../vk-sim/index.ts';
import { setCallbackSettings } from './callback-secret.ts';
import { conversationFor } from './conversation.service.ts';
import { inboxMetrics } from './inbox.service.ts';
import { checkOnce, openLongPoll } from './long-poll.ts';
import {
  listMessageItems,
  randomIdOf,
  replyToMessage,
  setMessageState,
  syncPageMessages,
} from './messages.service.ts';
import { listQueue } from './queue.service.ts';
import { countEvents } from './vk-events.repo.ts';
import { handleVkEvent, parseVkEvent } from './vk-events.ts';

const world = generateWorld({ institutions: 16, regions: 1, seed: 26, asOf: '2026-11-29', days: 20 });
const NOW = worldEnd(world.meta);
const box = new SecretBox(parseSecretKey(newSecretKeyText(), 'test'));
const community = world.communities.find(
  (c) => !c.deactivated && c.is_closed === 0,
) as (typeof world.communities)[number];
const GROUP = community.id;
const ALL = { page: 1, size: 1000 };

let dir: string;
let sim: VkSim;
let vkUrl: string;

beforeAll(async () => {
  ({ dir, sim, vkUrl } = await worldOnVkSim(world));
});
afterAll(() => sim.app.close());

async function simPost(url: string, payload: object) {
  return (await sim.app.inject({ method: 'POST', url, payload })).json();
}

/** What the simulated VK holds of the conversation with a person. */
const simConversation = (peer: number) => sim.world.messages.conversation(GROUP, peer)?.messages ?? [];

describeEachDialect('community messages', (ctx) => {
  let pageId = 0;
  let userId = 0;
  // One simulator serves both dialects: each has its own people and reply keys (VK remembers random_ids).
  const person = (n: number) => (ctx.dialect === 'sqlite' ? 501 : 601) + n;
  const key = (name: string) => `${name}-${ctx.dialect}`;
  const admin = (permissions = ['comments.read', 'comments.answer']) => ({
    userId,
    login: 'admin',
    scope: COUNTRY,
    permissions: new Set(permissions),
  });
  const vk = () => ({ baseUrl: vkUrl, secrets: box });

  beforeEach(async () => {
    await loadWorld(ctx.db, dir);
    const page = await ctx.db.kysely
      .selectFrom('pages')
      .select('id')
      .where('external_id', '=', GROUP)
      .executeTakeFirstOrThrow();
    pageId = page.id;
    await addVkToken(
      ctx.db,
      box,
      { label: 'c', token: `community-${GROUP}`, kind: 'community', pageId },
      NOW,
    );
    const made = await createUsers(ctx.db).add(
      { ...CONSOLE_ACTOR, scope: COUNTRY },
      {
        login: 'messages-admin',
        role: 'federal',
        scope: { level: 'country' },
        password: 'messages-password-1',
      },
    );
    userId = made.user.id;
  });

  it('takes a message pushed by the Callback API once, answers it once per key, and VK holds one answer', async () => {
    const config = {
      ...loadConfig({ PUBLICA_VK_URL: vkUrl, PUBLICA_SECRET_KEY: newSecretKeyText() }),
      logLevel: 'silent' as const,
    };
    const app: App = await buildWebApp(ctx.db, config, {
      logStream: new Writable({ write: (_c, _e, d) => d() }),
    });
    const publica = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await setCallbackSettings(ctx.db, config.secrets, {
        groupId: GROUP,
        confirmation: 'a1b2c3d4',
        secret: 'callback-secret',
        at: NOW,
      });
      // Sealed at rest: the database holds no secret in the clear.
      const stored = await ctx.db.kysely
        .selectFrom('vk_callback_settings')
        .select('secret')
        .where('group_id', '=', GROUP)
        .executeTakeFirstOrThrow();
      expect(stored.secret).not.toContain('callback-secret');
      expect(stored.secret).toMatch(/^v1\./);
      // VK confirms the address first: Publica answers the configured string.
      const added = await simPost('/admin/callback', {
        groupId: GROUP,
        url: `${publica}/api/vk/callback`,
        secret: 'callback-secret',
        code: 'a1b2c3d4',
      });
      expect(added).toMatchObject({ confirmed: true, answer: 'a1b2c3d4' });
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/vk/callback',
        payload: { type: 'message_new', group_id: GROUP, event_id: 'x1', secret: 'nope', object: {} },
      });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error.message).toMatch(/body.secret/);

      const sent = await simPost('/admin/messages/incoming', {
        groupId: GROUP,
        fromId: person(0),
        text: 'Когда будет собрание?',
      });
      // The sim delivers in the background; wait for its delivery count, not a fixed time.
      await expect.poll(() => sim.callbacks.at(-1)?.delivered ?? 0).toBeGreaterThanOrEqual(1);
      const queue = await listQueue(ctx.db, admin(), { kind: 'all' }, ALL, NOW + 60);
      const item = queue.items.find((i) => i.kind === 'message');
      expect(item).toMatchObject({
        kind: 'message',
        peerId: person(0),
        text: 'Когда будет собрание?',
        status: 'new',
      });
      expect(queue.items.some((i) => i.kind === 'comment')).toBe(true);

      // The same event delivered again changes nothing.
      const event = {
        type: 'message_new',
        group_id: GROUP,
        event_id: sim.world.messages.events.get(GROUP)?.at(-1)?.event_id,
        secret: 'callback-secret',
        object: { message: sent.message },
      };
      const repeat = await app.inject({ method: 'POST', url: '/api/vk/callback', payload: event });
      expect(repeat.body).toBe('ok');
      const again = await listQueue(ctx.db, admin(), { kind: 'message' }, ALL, NOW + 60);
      expect(again.total).toBe(1);

      const id = item?.commentId ?? 0;
      const first = await replyToMessage(
        ctx.db,
        admin(),
        id,
        { text: 'Собрание в среду в 18:00.', key: key('msg-key') },
        vk(),
        NOW + 120,
      );
      const second = await replyToMessage(
        ctx.db,
        admin(),
        id,
        { text: 'Собрание в среду в 18:00.', key: key('msg-key') },
        vk(),
        NOW + 130,
      );
      expect(first).toMatchObject({ status: 'sent', repeated: false });
      expect(second).toMatchObject({ status: 'sent', repeated: true, vkMessageId: first.vkMessageId });
      expect(simConversation(person(0)).filter((m) => m.out === 1)).toHaveLength(1);
      const closed = (await listQueue(ctx.db, admin(), { kind: 'message' }, ALL, NOW + 200)).items[0];
      expect(closed).toMatchObject({ status: 'answered', answeredAt: NOW + 120 });
    } finally {
      await sim.app.inject({ method: 'DELETE', url: '/admin/callback' });
      await app.close();
    }
  });

  it('sends again with the same random_id after a lost answer: VK keeps one message', async () => {
    sim.world.messages.incoming(GROUP, person(1), 'Где посмотреть меню?', NOW);
    await syncPageMessages(ctx.db, { id: pageId, groupId: GROUP }, vk(), NOW);
    const item = (await listMessageItems(ctx.db, admin(), {}, NOW)).find((i) => i.peerId === person(1));
    if (!item) throw new Error('the backstop did not store the message');
    // A first attempt VK took but whose answer was lost: the reply row stays "sending".
    await ctx.db.kysely
      .insertInto('inbox_message_replies')
      .values({
        message_id: item.commentId,
        idempotency_key: key('lost-key'),
        random_id: 0,
        text: 'x',
        status: 'sending',
        created_by: null,
        created_at: NOW,
      })
      .execute();
    sim.world.messages.outgoing(
      GROUP,
      `community-${GROUP}`,
      person(1),
      'Меню на сайте школы.',
      randomIdOf(key('lost-key')),
      NOW,
    );
    const retried = await replyToMessage(
      ctx.db,
      admin(),
      item.commentId,
      { text: 'Меню на сайте школы.', key: key('lost-key') },
      vk(),
      NOW + 5,
    );
    expect(retried.status).toBe('sent');
    expect(simConversation(person(1)).filter((m) => m.out === 1)).toHaveLength(1);
  });

  it("answers VK's 901 clearly when the person has not allowed messages, and sends nothing", async () => {
    sim.world.messages.incoming(GROUP, person(2), 'Здравствуйте', NOW);
    await syncPageMessages(ctx.db, { id: pageId, groupId: GROUP }, vk(), NOW);
    sim.world.messages.setAllowed(GROUP, person(2), false, NOW);
    const item = (await listMessageItems(ctx.db, admin(), {}, NOW)).find((i) => i.peerId === person(2));
    await expect(
      replyToMessage(
        ctx.db,
        admin(),
        item?.commentId ?? 0,
        { text: 'Добрый день', key: key('deny-key') },
        vk(),
        NOW,
      ),
    ).rejects.toThrow(/901.*not allowed messages/);
    expect(simConversation(person(2)).filter((m) => m.out === 1)).toHaveLength(0);
  });

  it('keeps messages to page admins and supervisors, logs each read, and treats other ids as not found', async () => {
    sim.world.messages.incoming(GROUP, person(3), 'Мой сын болеет, справка нужна?', NOW);
    await syncPageMessages(ctx.db, { id: pageId, groupId: GROUP }, vk(), NOW);
    const viewer = admin(['comments.read']);
    await expect(listMessageItems(ctx.db, viewer, {}, NOW)).rejects.toThrow(/personal data/);
    expect(
      (await listQueue(ctx.db, viewer, { kind: 'all' }, ALL, NOW)).items.every((i) => i.kind === 'comment'),
    ).toBe(true);
    const item = (await listMessageItems(ctx.db, admin(), {}, NOW)).find((i) => i.peerId === person(3));
    const id = item?.commentId ?? 0;
    await expect(conversationFor(ctx.db, viewer, id, NOW)).rejects.toThrow(/no message/);
    const other = { ...admin(), scope: { level: 'region' as const, regionCode: 'zz' } };
    await expect(setMessageState(ctx.db, other, id, { status: 'in_progress' }, NOW)).rejects.toThrow(
      /no message/,
    );
    const conversation = await conversationFor(ctx.db, admin(), id, NOW);
    expect(conversation.messages.map((m) => m.text)).toContain('Мой сын болеет, справка нужна?');
    const log = await ctx.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', 'like', 'inbox.%')
      .execute();
    expect(log.map((l) => [l.action, l.target_id]).sort()).toEqual([
      ['inbox.conversation.read', String(pageId)],
      ['inbox.messages.read', String(pageId)],
    ]);
    // Response-time metrics count messages and comments together, and apart by kind.
    const metrics = await inboxMetrics(ctx.db, admin(), {}, NOW);
    const waiting = await listMessageItems(ctx.db, admin(), {}, NOW);
    expect(metrics.byKind.messages.questions).toBe(waiting.length);
    expect(metrics.byKind.messages.waiting).toBe(waiting.filter((i) => i.status !== 'answered').length);
    expect(metrics.total.questions).toBe(
      metrics.byKind.comments.questions + metrics.byKind.messages.questions,
    );
    await setMessageState(
      ctx.db,
      admin(),
      id,
      { status: 'no_answer_needed', reason: 'ответили по телефону' },
      NOW,
    );
    expect((await listMessageItems(ctx.db, admin(), {}, NOW)).find((i) => i.commentId === id)?.status).toBe(
      'no_answer_needed',
    );
  });

  it('reads Bots Long Poll from the saved position and applies comment events in any order once', async () => {
    const target = { groupId: GROUP, token: `community-${GROUP}`, baseUrl: vkUrl };
    const post = sim.world.wall(GROUP).posts.find((p) => !p.comments_closed)?.id ?? 0;
    const seenBefore = sim.world.messages.events.get(GROUP)?.length ?? 0;
    let server = await openLongPoll(ctx.db, target);
    const { id: commentVk } = await simPost('/admin/comments', {
      groupId: GROUP,
      postId: post,
      fromId: person(0),
      text: 'Вопрос про кружки?',
    });
    await simPost('/admin/comments/edit', {
      groupId: GROUP,
      id: commentVk,
      text: 'Вопрос про кружки: когда запись?',
    });
    sim.world.messages.incoming(GROUP, person(4), 'Пишу через long poll', NOW);
    const step = await checkOnce(ctx.db, target, server, { waitSeconds: 0, now: () => NOW });
    server = step.server;
    expect(step.handled).toBeGreaterThanOrEqual(3);
    const stored = await ctx.db.kysely
      .selectFrom('comments')
      .select(['text', 'is_deleted'])
      .where('page_id', '=', pageId)
      .where('vk_id', '=', commentVk)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ text: 'Вопрос про кружки: когда запись?', is_deleted: 0 });
    // A stale key: the worker asks for a new server and goes on from its position.
    await simPost('/admin/expire-long-poll', { groupId: GROUP });
    server = (await checkOnce(ctx.db, target, server, { waitSeconds: 0, now: () => NOW })).server;
    await simPost('/admin/comments/delete', { groupId: GROUP, id: commentVk });
    const after = await checkOnce(ctx.db, target, server, { waitSeconds: 0, now: () => NOW });
    expect(after.handled).toBe(1);
    // The earlier events again, out of order: nothing changes; the deletion stays.
    const events = (sim.world.messages.events.get(GROUP) ?? []).slice(seenBefore);
    const before = await countEvents(ctx.db, GROUP);
    for (const e of [...events].reverse()) await handleVkEvent(ctx.db, parseVkEvent(e), 'callback', NOW);
    expect(await countEvents(ctx.db, GROUP)).toBe(before);
    const final = await ctx.db.kysely
      .selectFrom('comments')
      .select(['is_deleted'])
      .where('page_id', '=', pageId)
      .where('vk_id', '=', commentVk)
      .executeTakeFirstOrThrow();
    expect(final.is_deleted).toBe(1);
    expect((await listMessageItems(ctx.db, admin(), {}, NOW)).some((i) => i.peerId === person(4))).toBe(true);
  });

  it("applies the queue's filters to messages, checks a draft reply to one, and moves the change mark", async () => {
    const { changeMark } = await import('./messages.repo.ts');
    const { checkDraftReply } = await import('./reply-check.service.ts');
    const markBefore = await changeMark(ctx.db);
    sim.world.messages.incoming(GROUP, person(5), 'Когда откроется запись в кружки?', NOW);
    await syncPageMessages(ctx.db, { id: pageId, groupId: GROUP }, vk(), NOW);
    expect(await changeMark(ctx.db)).not.toBe(markBefore);
    const waiting = (f: object) =>
      listQueue(ctx.db, admin(), { kind: 'message', ...f }, ALL, NOW + 60).then((q) =>
        q.items.filter((i) => i.peerId === person(5)),
      );
    const [item] = await waiting({ unanswered: true });
    expect(item).toMatchObject({ status: 'new', externalId: GROUP });
    expect(await waiting({ assigneeId: userId })).toEqual([]);
    expect(await waiting({ overdue: true })).toEqual([]);

    const id = item?.commentId ?? 0;
    const draft = await checkDraftReply(ctx.db, admin(), id, 'Уточним и напишем вам.', NOW, 'message');
    expect(draft.issues.map((i) => i.criterion)).toContain('no_deadline');
    const fixed = await checkDraftReply(
      ctx.db,
      admin(),
      id,
      'Здравствуйте! Уточним расписание кружков и напишем вам до 10 декабря.',
      NOW,
      'message',
    );
    expect(fixed.issues).toEqual([]);
    await expect(checkDraftReply(ctx.db, admin(), id + 10_000, 'Текст', NOW, 'message')).rejects.toThrow(
      /no message/,
    );

    await setMessageState(ctx.db, admin(), id, { status: 'in_progress', assigneeId: userId }, NOW + 10);
    expect(await waiting({ assigneeId: userId })).toHaveLength(1);
    await replyToMessage(
      ctx.db,
      admin(),
      id,
      { text: 'Запись откроется 1 декабря.', key: key('filters') },
      vk(),
      NOW + 20,
    );
    expect(await waiting({ unanswered: true })).toEqual([]);
    expect((await waiting({ status: 'answered' })).map((i) => i.status)).toEqual(['answered']);
  });
});
