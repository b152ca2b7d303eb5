import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/api.ts';
import { tempDir } from '../../../test/db.ts';
import { validatorFor } from '../../../test/vk-schema.ts';
import { generateWorld } from '../world/generate-world.ts';
import { wallOf } from '../world/wall.ts';
import type { WorldCommunity } from '../world/world.types.ts';
import { readWorld, writeWorld } from '../world/world-files.ts';
import { buildVkSim, type VkSim } from './vk-sim.server.ts';

const world = generateWorld({ institutions: 120, regions: 2, seed: 4, asOf: '2026-11-29', days: 60 });
const open = world.communities.filter(
  (c) =>
    !c.deactivated && c.is_closed === 0 && wallOf(c, world.meta).comments.some((x) => x.reply_to_comment),
);
const busy = open[0] as WorldCommunity;
const closed = world.communities.find((c) => c.is_closed === 1);
const deleted = world.communities.find((c) => c.deactivated);

let sim: VkSim;
let clock = 1_800_000_000_000;

beforeAll(async () => {
  const dir = tempDir();
  writeWorld(dir, world);
  sim = await buildVkSim({
    world: readWorld(dir),
    tokens: [
      { token: 'user', kind: 'user', perSecond: 1000 },
      { token: 'slow-user', kind: 'user', perSecond: 3 },
      { token: 'quota-user', kind: 'user', perSecond: 1000, dailyQuota: { 'wall.get': 2 } },
      { token: 'community', kind: 'community', groupId: busy.id },
      { token: 'service', kind: 'service', perSecond: 1000 },
    ],
    now: () => clock,
  });
});
afterAll(() => sim.app.close());

