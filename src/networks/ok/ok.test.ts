// OK end to end over HTTP: the client against the simulated OK (signature, errors, limits), collection of the
// demo world's groups to exactly its data, and publishing a topic with text, photos and a poll.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOkSim, type OkSim, smallNetWorld } from '../../net-sim/index.ts';
import { parseOkUrl } from '../../registry/index.ts';
import { OkClient } from './ok-client.ts';
import { collectOkGroup } from './ok-collect.ts';
import { classifyOk, OkApiError } from './ok-errors.ts';
import { publishOkTopic } from './ok-publish.ts';
import { okSessionSecret, okSignature } from './ok-sig.ts';

const APP = { key: 'CBAPUBLICAKEY', secret: 'SECRET0123456789' };
const world = smallNetWorld(40, 11);
const since = Math.floor(world.asOfMs / 1000) - 60 * 86_400 - 60;

/** A virtual clock shared by the client's pace and the simulator's limits: no real waiting. */
function virtualClock(start = world.asOfMs) {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

let sim: OkSim;
let baseUrl: string;
const clock = virtualClock();

beforeAll(async () => {
  sim = await buildOkSim({
    world,
    app: APP,
    now: clock.now,
    tokens: [
      { token: 'reader', perSecond: 5 },
      { token: 'admin', perSecond: 5, canPublish: true },
      { token: 'small-budget', perDay: 3 },
    ],
  });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sim.app.close());
// Each test starts a second later on the shared virtual clock: the token has rested since the last burst.
beforeEach(async () => {
  await clock.sleep(1000);
});

const client = (token: string, extra: Partial<ConstructorParameters<typeof OkClient>[1]> = {}) =>
  new OkClient(
    { applicationKey: APP.key, applicationSecretKey: APP.secret, accessToken: token },
    { baseUrl, perSecond: 5, ...clock, ...extra },
  );

describe('OK signature', () => {
  it('matches the published worked example (session secret and sig)', () => {
    const token = '-s-84W-s3egarWUsbkq-IWTucuedzTKT8VUXIA.s4Xx8IW7';
    const secret = 'ABC123DEF456GHI789JKL123';
    expect(okSessionSecret(token, secret)).toBe('b1a2b89707a94624c43afae67d59274c');
    expect(
      okSignature(
        { application_key: 'ABCDEFGHIGKLMNOPK', format: 'json', method: 'events.get' },
        token,
        secret,
      ),
    ).toBe('232c8eb921951c4dba9b72606f9ddb4c');
  });

  it('the simulator refuses a wrongly signed request with PARAM_SIGNATURE (104)', async () => {
    const params = client('reader').signedParams('group.getInfo', {
      uids: world.ok[0]?.uid ?? '',
      fields: 'name',
    });
    const tampered = { ...params, uids: '1' };
    const res = await fetch(`${baseUrl}/fb.do`, { method: 'POST', body: new URLSearchParams(tampered) });
    expect(await res.json()).toMatchObject({ error_code: 104 });
    const unsigned = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'sig'));
    const res2 = await fetch(`${baseUrl}/fb.do?${new URLSearchParams(unsigned)}`);
    expect(await res2.json()).toMatchObject({ error_code: 104 });
  });

  it('the client signs every call it sends: a wrong secret is the only way to a 104', async () => {
    const wrong = new OkClient(
      { applicationKey: APP.key, applicationSecretKey: 'nope', accessToken: 'reader' },
      { baseUrl, ...clock },
    );
    const error = await wrong
      .call('group.getInfo', { uids: '1', fields: 'name' })
      .catch((e: OkApiError) => e);
    expect(error).toBeInstanceOf(OkApiError);
    expect((error as OkApiError).code).toBe(104);
    await expect(client('reader').call('group.getInfo', { uids: '1', fields: 'name' })).resolves.toEqual([]);
  });

  it('refuses a method outside the table before sending, and the server answers METHOD (3) for one', async () => {
    await expect(client('reader').call('friends.get')).rejects.toThrow(/not in Publica's OK method table/);
    const params = client('reader').signedParams('friends.get', {});
    const res = await fetch(`${baseUrl}/fb.do`, { method: 'POST', body: new URLSearchParams(params) });
    expect(await res.json()).toMatchObject({ error_code: 3 });
  });
});

describe('OK collection', () => {
  it('collects every registered group to exactly the world’s data', async () => {
    const c = client('reader');
    const registered = world.ok.filter((g) => g.registry_url);
    expect(registered.length).toBeGreaterThan(15);
    for (const g of registered) {
      const parsed = parseOkUrl(g.registry_url as string);
      if (!parsed.ok) throw new Error(`${g.registry_url}: ${parsed.reason}`);
      const got = await collectOkGroup(c, parsed.ref, since);
      if (!got.ok) throw new Error(got.error);
      expect(got.page.externalId).toBe(g.uid);
      expect(got.page.facts.isClosed).toBe(g.access_type === 'CLOSED');
      expect(got.page.facts.hasAvatar).toBe(g.has_avatar);
      expect(got.page.facts.sources.hasAvatar).toMatch(/^ok:group\.getInfo\./);
      expect(got.posts.map((p) => p.id).sort()).toEqual(g.topics.map((t) => t.id).sort());
      expect(got.comments.length).toBe(g.topics.reduce((s, t) => s + t.comments.length, 0));
      const photos = got.posts.reduce((s, p) => s + (p.counts.photo ?? 0), 0);
      expect(photos).toBe(g.topics.reduce((s, t) => s + t.photos, 0));
    }
  });

  it('keeps to the token’s pace: no FLOOD_BLOCKED at 5 calls a second, and one when a client runs faster', async () => {
    const g = world.ok.find((x) => x.topics.length > 0 && x.access_type === 'OPEN');
    if (!g) throw new Error('the world has no open group with topics');
    const ref = {
      network: 'ok' as const,
      url: `https://ok.ru/group/${g.uid}`,
      externalId: g.uid,
      screenName: null,
    };
    const c = client('reader');
    for (let i = 0; i < 3; i++) expect(await collectOkGroup(c, ref, since)).toMatchObject({ ok: true });
    const fast = client('reader', { perSecond: 1000 });
    const calls = Array.from({ length: 12 }, () =>
      fast.call('group.getInfo', { uids: g.uid, fields: 'name' }).catch((e) => e),
    );
    const errors = (await Promise.all(calls)).filter((r) => r instanceof OkApiError);
    expect(errors.map((e) => e.code)).toContain(8);
    expect(classifyOk(errors[0])).toBe('retry');
  });

  it('reports a spent daily budget as quota (LIMIT_REACHED, 11)', async () => {
    const g = world.ok.find((x) => x.topics.length > 2 && x.access_type === 'OPEN');
    if (!g) throw new Error('the world has no open group with topics');
    const ref = {
      network: 'ok' as const,
      url: `https://ok.ru/group/${g.uid}`,
      externalId: g.uid,
      screenName: null,
    };
    const got = await collectOkGroup(client('small-budget'), ref, since);
    expect(got).toMatchObject({ ok: false, errorClass: 'quota' });
  });
});

describe('OK publishing', () => {
  it('publishes a topic with text, two photos and a poll, which the next collection reads', async () => {
    const g = world.ok.find((x) => x.access_type === 'OPEN');
    if (!g) throw new Error('no open group');
    const c = client('admin');
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    const id = await publishOkTopic(c, g.uid, {
      text: 'День открытых дверей в субботу',
      photos: [
        { name: 'a.jpg', bytes },
        { name: 'b.jpg', bytes },
      ],
      poll: { question: 'Придёте?', answers: ['Да', 'Нет'] },
    });
    expect(sim.published.at(-1)).toMatchObject({
      id,
      photos: 2,
      poll: true,
      text: 'День открытых дверей в субботу',
    });
    const ref = {
      network: 'ok' as const,
      url: `https://ok.ru/group/${g.uid}`,
      externalId: g.uid,
      screenName: null,
    };
    const got = await collectOkGroup(c, ref, since);
    if (!got.ok) throw new Error(got.error);
    expect(got.posts.find((p) => p.id === id)).toMatchObject({
      counts: { photo: 2, poll: 1 },
      kinds: ['text', 'photo', 'poll'],
    });
  });

  it('a token without GROUP_CONTENT is refused (PERMISSION_DENIED, 10)', async () => {
    const g = world.ok[0];
    if (!g) throw new Error('no group');
    const error = await publishOkTopic(client('reader'), g.uid, { text: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(OkApiError);
    expect(error.code).toBe(10);
  });
});
