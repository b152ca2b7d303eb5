import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { tempDir } from '../../test/db.ts';
import {
  listVersionIds,
  loadVersion,
  METHODOLOGY_ROOT,
  MethodologyError,
  type Problem,
} from './methodology.loader.ts';
import { rules } from './rules/index.ts';
import { diffVersions } from './version-diff.ts';

// Every criterion of ../shared/METHODOLOGY.md, version 2023.1.
const CRITERIA = [
  'state-mark',
  'open-page',
  'official-name',
  'avatar',
  'cover',
  'description',
  'contacts',
  'website',
  'opening-hours',
  'topic',
  'pinned-post',
  'feedback-widgets',
  'gospubliki-connected',
  'site-backlink',
  'posting-frequency',
  'longest-silence',
  'last-post',
  'own-content',
  'polls',
  'clips',
  'video',
  'live',
  'visuals',
  'rubrics',
  'er-views',
  'reach',
  'discussion',
  'comments-open',
  'answer-rate',
  'answer-time',
  'no-ads',
  'no-obscenity',
  'children-data',
  'two-factor',
  'plain-language',
];

/** A copy of 2023.1 in a temp tree, with the version file changed by `edit`. */
function brokenCopy(edit: (data: Record<string, unknown>) => void): string {
  const root = tempDir();
  fs.cpSync(METHODOLOGY_ROOT, root, { recursive: true });
  const file = path.join(root, '2023.1', 'version.yaml');
  const data = YAML.parse(fs.readFileSync(file, 'utf8'));
  edit(data);
  fs.writeFileSync(file, YAML.stringify(data));
  return root;
}

function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof MethodologyError) return error.problems;
    throw error;
  }
  throw new Error('expected a MethodologyError');
}

describe('shipped versions', () => {
  it('load without problems', () => {
    expect(listVersionIds()).toEqual(expect.arrayContaining(['2023.1', 'svetofor']));
    for (const id of listVersionIds()) expect(loadVersion(id).rules.length).toBeGreaterThan(0);
  });

  it('2023.1 has every criterion of the methodology, over 7 categories, each with ru/en texts and a source', () => {
    const v = loadVersion('2023.1');
    expect(v.rules.map((r) => r.id).sort()).toEqual([...CRITERIA].sort());
    expect(new Set(v.rules.map((r) => r.category)).size).toBe(7);
    for (const r of v.rules) {
      expect(r.recommendation.ru.length).toBeGreaterThan(10);
      expect(r.recommendation.en.length).toBeGreaterThan(10);
      for (const s of r.source) expect(v.sources[s]?.url).toMatch(/^https?:\/\//);
    }
    expect(v.text.ru).toContain('{#identity}');
    expect(v.text.en).toContain('{#dialogue}');
  });

  it('every rule the engine knows has an implementation used by 2023.1', () => {
    expect([...rules.keys()].sort()).toEqual([...CRITERIA].sort());
  });

  it('the traffic light uses the same checks with other weights', () => {
    const diff = diffVersions(loadVersion('2023.1'), loadVersion('svetofor'));
    expect(diff.added).toEqual([]);
    expect(diff.removed.length).toBe(27);
    expect(diff.changed).toContainEqual(
      expect.objectContaining({ rule: 'posting-frequency', field: 'params' }),
    );
    expect(diff.scoringChanged).toBe(true);
  });

  it('have a stable content hash that changes with the content', () => {
    expect(loadVersion('2023.1').hash).toBe(loadVersion('2023.1').hash);
    const root = brokenCopy((d) => {
      (d as { title: { ru: string } }).title.ru = 'Другое название';
    });
    expect(loadVersion('2023.1', root).hash).not.toBe(loadVersion('2023.1').hash);
  });
});

describe('a broken version file', () => {
  const rulesOf = (d: Record<string, unknown>) => d.rules as Record<string, unknown>[];

  it('names the file, the rule and the field of a wrong parameter', () => {
    const root = brokenCopy((d) => {
      (rulesOf(d)[14] as { params: object }).params = { perWeek: 'three' };
    });
    expect(problemsOf(() => loadVersion('2023.1', root))).toEqual([
      expect.objectContaining({
        file: path.join(root, '2023.1', 'version.yaml'),
        rule: 'posting-frequency',
        field: 'params.perWeek',
      }),
    ]);
  });

  it('names a missing text, an unknown category, a rule with no implementation and an unknown source', () => {
    const root = brokenCopy((d) => {
      const r = rulesOf(d);
      delete (r[0] as { title?: unknown }).title;
      (r[1] as { category: string }).category = 'nowhere';
      (r[2] as { id: string }).id = 'made-up-rule';
      (r[3] as { source: string[] }).source = ['Z'];
    });
    const problems = problemsOf(() => loadVersion('2023.1', root));
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'state-mark', field: 'title' }));
    const cross = problemsOf(() =>
      loadVersion(
        '2023.1',
        brokenCopy((d) => {
          const r = rulesOf(d);
          (r[1] as { category: string }).category = 'nowhere';
          (r[2] as { id: string }).id = 'made-up-rule';
          (r[3] as { source: string[] }).source = ['Z'];
        }),
      ),
    );
    expect(cross).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'open-page', field: 'category' }),
        expect.objectContaining({ rule: 'made-up-rule', field: 'id' }),
        expect.objectContaining({ rule: 'avatar', field: 'source' }),
      ]),
    );
  });

  it('names the line of a YAML syntax error', () => {
    const root = tempDir();
    fs.cpSync(METHODOLOGY_ROOT, root, { recursive: true });
    fs.appendFileSync(path.join(root, '2023.1', 'version.yaml'), '\nrules: [ unclosed\n');
    expect(problemsOf(() => loadVersion('2023.1', root))[0]?.field).toMatch(/^line \d+$/);
  });

  it('refuses levels that refer to unknown rules', () => {
    const root = brokenCopy((d) => {
      (d.levels as { when: unknown[] }[])[2]?.when.push({ rule: 'no-such-rule', status: ['pass'] });
    });
    expect(problemsOf(() => loadVersion('2023.1', root))).toContainEqual(
      expect.objectContaining({ field: 'levels.2.when', message: 'unknown rule "no-such-rule"' }),
    );
  });
});
