import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { tempDir } from '../../test/db.ts';
import { loadVersion, METHODOLOGY_ROOT, MethodologyError, type Problem } from './methodology.loader.ts';

type RuleData = { id: string; scoring?: unknown; params: Record<string, unknown>; recommendation: object };

/** 2023.1 in a temp tree with one rule changed. */
function withRule(id: string, edit: (rule: RuleData) => void): string {
  const root = tempDir();
  fs.cpSync(METHODOLOGY_ROOT, root, { recursive: true });
  const file = path.join(root, '2023.1', 'version.yaml');
  const data = YAML.parse(fs.readFileSync(file, 'utf8')) as { rules: RuleData[] };
  const rule = data.rules.find((r) => r.id === id);
  if (!rule) throw new Error(id);
  edit(rule);
  fs.writeFileSync(file, YAML.stringify(data));
  return root;
}

function problems(root: string): Problem[] {
  try {
    loadVersion('2023.1', root);
  } catch (error) {
    if (error instanceof MethodologyError) return error.problems;
    throw error;
  }
  return [];
}

describe('methodology lint', () => {
  it('refuses a curve on which no reachable value passes (discussion before its re-calibration)', () => {
    const root = withRule('discussion', (r) => {
      r.scoring = { type: 'log-normal', p10: 0.03, median: 0.2 };
    });
    expect(problems(root)).toEqual([
      expect.objectContaining({
        rule: 'discussion',
        field: 'scoring',
        message: expect.stringMatching(/cannot pass/),
      }),
    ]);
  });

  it('refuses the ER curve that needed an ER of 21 % to pass', () => {
    const root = withRule('er-views', (r) => {
      r.scoring = { type: 'log-normal', p10: 0.012, median: 0.05 };
    });
    expect(problems(root)[0]).toMatchObject({
      rule: 'er-views',
      message: expect.stringMatching(/cannot pass/),
    });
  });

  it('refuses a numeric rule whose scoring was removed', () => {
    const root = withRule('reach', (r) => {
      delete r.scoring;
    });
    expect(problems(root)[0]).toMatchObject({ rule: 'reach', field: 'scoring' });
  });

  it('refuses a threshold no reachable value can fail or pass', () => {
    const root = withRule('posting-frequency', (r) => {
      r.params = { perWeek: 50 };
    });
    expect(problems(root)[0]).toMatchObject({ rule: 'posting-frequency', field: 'params.perWeek' });
  });

  it('refuses a placeholder a status does not fill, an unknown parameter and wrong plural forms', () => {
    const root = withRule('website', (r) => {
      r.recommendation = {
        ru: 'Укажите сайт {registrySite} ({param.nope}) {x|один}',
        en: 'Link {registrySite}',
      };
    });
    const messages = problems(root).map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /recommendation.ru: \{registrySite\} is not filled when the rule's status is fail/,
        ),
        expect.stringMatching(/\{param.nope\}: no such parameter/),
        expect.stringMatching(/\{x\|один\}: ru needs 3 word forms/),
      ]),
    );
  });
});
