// The VK response parsers against damaged answers: real sample responses (shared/vk-api-samples) and simulator
// answers with fields removed or given values of the wrong type, chosen by fast-check. A parser either returns
// items or refuses with a clear error that names the item and field — never a TypeError from deep inside.
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../test/shared.ts';
import { AppError } from '../platform/errors.ts';
import { commentObject, generateWorld, groupObject, postObject, wallOf } from '../vk-sim/index.ts';
import { parseComments, parseGroups, parsePosts, parseResponseText } from './vk-parse.ts';

const sample = (name: string) =>
  parseResponseText(fs.readFileSync(sharedPath('vk-api-samples', name), 'utf8'), name) as unknown;

const world = generateWorld({ institutions: 30, regions: 1, seed: 8, asOf: '2026-11-29', days: 20 });
const community = world.communities.find((c) => !c.deactivated && c.is_closed === 0);
if (!community) throw new Error('no readable community in the test world');
const wall = wallOf(community, world.meta);

const wrongValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);

/** A copy of `value` with one field somewhere inside removed or replaced, chosen by the path index. */
function damage(value: unknown, pick: number, replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(value);
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node))
      for (const [i, v] of node.entries()) {
        slots.push({ parent: node, key: i });
        walk(v);
      }
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        slots.push({ parent: node as Record<string, unknown>, key: k });
        walk(v);
      }
  };
  walk(copy);
  const slot = slots[pick % Math.max(1, slots.length)];
  if (!slot) return replacement;
  if (remove && !Array.isArray(slot.parent))
    delete (slot.parent as Record<string, unknown>)[slot.key as string];
  else (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
  return copy;
}

const cases = [
  {
    name: 'wall.get (simulator)',
    response: {
      count: wall.posts.length,
      items: wall.posts.slice(0, 5).map((p) => postObject(p, community.id, true)),
    },
    parse: parsePosts,
  },
  {
    name: 'groups.getById (simulator)',
    response: {
      groups: [groupObject(community, new Set(['description', 'site', 'contacts', 'addresses', 'cover']))],
    },
    parse: parseGroups,
  },
  {
    name: 'fave.getPosts sample',
    response: sample('fave.getPosts/post-with-video-attachment.json'),
    parse: parsePosts,
  },
  {
    name: 'groups.getById sample',
    response: sample('groups.getById/legacy-array_ban-info.json'),
    parse: parseGroups,
  },
  {
    name: 'wall.getComments (simulator)',
    response: {
      count: 3,
      items: wall.comments
        .filter((c) => !c.deleted)
        .slice(0, 3)
        .map((c) => commentObject(c, community.id)),
    },
    parse: parseComments,
  },
] as const;

describe('VK parsers on damaged responses', () => {
  for (const c of cases)
    it(`${c.name}: parses or refuses with the item and field named`, () => {
      expect(() => (c.parse as (r: unknown, s: string) => unknown[])(c.response, c.name)).not.toThrow();
      let refused = 0;
      fc.assert(
        fc.property(fc.nat(), wrongValue, fc.boolean(), (pick, value, remove) => {
          const damaged = damage(c.response, pick, value, remove);
          try {
            const items = (c.parse as (r: unknown, s: string) => unknown[])(damaged, c.name);
            return Array.isArray(items);
          } catch (error) {
            refused++;
            return (
              error instanceof AppError &&
              error.code === 'INVALID_INPUT_FILE' &&
              error.message.startsWith(`${c.name}: `) &&
              /(items|groups|response)(\[\d+\])?/.test(error.message)
            );
          }
        }),
        { numRuns: 300, seed: 29_11_2026 },
      );
      // The damage is real: some of it must be refused.
      expect(refused).toBeGreaterThan(0);
    });
});
