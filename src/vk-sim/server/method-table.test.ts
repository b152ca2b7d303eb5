// The method table against VK's schema and the simulator: every method with every token kind. Allowed → the
// answer matches VK's schema and the row's parser takes it; not allowed → VK's exact error. A method the code
// calls, or the simulator serves, without a row fails here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/api.ts';
import { tempDir } from '../../../test/db.ts';
import { SCHEMA_DIR, validatorFor } from '../../../test/vk-schema.ts';
import { METHOD_TABLE, TOKEN_KINDS, type TokenKind } from '../../vk/index.ts';
import { generateWorld } from '../world/generate-world.ts';
import { wallOf } from '../world/wall.ts';
import type { WorldCommunity } from '../world/world.types.ts';
import { readWorld, writeWorld } from '../world/world-files.ts';
import { methods as simMethods } from './methods.ts';
import { buildVkSim, type VkSim } from './vk-sim.server.ts';

const world = generateWorld({ institutions: 40, regions: 1, seed: 9, asOf: '2026-11-29', days: 30 });
const page = world.communities.find(
  (c) => !c.deactivated && c.is_closed === 0 && c.address && wallOf(c, world.meta).comments.length > 0,
) as WorldCommunity;

let sim: VkSim;
const TOKENS: Record<TokenKind | 'vkid', string> = {
  user: 'table-user',
  community: 'table-community',
  service: 'table-service',
  vkid: 'vk2.a.table-vkid',
};

beforeAll(async () => {
  const dir = tempDir();
  writeWorld(dir, world);
  sim = await buildVkSim({
    world: readWorld(dir),
    tokens: [
      { token: TOKENS.user, kind: 'user', perSecond: 1000 },
      { token: TOKENS.community, kind: 'community', groupId: page.id, perSecond: 1000 },
      { token: TOKENS.service, kind: 'service', perSecond: 1000 },
      { token: TOKENS.vkid, kind: 'user', perSecond: 1000 },
    ],
  });
});
afterAll(() => sim.app.close());

type Body = { response?: unknown; error?: { error_code: number }; execute_errors?: unknown[] };

async function vk(method: string, params: Record<string, string | number>, token: string): Promise<Body> {
  const payload = new URLSearchParams({
    v: '5.199',
    access_token: token,
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  }).toString();
  const res = await sim.app.inject({
    method: 'POST',
    url: `/method/${method}`,
    payload,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return res.json() as Body;
}

/** Valid parameters for each method, made with the user token where a step before is needed. */
const CALLS: Record<string, () => Promise<Record<string, string | number>>> = {
  'groups.getById': async () => ({ group_ids: String(page.id), fields: 'description,wall,verified' }),
  'groups.getAddresses': async () => ({ group_id: page.id }),
  'utils.resolveScreenName': async () => ({ screen_name: page.screen_name ?? `club${page.id}` }),
  'wall.get': async () => ({ owner_id: -page.id, count: 5 }),
  'wall.getById': async () => ({ posts: `-${page.id}_${wallOf(page, world.meta).posts[0]?.id}` }),
  'wall.getComments': async () => ({
    owner_id: -page.id,
    post_id: wallOf(page, world.meta).comments[0]?.post_id ?? 0,
    count: 10,
  }),
  'wall.post': async () => ({ owner_id: -page.id, from_group: 1, message: 'Проверка таблицы методов' }),
  'wall.createComment': async () => {
    const postId = wallOf(page, world.meta).posts.find((p) => !p.comments_closed)?.id ?? 0;
    return { owner_id: -page.id, post_id: postId, message: 'Спасибо за вопрос' };
  },
  'photos.getWallUploadServer': async () => ({ group_id: page.id }),
  'photos.saveWallPhoto': async () => {
    const server = (await vk('photos.getWallUploadServer', { group_id: page.id }, TOKENS.user)).response as {
      upload_url: string;
    };
    const form = multipart('a.jpg', Buffer.from('jpeg'), 'image/jpeg', 'photo');
    const sent = (
      await sim.app.inject({ method: 'POST', url: new URL(server.upload_url).pathname, ...form })
    ).json() as { server: number; photo: string; hash: string };
    return { group_id: page.id, server: sent.server, photo: sent.photo, hash: sent.hash };
  },
  'video.save': async () => ({ group_id: page.id, name: 'Видео', wallpost: 0 }),
  'shortVideo.create': async () => ({ group_id: page.id, file_size: 1024 }),
  'video.startStreaming': async () => ({ group_id: page.id, name: 'Эфир', wallpost: 0 }),
  'polls.create': async () => ({ owner_id: -page.id, question: 'Да?', add_answers: '["Да","Нет"]' }),
  'messages.getConversations': async () => {
    sim.world.messages.incoming(page.id, 7001, 'Здравствуйте, когда собрание?', 1_780_000_000);
    return { group_id: page.id, count: 20 };
  },
  'messages.getHistory': async () => {
    sim.world.messages.incoming(page.id, 7002, 'Добрый день', 1_780_000_000);
    return { group_id: page.id, peer_id: 7002, count: 20 };
  },
  'messages.send': async () => {
    sim.world.messages.incoming(page.id, 7003, 'Вопрос о питании', 1_780_000_000);
    return { group_id: page.id, peer_id: 7003, random_id: 42, message: 'Ответим до пятницы' };
  },
  'groups.getLongPollServer': async () => ({ group_id: page.id }),
  execute: async () => ({ code: `return [API.groups.getById({group_ids: "${page.id}"})];` }),
};

/** VK's error for a token kind the method does not allow. */
const REFUSAL: Record<TokenKind, number> = { community: 27, service: 28, user: 15 };

/** Methods Publica's source calls by name (the pool, execute batches, the port's rows). */
function methodsCalledInSource(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'vk-sim') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(
          /(?:\.call\(|\.many\(|method: |name: |vkRequest\([^,]+, )'([a-z]+\.[a-zA-Z]+|execute)'/g,
        ))
          found.add(m[1] as string);
      }
    }
  };
  walk(path.resolve(import.meta.dirname, '../..'));
  return found;
}

