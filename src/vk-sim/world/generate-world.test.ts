import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/db.ts';
import {
  isValidInn,
  isValidOgrn,
  parseVkUrl,
  readRegistryFile,
  regionCodes,
  validateRecord,
} from '../../registry/index.ts';
import { generateWorld } from './generate-world.ts';
import { wallOf, worldEnd } from './wall.ts';
import { readWorld, WORLD_FILES, writeWorld } from './world-files.ts';

const params = { institutions: 3000, regions: 6, seed: 11, asOf: '2026-11-29', days: 120 };
const DAY = 86_400;

/** A digest per file: comparing digests is exact and fast where a deep compare of buffers is slow. */
function filesOf(dir: string) {
  return Object.fromEntries(
    Object.values(WORLD_FILES).map((f) => [
      f,
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, f)))
        .digest('hex'),
    ]),
  );
}

describe('world generator', () => {
  const world = generateWorld(params);
  const walls = world.communities.map((c) => ({ c, wall: wallOf(c, world.meta) }));
  const end = worldEnd(world.meta);

  it('writes byte-identical files for the same seed, and different ones for another seed', () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    writeWorld(a, generateWorld(params));
    writeWorld(b, generateWorld(params));
    writeWorld(c, generateWorld({ ...params, seed: 12 }));
    expect(filesOf(a)).toEqual(filesOf(b));
    expect(filesOf(a)[WORLD_FILES.communities]).not.toEqual(filesOf(c)[WORLD_FILES.communities]);
    expect(readWorld(a).communities).toEqual(world.communities);
  });

  it('grows the same wall for the same community every time', () => {
    const community = world.communities[3];
    if (!community) throw new Error('no community');
    expect(wallOf(community, world.meta)).toEqual(wallOf(community, world.meta));
  });

  it('has exactly the asked number of institutions, in the asked number of real regions', () => {
    expect(world.institutions).toHaveLength(params.institutions);
    const regions = new Set(world.institutions.map((i) => i.region_code));
    expect(regions.size).toBe(params.regions);
    for (const code of regions) expect(regionCodes.has(code)).toBe(true);
  });

  it('gives every institution valid, unique INN and OGRN', () => {
    expect(world.institutions.every((i) => isValidInn(i.inn) && isValidOgrn(i.ogrn))).toBe(true);
    expect(new Set(world.institutions.map((i) => i.inn)).size).toBe(params.institutions);
    expect(new Set(world.institutions.map((i) => i.ogrn)).size).toBe(params.institutions);
  });

  it('mixes kinds: mostly schools and kindergartens, some colleges and additional education', () => {
    const share = (kind: string) =>
      world.institutions.filter((i) => i.kind === kind).length / params.institutions;
    expect(share('school')).toBeGreaterThan(0.38);
    expect(share('kindergarten')).toBeGreaterThan(0.33);
    expect(share('college')).toBeGreaterThan(0.03);
    expect(share('additional')).toBeGreaterThan(0.05);
  });

  it('gives about three in four institutions a VK page, most of them listed in the registry', () => {
    const pageShare = world.communities.length / params.institutions;
    expect(pageShare).toBeGreaterThan(0.7);
    expect(pageShare).toBeLessThan(0.85);
    const listed = world.communities.filter((c) => c.registry_url !== null);
    expect(listed.length / world.communities.length).toBeGreaterThan(0.88);
    for (const c of listed) expect(parseVkUrl(c.registry_url ?? '').ok).toBe(true);
  });

  it('has varied quality: silent, unmarked, closed and deleted pages next to flagships', () => {
    const n = world.communities.length;
    const silent = walls.filter(({ wall }) => !wall.posts.some((p) => p.date > end - 30 * DAY)).length / n;
    expect(silent).toBeGreaterThan(0.08);
    expect(silent).toBeLessThan(0.2);
    const unmarked = world.communities.filter((c) => !c.gov_mark).length / n;
    expect(unmarked).toBeGreaterThan(0.1);
    expect(unmarked).toBeLessThan(0.35);
    // VK's answer for some carries no state-mark field: unknown to a collector, between the marked and not.
    const unsent = world.communities.filter((c) => c.mark_unsent);
    expect(unsent.length / n).toBeGreaterThan(0.05);
    expect(unsent.length / n).toBeLessThan(0.2);
    expect(unsent.some((c) => c.gov_mark) && unsent.some((c) => !c.gov_mark)).toBe(true);
    expect(world.communities.some((c) => c.is_closed === 1)).toBe(true);
    expect(world.communities.some((c) => c.deactivated === 'deleted')).toBe(true);
    const frequent = walls.filter(
      ({ wall }) => wall.posts.filter((p) => p.date > end - 28 * DAY).length >= 20,
    );
    expect(frequent.length / n).toBeGreaterThan(0.03);
  });

  it('uses engagement tools on some pages only: polls, clips, videos and live broadcasts', () => {
    const n = walls.length;
    const using = (kind: 'poll' | 'clip' | 'video' | 'live') =>
      walls.filter(({ wall }) => wall.posts.some((p) => (p.attachments[kind] ?? 0) > 0)).length / n;
    for (const kind of ['poll', 'clip', 'video'] as const) {
      expect(using(kind)).toBeGreaterThan(0.15);
      expect(using(kind)).toBeLessThan(0.75);
    }
    expect(using('live')).toBeGreaterThan(0.05);
  });

  it('keeps walls within the period and consistent: ids in time order, comment counts, answers after questions', () => {
    const start = end - params.days * DAY;
    for (const { c, wall } of walls.slice(0, 300)) {
      const ids = [...wall.posts.map((p) => p.id), ...wall.comments.map((x) => x.id)];
      expect(new Set(ids).size).toBe(ids.length);
      for (let i = 1; i < wall.posts.length; i++) {
        const [prev, post] = [wall.posts[i - 1], wall.posts[i]];
        if (prev && post) expect(post.id).toBeGreaterThan(prev.id);
      }
      for (const post of wall.posts) {
        expect(post.date).toBeGreaterThanOrEqual(start);
        expect(post.date).toBeLessThan(end);
        const visible = wall.comments.filter((x) => x.post_id === post.id && !x.deleted).length;
        expect(post.comments).toBe(visible);
      }
      const byId = new Map(wall.comments.map((x) => [x.id, x]));
      for (const reply of wall.comments.filter((x) => x.reply_to_comment !== null)) {
        expect(reply.from_id).toBe(-c.id);
        const question = byId.get(reply.reply_to_comment ?? 0);
        expect(question?.post_id).toBe(reply.post_id);
        expect(reply.date).toBeGreaterThan(question?.date ?? Number.POSITIVE_INFINITY);
      }
    }
  });

  it('leaves some questions unanswered and flags some comments for the safety checks', () => {
    let questions = 0;
    let unansweredCount = 0;
    for (const { wall } of walls) {
      const answered = new Set(wall.comments.map((x) => x.reply_to_comment));
      for (const q of wall.comments.filter((x) => x.text.includes('?'))) {
        questions++;
        if (!answered.has(q.id)) unansweredCount++;
      }
    }
    const comments = walls.flatMap(({ wall }) => wall.comments);
    const unanswered = unansweredCount / questions;
    expect(unanswered).toBeGreaterThan(0.15);
    expect(unanswered).toBeLessThan(0.7);
    expect(comments.some((x) => /бл\*дь|х\*рня|xyйня/.test(x.text))).toBe(true);
    const posts = walls.flatMap(({ wall }) => wall.posts);
    expect(posts.some((p) => /\d{1,2}[АБВ] класса/.test(p.text))).toBe(true);
  });

  it('writes a registry CSV, over all 89 regions, whose every row the importer accepts', async () => {
    const dir = tempDir();
    const national = generateWorld({ ...params, institutions: 2500, regions: 89 });
    writeWorld(dir, national);
    const file = await readRegistryFile(path.join(dir, WORLD_FILES.registry));
    expect(file.records).toHaveLength(2500);
    const problems = file.records.flatMap((r) => {
      const result = validateRecord(r, file.columnCount);
      return result.ok ? [] : result.problems;
    });
    expect(problems).toEqual([]);
  });
});
