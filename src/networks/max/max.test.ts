// MAX end to end over HTTP: a bot added as an admin of the institutions' channels finds them by their public
// links, reads each channel's profile and posts to exactly the world's data, keeps to its rate, and publishes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildMaxSim, type MaxSim, smallNetWorld } from '../../net-sim/index.ts';
import { parseMaxUrl } from '../../registry/index.ts';
import { classifyMax, MaxApiError, MaxClient } from './max-client.ts';
import { botChannels, collectMaxChannel, publishMaxPost } from './max-collect.ts';

const world = smallNetWorld(60, 5);
const since = Math.floor(world.asOfMs / 1000) - 60 * 86_400 - 60;
const adminOf = world.max.slice(0, -2).map((c) => c.chat_id);

let sim: MaxSim;
let baseUrl: string;
let t = world.asOfMs;
const clock = {
  now: () => t,
  sleep: async (ms: number) => {
    t += ms;
  },
};

beforeAll(async () => {
  sim = await buildMaxSim({
    world,
    now: clock.now,
    bots: [
      { token: 'bot-token', userId: 1, channels: adminOf, perSecond: 30 },
      { token: 'other-bot', userId: 2, channels: [], perSecond: 30 },
    ],
  });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sim.app.close());
// Each test starts a second later on the shared virtual clock: the token has rested since the last burst.
beforeEach(() => {
  t += 1000;
});

describe('MAX Bot API', () => {
  it('takes the token only in the Authorization header', async () => {
    expect((await fetch(`${baseUrl}/me`, { headers: { Authorization: 'bot-token' } })).status).toBe(200);
    const inQuery = await fetch(`${baseUrl}/me?access_token=bot-token`);
    expect(inQuery.status).toBe(401);
    const error = await new MaxClient('wrong', { baseUrl, ...clock })
      .request('GET', '/me')
      .catch((e: MaxApiError) => e);
    expect(error).toBeInstanceOf(MaxApiError);
    expect(classifyMax(error)).toBe('auth');
  });

  it('collects every registered channel the bot administers to exactly the world’s data', async () => {
    const client = new MaxClient('bot-token', { baseUrl, ...clock });
    const chats = await botChannels(client);
    expect(chats.size).toBe(adminOf.length);
    const registered = world.max.filter((c) => c.registry_url);
    expect(registered.length).toBeGreaterThan(5);
    for (const c of registered) {
      const parsed = parseMaxUrl(c.registry_url as string);
      if (!parsed.ok) throw new Error(`${c.registry_url}: ${parsed.reason}`);
      const chatId = chats.get(parsed.ref.url.replace('https://', ''));
      const got = await collectMaxChannel(client, parsed.ref, chatId, since);
      if (!adminOf.includes(c.chat_id)) {
        expect(got).toMatchObject({ ok: false, errorClass: 'bot_not_admin' });
        continue;
      }
      if (!got.ok) throw new Error(got.error);
      expect(got.page).toMatchObject({
        externalId: String(c.chat_id),
        name: c.title,
        members: c.participants_count,
      });
      expect(got.page.facts.hasAvatar).toBe(c.has_icon);
      expect(got.posts.map((p) => p.id).sort()).toEqual(c.messages.map((m) => m.mid).sort());
      expect(got.posts.reduce((s, p) => s + (p.counts.photo ?? 0), 0)).toBe(
        c.messages.reduce((s, m) => s + m.images, 0),
      );
    }
  });

  it('a bot that is not in a channel gets 404 for it', async () => {
    const c = world.max[0];
    if (!c) throw new Error('no channel');
    const error = await new MaxClient('other-bot', { baseUrl, ...clock })
      .request('GET', `/chats/${c.chat_id}`)
      .catch((e: MaxApiError) => e);
    expect(error).toMatchObject({ status: 404 });
    expect(classifyMax(error)).toBe('inaccessible');
  });

  it('keeps to 30 requests a second; a client running faster gets 429', async () => {
    const paced = new MaxClient('bot-token', { baseUrl, ...clock });
    for (let i = 0; i < 40; i++) await paced.request('GET', '/me');
    const fast = new MaxClient('bot-token', { baseUrl, perSecond: 10_000, ...clock });
    const results = await Promise.all(
      Array.from({ length: 40 }, () => fast.request('GET', '/me').catch((e: MaxApiError) => e)),
    );
    const refused = results.filter((r) => r instanceof MaxApiError);
    expect(refused.length).toBeGreaterThan(0);
    expect(classifyMax(refused[0])).toBe('quota');
  });

  it('publishes a post to the channel, read back by the next collection; over 4,000 characters is refused before sending', async () => {
    const c = world.max.find((x) => adminOf.includes(x.chat_id));
    if (!c) throw new Error('no channel');
    const client = new MaxClient('bot-token', { baseUrl, ...clock });
    const mid = await publishMaxPost(client, c.chat_id, 'Объявление для родителей');
    expect(sim.published.at(-1)?.message.mid).toBe(mid);
    const ref = { network: 'max' as const, url: c.link, externalId: null, screenName: null };
    const got = await collectMaxChannel(client, ref, c.chat_id, since);
    if (!got.ok) throw new Error(got.error);
    expect(got.posts[0]).toMatchObject({ id: mid, text: 'Объявление для родителей' });
    const before = client.calls;
    await expect(publishMaxPost(client, c.chat_id, 'я'.repeat(4001))).rejects.toThrow(/4,000/);
    expect(client.calls).toBe(before);
  });

  it('subscribes a webhook (HTTPS only)', async () => {
    const client = new MaxClient('bot-token', { baseUrl, ...clock });
    await expect(client.request('POST', '/subscriptions', {}, { url: 'http://x' })).rejects.toMatchObject({
      status: 400,
    });
    await client.request('POST', '/subscriptions', {}, { url: 'https://publica.example/max/hook' });
    expect(await client.request('GET', '/subscriptions')).toEqual({
      subscriptions: [{ url: 'https://publica.example/max/hook', time: 0 }],
    });
  });
});