describe('the VK method table', () => {
  it('has a row for every method the code calls and the simulator serves, and nothing else is served', () => {
    const rows = [...METHOD_TABLE.keys()].sort();
    expect(Object.keys(simMethods).sort()).toEqual(rows.filter((m) => m !== 'execute'));
    const called = methodsCalledInSource();
    expect(called.size).toBeGreaterThan(5);
    for (const m of called) expect(rows, `${m} is called but has no row`).toContain(m);
    expect(Object.keys(CALLS).sort()).toEqual(rows);
  });

  it("keeps the schema's access_token_type for every method the schema has", () => {
    const schema = new Map<string, string[]>();
    for (const section of fs.readdirSync(SCHEMA_DIR)) {
      const file = path.join(SCHEMA_DIR, section, 'methods.json');
      if (!fs.existsSync(file)) continue;
      for (const m of JSON.parse(fs.readFileSync(file, 'utf8')).methods as {
        name: string;
        access_token_type: string[];
      }[])
        schema.set(m.name, m.access_token_type);
    }
    for (const row of METHOD_TABLE.values()) {
      const published = schema.get(row.name)?.map((k) => (k === 'group' ? 'community' : k));
      expect(row.schemaKinds === null ? undefined : [...row.schemaKinds].sort(), row.name).toEqual(
        published?.sort(),
      );
      // Where Publica departs from the schema it says why, from public reports.
      if (JSON.stringify(row.tokenKinds) !== JSON.stringify(row.schemaKinds)) {
        expect(row.tokenKindsFrom, row.name).toBe('reports');
        expect(row.note, row.name).toBeTruthy();
      }
    }
  });

  it('is an unknown method (3) on the simulator when it has no row, as a typo is on VK', async () => {
    expect((await vk('wall.search', { owner_id: -page.id }, TOKENS.user)).error?.error_code).toBe(3);
    expect((await vk('stats.get', { group_id: page.id }, TOKENS.user)).error?.error_code).toBe(3);
  });

  for (const row of METHOD_TABLE.values())
    for (const kind of TOKEN_KINDS)
      it(`${row.name} with a ${kind} token: ${row.tokenKinds.includes(kind) ? 'answers per the schema' : `VK's error ${REFUSAL[kind]}`}`, async () => {
        const params = await (CALLS[row.name] as () => Promise<Record<string, string | number>>)();
        const body = await vk(row.name, params, TOKENS[kind]);
        if (!row.tokenKinds.includes(kind)) {
          expect(body.error?.error_code).toBe(REFUSAL[kind]);
          return;
        }
        expect(body.error, JSON.stringify(body.error)).toBeUndefined();
        if (row.schemaResponse) {
          const [section, definition] = row.schemaResponse;
          const validate = validatorFor(section, 'responses', definition);
          validate({ response: body.response });
          expect(validate.errors ?? [], `${row.name} against ${definition}`).toEqual([]);
        }
        expect(() => row.parse(body.response)).not.toThrow();
      });

  it('refuses a VK ID token (vk2.a.…) on writes with 1051 and lets it read (modelled from public reports)', async () => {
    for (const row of METHOD_TABLE.values()) {
      if (!row.tokenKinds.includes('user')) continue;
      const body = await vk(
        row.name,
        await (CALLS[row.name] as () => Promise<Record<string, string>>)(),
        TOKENS.vkid,
      );
      if (row.readOnly) expect(body.error, row.name).toBeUndefined();
      else expect(body.error?.error_code, row.name).toBe(1051);
    }
  });
});
