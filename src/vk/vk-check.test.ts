import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/db.ts';
import { buildVkSim, generateWorld, readWorld, type VkSim, wallOf, writeWorld } from '../vk-sim/index.ts';
import { checkVkTokens } from './vk-check.ts';

const world = generateWorld({ institutions: 30, regions: 1, seed: 3, asOf: '2026-11-29', days: 30 });
const page = world.communities.find(
  (c) => !c.deactivated && c.is_closed === 0 && wallOf(c, world.meta).posts.length > 0,
);
let sim: VkSim;
let baseUrl: string;

beforeAll(async () => {
  if (!page) throw new Error('no readable page in the world');
  const dir = tempDir();
  writeWorld(dir, world);
  sim = await buildVkSim({
    world: readWorld(dir),
    tokens: [
      { token: 'reader-user', kind: 'user', perSecond: 100 },
      { token: 'app-service', kind: 'service', perSecond: 100 },
      { token: 'page-community', kind: 'community', groupId: page.id },
      { token: 'revoked-user', kind: 'user', perSecond: 100, revoked: true },
    ],
  });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sim.app.close());

describe('publica vk check', () => {
  it("calls each read method once per token against the simulator, naming VK's refusals with their errors", async () => {
    const id = page?.id ?? 0;
    const { rows, tokens } = await checkVkTokens(
      baseUrl,
      [
        { label: 'reader', kind: 'user', token: 'reader-user' },
        { label: 'app', kind: 'service', token: 'app-service' },
        { label: 'page', kind: 'community', token: 'page-community', scopes: ['wall', 'manage'] },
        { label: 'old', kind: 'user', token: 'revoked-user' },
      ],
      id,
    );
    const table = Object.fromEntries(rows.map((r) => [`${r.label} ${r.method}`, r.code ?? r.result]));
    expect(table).toEqual({
      'reader wall.get': 'ok',
      'reader execute': 'ok',
      'reader groups.getAddresses': 'ok',
      'reader groups.getLongPollServer': 'ok',
      'reader messages.getConversations': 'ok',
      'reader messages.getHistory': 'skipped',
      'reader groups.getById': 'ok',
      'reader utils.resolveScreenName': 'ok',
      'reader wall.getById': 'ok',
      'reader wall.getComments': 'ok',
      'app wall.get': 'ok',
      'app execute': 28,
      'app groups.getAddresses': 'ok',
      'app groups.getLongPollServer': 28,
      'app messages.getConversations': 28,
      'app messages.getHistory': 'skipped',
      'app groups.getById': 'ok',
      'app utils.resolveScreenName': 'ok',
      'app wall.getById': 'ok',
      'app wall.getComments': 'ok',
      'page wall.get': 27,
      'page execute': 'ok',
      'page groups.getAddresses': 27,
      'page groups.getLongPollServer': 'ok',
      'page messages.getConversations': 'ok',
      'page messages.getHistory': 'skipped',
      'page groups.getById': 'ok',
      'page utils.resolveScreenName': 'ok',
      'page wall.getById': 27,
      'page wall.getComments': 'skipped',
      'old wall.get': 5,
      'old execute': 'skipped',
      'old groups.getAddresses': 'skipped',
      'old groups.getLongPollServer': 'skipped',
      'old messages.getConversations': 'skipped',
      'old messages.getHistory': 'skipped',
      'old groups.getById': 'skipped',
      'old utils.resolveScreenName': 'skipped',
      'old wall.getById': 'skipped',
      'old wall.getComments': 'skipped',
    });
    expect(rows.find((r) => r.label === 'page' && r.method === 'wall.get')).toMatchObject({
      result: 'not-allowed',
      detail: expect.stringMatching(/Group authorization failed.*as the method table expects/),
    });
    // Read-only: nothing was posted on the page's wall.
    expect(sim.world.wall(id).posts.length).toBe(wallOf(page as never, world.meta).posts.length);
    expect(tokens.find((t) => t.label === 'page')).toEqual({
      label: 'page',
      kind: 'community',
      scopes: ['wall', 'manage'],
      features: [
        'community profiles',
        'text posts',
        'comment replies',
        'community messages',
        'new comments and messages in seconds (Bots Long Poll)',
      ],
    });
    expect(tokens.find((t) => t.label === 'reader')?.features).toContain('polls');
    expect(tokens.find((t) => t.label === 'app')?.features).toEqual([
      'collecting walls and comments',
      'community profiles',
      'addresses and opening hours',
    ]);
  });
});
