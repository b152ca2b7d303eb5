import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { loadWorld } from '../collect/index.ts';
import { listVersionIds } from '../methodology/index.ts';
import { loadConfig } from '../platform/config.ts';
import { generateWorld, writeWorld } from '../vk-sim/index.ts';
import type { CliContext } from './context.ts';
import { registerMethodology } from './methodology.command.ts';

describeEachDialect(
  'publica methodology fork|edit|preview|publish',
  (ctx) => {
    const id = `cli-5pw-${ctx.dialect}`;
    beforeAll(async () => {
      const dir = tempDir();
      writeWorld(dir, generateWorld({ institutions: 12, regions: 2, seed: 7, asOf: '2026-11-29', days: 40 }));
      await loadWorld(ctx.db, dir);
    }, 120_000);

    async function publica(...args: string[]) {
      const out: string[] = [];
      const err: string[] = [];
      const context: CliContext = {
        config: loadConfig({}),
        lang: 'en',
        db: async () => ctx.db,
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        progress: () => ({ update() {}, stop() {} }),
        close: async () => {},
      };
      const program = new Command('publica').exitOverride();
      registerMethodology(program, () => context);
      let error: unknown;
      await program.parseAsync(['node', 'publica', 'methodology', ...args]).catch((e: unknown) => {
        error = e;
      });
      return { out, err, error };
    }

    it('forks, refuses a change lint finds wrong (naming rule and field), saves 5 posts a week, previews, publishes, diffs', async () => {
      expect((await publica('fork', '2023.1', id)).out).toEqual([`forked 2023.1 → ${id} (draft, 35 rules)`]);
      const bad = await publica('edit', id, '--set', 'posting-frequency.params.perWeek=-2');
      expect(bad.error).toBeDefined();
      expect(bad.err.join('\n')).toMatch(
        new RegExp(`workshop:${id}: rule posting-frequency: params.perWeek`),
      );
      const patch = path.join(tempDir(), 'patch.json');
      fs.writeFileSync(
        patch,
        JSON.stringify({ rules: { 'posting-frequency': { scoring: { type: 'ratio', target: 5 } } } }),
      );
      const good = await publica('edit', id, '--set', 'posting-frequency.params.perWeek=5', '--patch', patch);
      expect(good.error).toBeUndefined();
      expect(good.out[0]).toMatch(new RegExp(`^ok ${id} \\(draft`));
      const preview = await publica('preview', id, '--period', '2026-10-31..2026-11-29', '--json');
      const p = JSON.parse(preview.out[0] ?? '{}');
      expect(p).toMatchObject({ before: '2023.1', after: id });
      const pages = await ctx.db.kysely.selectFrom('pages').select('id').execute();
      expect(p.pages).toBe(pages.length);
      const rule = p.rules.find((r: { rule: string }) => r.rule === 'posting-frequency');
      expect(rule.passAfter).toBeLessThanOrEqual(rule.passBefore);
      const diff = await publica('diff', '2023.1', id, '--json');
      expect(JSON.parse(diff.out[0] ?? '{}').changed).toContainEqual({
        rule: 'posting-frequency',
        field: 'params',
        from: { perWeek: 3 },
        to: { perWeek: 5 },
      });
      const published = await publica('publish', id);
      expect(published.out[0]).toMatch(new RegExp(`^published ${id} `));
      expect(listVersionIds()).toContain(id);
      const again = await publica('edit', id, '--set', 'posting-frequency.weight=1');
      expect(String(again.error)).toContain('does not change');
    });
  },
  { shared: true },
);