async function vk(
  method: string,
  params: Record<string, string | number>,
  token = 'user',
  via: 'GET' | 'POST' = 'GET',
) {
  const all = {
    v: '5.199',
    access_token: token,
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  };
  const query = new URLSearchParams(all).toString();
  const res =
    via === 'GET'
      ? await sim.app.inject({ method: 'GET', url: `/method/${method}?${query}` })
      : await sim.app.inject({
          method: 'POST',
          url: `/method/${method}`,
          payload: query,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
  // VK responses are checked against VK's schema in these tests, not typed here.
  return res.json() as {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    response?: any;
    error?: { error_code: number; error_msg: string; request_params: { key: string }[] };
    // biome-ignore lint/suspicious/noExplicitAny: see above
    execute_errors?: any[];
  };
}

function expectValid(section: string, definition: string, body: unknown) {
  const validate = validatorFor(section, 'responses', definition);
  const ok = validate(body);
  expect(validate.errors ?? [], `${definition} against the VK schema`).toEqual([]);
  expect(ok).toBe(true);
}

describe("simulated VK methods, checked against VK's official schema", () => {
  it('groups.getById returns up to 500 communities with the fields asked for (5.199 shape)', async () => {
    const fields =
      'description,site,activity,members_count,verified,wall,cover,contacts,addresses,has_photo,is_government_organization';
    const ids = world.communities.slice(0, 5).map((c) => c.id);
    const body = await vk('groups.getById', { group_ids: ids.join(','), fields });
    expectValid('groups', 'groups_getById_object_response', body);
    expect(body.response.groups.map((g: { id: number }) => g.id)).toEqual(ids);
    expect(body.response.groups[0]).toHaveProperty('members_count');
    // Like real answers, some carry no state-mark field at all: the mark is unknown, not "no".
    const unsent = world.communities.find((c) => c.mark_unsent) as WorldCommunity;
    const sent = world.communities.find((c) => !c.mark_unsent && !c.deactivated) as WorldCommunity;
    const pair = await vk('groups.getById', { group_ids: `${unsent.id},${sent.id}`, fields });
    expect(pair.response.groups[0]).not.toHaveProperty('is_government_organization');
    expect(pair.response.groups[1].is_government_organization).toBe(sent.gov_mark);
    const deletedGroup = (await vk('groups.getById', { group_ids: deleted?.id ?? 0 })).response.groups[0];
    expect(deletedGroup.deactivated).toBe(deleted?.deactivated);
    expect(
      (await vk('groups.getById', { group_ids: Array(501).fill(busy.id).join(',') })).error?.error_code,
    ).toBe(100);
  });

  it('utils.resolveScreenName finds communities by screen name, and nothing for unknown ones', async () => {
    const named = world.communities.find((c) => c.screen_name) as WorldCommunity;
    const body = await vk('utils.resolveScreenName', { screen_name: named.screen_name ?? '' });
    expectValid('utils', 'utils_resolveScreenName_response', body);
    expect(body.response).toEqual({ type: named.type === 'page' ? 'page' : 'group', object_id: named.id });
    expect((await vk('utils.resolveScreenName', { screen_name: 'no_such_school_here' })).response).toEqual(
      [],
    );
  });

  it('wall.get pages through the wall newest first, at most 100, with attachments of each kind', async () => {
    const wall = wallOf(busy, world.meta);
    const body = await vk('wall.get', { owner_id: -busy.id, count: 100 });
    expectValid('wall', 'wall_get_response', body);
    expect(body.response.count).toBe(wall.posts.length);
    expect(body.response.items.length).toBe(Math.min(100, wall.posts.length));
    const dates = body.response.items
      .filter((p: { is_pinned?: number }) => !p.is_pinned)
      .map((p: { date: number }) => p.date);
    expect(dates).toEqual([...dates].sort((a: number, b: number) => b - a));
    const extended = await vk('wall.get', {
      domain: busy.screen_name ?? `club${busy.id}`,
      count: 5,
      offset: 2,
      extended: 1,
    });
    expectValid('wall', 'wall_get_extended_response', extended);
    expect(extended.response.groups[0].id).toBe(busy.id);
    expect(
      (await vk('wall.get', { owner_id: -busy.id, count: 1000 })).response.items.length,
    ).toBeLessThanOrEqual(100);
  });

  it('wall.getById and wall.getComments (threads) conform to the schema', async () => {
    const wall = wallOf(busy, world.meta);
    const answered = wall.comments.find((x) => x.reply_to_comment) as (typeof wall.comments)[number];
    const byId = await vk('wall.getById', { posts: `-${busy.id}_${answered.post_id}` });
    expectValid('wall', 'wall_getById_response', byId);
    expect(byId.response.items[0].id).toBe(answered.post_id);
    const comments = await vk('wall.getComments', {
      owner_id: -busy.id,
      post_id: answered.post_id,
      count: 100,
      thread_items_count: 10,
    });
    expectValid('wall', 'wall_getComments_response', comments);
    const question = comments.response.items.find((c: { id: number }) => c.id === answered.reply_to_comment);
    expect(question.thread.items.map((r: { id: number }) => r.id)).toContain(answered.id);
    const thread = await vk('wall.getComments', {
      owner_id: -busy.id,
      post_id: answered.post_id,
      comment_id: answered.reply_to_comment ?? 0,
    });
    expect(thread.response.items.map((r: { id: number }) => r.id)).toContain(answered.id);
  });

  it('publishing: polls.create, wall.post with the poll, wall.createComment; the results show up in reads', async () => {
    const poll = await vk(
      'polls.create',
      { owner_id: -busy.id, question: 'Когда собрание?', add_answers: '["Вторник","Четверг"]' },
      'user',
      'POST',
    );
    expectValid('polls', 'polls_create_response', poll);
    const post = await vk(
      'wall.post',
      {
        owner_id: -busy.id,
        from_group: 1,
        message: 'Опрос для родителей',
        attachments: `poll-${busy.id}_${poll.response.id}`,
      },
      'community',
      'POST',
    );
    expectValid('wall', 'wall_post_response', post);
    const comment = await vk(
      'wall.createComment',
      { owner_id: -busy.id, post_id: post.response.post_id, message: 'Голосуйте!' },
      'community',
      'POST',
    );
    expectValid('wall', 'wall_createComment_response', comment);
    const top = await vk('wall.get', { owner_id: -busy.id, count: 100 });
    const published = top.response.items.find((p: { id: number }) => p.id === post.response.post_id);
    expect(published.attachments.map((a: { type: string }) => a.type)).toEqual(['poll']);
    expect(published.comments.count).toBe(1);
    expect(
      (await vk('wall.post', { owner_id: -(busy.id + 1), message: 'x' }, 'community')).error?.error_code,
    ).toBe(15);
  });

  it('the upload flows and wall.post conform to the schema, and a repeated guid is the same post', async () => {
    const upload = async (url: string, field: string) => {
      const res = await sim.app.inject({
        method: 'POST',
        url: new URL(url).pathname,
        ...multipart('file.bin', 'file-bytes', 'application/octet-stream', field),
      });
      return res.json();
    };
    const server = await vk('photos.getWallUploadServer', { group_id: busy.id });
    expectValid('photos', 'photos_getWallUploadServer_response', server);
    const sent = await upload(server.response.upload_url, 'photo');
    const saved = await vk('photos.saveWallPhoto', { group_id: busy.id, ...sent });
    expectValid('photos', 'photos_saveWallPhoto_response', saved);
    const video = await vk('video.save', { group_id: busy.id, name: 'Концерт', wallpost: 0 });
    expectValid('video', 'video_save_response', video);
    const unsent = await vk('wall.post', {
      owner_id: -busy.id,
      attachments: `video${video.response.owner_id}_${video.response.video_id}`,
    });
    expect(unsent.error?.error_code).toBe(100);
    expect((await upload(video.response.upload_url, 'video_file')).video_id).toBe(video.response.video_id);
    const live = await vk('video.startStreaming', { group_id: busy.id, name: 'Эфир' });
    expectValid('video', 'video_startStreaming_response', live);
    const photo = saved.response[0];
    const attachments = [
      `photo${photo.owner_id}_${photo.id}`,
      `video${video.response.owner_id}_${video.response.video_id}`,
      `video${live.response.owner_id}_${live.response.video_id}`,
    ].join(',');
    const post = await vk('wall.post', { owner_id: -busy.id, message: 'Пост', attachments, guid: 'g-1' });
    expectValid('wall', 'wall_post_response', post);
    const again = await vk('wall.post', { owner_id: -busy.id, message: 'Пост', attachments, guid: 'g-1' });
    expect(again.response.post_id).toBe(post.response.post_id);
    const made = sim.world.wall(busy.id).posts.find((p) => p.id === post.response.post_id);
    expect(made?.attachments).toEqual({ photo: 1, video: 1, live: 1 });
  });
});

describe('simulated VK rules', () => {
  it("refuse a community's 51st wall.post within a day with VK's error 214, and admit it again a day later", async () => {
    const other = open[1] as WorldCommunity;
    for (let i = 0; i < 50; i++)
      expect(
        (await vk('wall.post', { owner_id: -other.id, message: `Пост ${i}` })).response?.post_id,
      ).toEqual(expect.any(Number));
    const refused = await vk('wall.post', { owner_id: -other.id, message: 'Лишний' });
    expect(refused.error).toMatchObject({
      error_code: 214,
      error_msg: 'Access to adding post denied: you can only add 50 posts a day',
    });
    // Another community's wall has its own limit.
    expect((await vk('wall.post', { owner_id: -busy.id, message: 'Свой' })).response?.post_id).toBeDefined();
    clock += 86_401_000;
    expect(
      (await vk('wall.post', { owner_id: -other.id, message: 'Завтра' })).response?.post_id,
    ).toBeDefined();
  });

  it('hold a wall.post with publish_date off the wall until its time, then publish it by itself', async () => {
    const other = open[2] as WorldCommunity;
    const now = Math.floor(clock / 1000);
    const later = await vk('wall.post', {
      owner_id: -other.id,
      message: 'Через час',
      publish_date: now + 3600,
    });
    const id = later.response?.post_id as number;
    const onWall = async () =>
      (await vk('wall.get', { owner_id: -other.id, count: 100 })).response.items.some(
        (p: { id: number }) => p.id === id,
      );
    expect(await onWall()).toBe(false);
    expect(sim.world.postponed(other.id).map((p) => p.id)).toEqual([id]);
    clock += 3_600_000;
    expect(await onWall()).toBe(true);
    expect(sim.world.postponed(other.id)).toEqual([]);
    expect(
      (await vk('wall.post', { owner_id: -other.id, message: 'Вчера', publish_date: now - 60 })).error
        ?.error_code,
    ).toBe(100);
  });

  it("answer errors in VK's envelope, without the token among the parameters", async () => {
    const body = await vk('wall.get', { owner_id: -busy.id }, 'nope');
    expect(body.error).toMatchObject({ error_code: 5 });
    expect(body.error?.request_params.map((p) => p.key)).not.toContain('access_token');
    expect(
      (await sim.app.inject({ method: 'GET', url: '/method/wall.get?access_token=user' })).json().error
        .error_code,
    ).toBe(8);
    expect((await vk('no.such', {})).error?.error_code).toBe(3);
  });

  it('keep token kinds to their rights: a community token cannot read walls, a service token cannot execute', async () => {
    expect((await vk('wall.get', { owner_id: -busy.id }, 'community')).error?.error_code).toBe(27);
    expect(
      (await vk('wall.getComments', { owner_id: -busy.id, post_id: 1 }, 'community')).error?.error_code,
    ).toBe(27);
    expect((await vk('execute', { code: 'return 1;' }, 'service')).error?.error_code).toBe(28);
    expect((await vk('groups.getById', { group_ids: busy.id }, 'service')).response.groups).toHaveLength(1);
  });

  it('limit requests per second per token (error 6) and calls per day per method (error 29)', async () => {
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push((await vk('groups.getById', { group_ids: busy.id }, 'slow-user')).error?.error_code ?? 0);
    expect(codes).toEqual([0, 0, 0, 6, 6]);
    clock += 1000;
    expect((await vk('groups.getById', { group_ids: busy.id }, 'slow-user')).error).toBeUndefined();
    expect((await vk('wall.get', { owner_id: -busy.id }, 'quota-user')).error).toBeUndefined();
    expect((await vk('wall.get', { owner_id: -busy.id }, 'quota-user')).error).toBeUndefined();
    expect((await vk('wall.get', { owner_id: -busy.id }, 'quota-user')).error?.error_code).toBe(29);
    clock += 86_400_000;
    expect((await vk('wall.get', { owner_id: -busy.id }, 'quota-user')).error).toBeUndefined();
  });

  it('refuse closed and deleted walls with errors 15 and 18', async () => {
    if (closed) expect((await vk('wall.get', { owner_id: -closed.id })).error?.error_code).toBe(15);
    if (deleted) expect((await vk('wall.get', { owner_id: -deleted.id })).error?.error_code).toBe(18);
    expect(closed ?? deleted).toBeDefined();
  });

  it('execute runs up to 25 calls, giving false and execute_errors for failed ones', async () => {
    const calls = [
      `API.wall.get({"owner_id": -${busy.id}, "count": 2})`,
      `API.groups.getById({group_ids: ${busy.id}})`,
      'API.wall.get({"owner_id": -1})',
    ];
    const body = await vk('execute', { code: `return [${calls.join(', ')}];` }, 'user', 'POST');
    expect(body.response).toHaveLength(3);
    expect(body.response[0].items).toHaveLength(2);
    expect(body.response[1].groups[0].id).toBe(busy.id);
    expect(body.response[2]).toBe(false);
    expect(body.execute_errors).toEqual([
      { method: 'wall.get', error_code: 15, error_msg: expect.any(String) },
    ]);
    const tooMany = `return [${Array(26).fill(`API.groups.getById({group_ids: ${busy.id}})`).join(',')}];`;
    expect((await vk('execute', { code: tooMany })).error?.error_code).toBe(13);
    expect((await vk('execute', { code: 'while(true){}' })).error?.error_code).toBe(12);
  });

  it('inject faults on demand: 5xx, truncated JSON and random VK errors, reproducibly', async () => {
    await sim.app.inject({ method: 'POST', url: '/admin/faults', payload: { http5xx: 1 } });
    const down = await sim.app.inject({
      method: 'GET',
      url: `/method/groups.getById?v=5.199&access_token=user&group_ids=${busy.id}`,
    });
    expect(down.statusCode).toBeGreaterThanOrEqual(500);
    await sim.app.inject({ method: 'POST', url: '/admin/faults', payload: { truncated: 1 } });
    const cut = await sim.app.inject({
      method: 'GET',
      url: `/method/groups.getById?v=5.199&access_token=user&group_ids=${busy.id}`,
    });
    expect(() => JSON.parse(cut.body)).toThrow();
    await sim.app.inject({ method: 'POST', url: '/admin/faults', payload: { errors: { '9': 1 } } });
    expect((await vk('groups.getById', { group_ids: busy.id })).error?.error_code).toBe(9);
    await sim.app.inject({
      method: 'POST',
      url: '/admin/faults',
      payload: { errors: { '10': 0.5 }, seed: 3 },
    });
    const run = async () => {
      const out = [];
      for (let i = 0; i < 10; i++)
        out.push((await vk('groups.getById', { group_ids: busy.id })).error?.error_code ?? 0);
      return out;
    };
    const first = await run();
    await sim.app.inject({
      method: 'POST',
      url: '/admin/faults',
      payload: { errors: { '10': 0.5 }, seed: 3 },
    });
    expect(await run()).toEqual(first);
    expect(first.filter((c) => c === 10).length).toBeGreaterThan(0);
    await sim.app.inject({ method: 'POST', url: '/admin/faults', payload: {} });
  });

  it('revoke a token and delete a community mid-run through the admin endpoint', async () => {
    await sim.app.inject({ method: 'POST', url: '/admin/revoke', payload: { token: 'service' } });
    expect((await vk('groups.getById', { group_ids: busy.id }, 'service')).error?.error_code).toBe(5);
    const victim = open[1] as WorldCommunity;
    await sim.app.inject({ method: 'POST', url: '/admin/deactivate', payload: { id: victim.id } });
    expect((await vk('wall.get', { owner_id: -victim.id })).error?.error_code).toBe(18);
  });

  it('serves real HTTP on loopback', async () => {
    const address = await sim.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/method/groups.getById`, {
      method: 'POST',
      body: new URLSearchParams({ v: '5.199', access_token: 'user', group_ids: String(busy.id) }),
    });
    expect(((await res.json()) as { response: { groups: { id: number }[] } }).response.groups[0]?.id).toBe(
      busy.id,
    );
  });
});
