// The page's name matches the registry's full or short name, after normalising quotes, "№", case and the
// standard abbreviations [S]. Similarity is the Dice coefficient of character bigrams.
import { z } from 'zod';
import { round } from './helpers.ts';
import { defineRule } from './rule.ts';

// Long forms → the abbreviations registries and pages use, so "МБОУ СОШ № 5" equals the spelled-out name.
const ABBREVIATIONS: [RegExp, string][] = [
  [/муниципальное бюджетное общеобразовательное учреждение/g, 'мбоу'],
  [/муниципальное автономное общеобразовательное учреждение/g, 'маоу'],
  [/государственное бюджетное общеобразовательное учреждение/g, 'гбоу'],
  [/муниципальное бюджетное дошкольное образовательное учреждение/g, 'мбдоу'],
  [/муниципальное автономное дошкольное образовательное учреждение/g, 'мадоу'],
  [/государственное бюджетное профессиональное образовательное учреждение/g, 'гбпоу'],
  [/муниципальное бюджетное учреждение дополнительного образования/g, 'мбу до'],
  [/муниципальное автономное учреждение дополнительного образования/g, 'мау до'],
  [/средняя общеобразовательная школа/g, 'сош'],
  [/основная общеобразовательная школа/g, 'оош'],
  [/средняя школа/g, 'сош'],
  [/детский сад/g, 'дс'],
  [/д\/с/g, 'дс'],
  [/\bгород(а)?\b|\bг\./g, ' '],
];

export function normaliseName(name: string): string {
  let s = name.toLowerCase().replace(/ё/g, 'е');
  s = s.replace(/[«»"'“”„]/g, ' ').replace(/№/g, ' ');
  for (const [pattern, short] of ABBREVIATIONS) s = s.replace(pattern, short);
  return s
    .replace(/[^\p{L}\d/]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const t = s.replace(/\s+/g, '');
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const x = bigrams(normaliseName(a));
  const y = bigrams(normaliseName(b));
  let overlap = 0;
  let total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) overlap += Math.min(n, y.get(g) ?? 0);
  return total === 0 ? 0 : (2 * overlap) / total;
}

export default defineRule({
  id: 'official-name',
  requires: ['profile', 'institution'],
  value: { min: 0, max: 1, threshold: 'minSimilarity' },
  vars: { pass: ['name', 'registryName'], fail: ['name', 'registryName'] },
  params: z.object({ minSimilarity: z.number().min(0).max(1) }),
  evaluate(a, params) {
    if (!a.profile || !a.institution) return { status: 'na', value: null, evidence: [] };
    const names = [a.institution.fullName, a.institution.shortName].filter((n): n is string => !!n);
    const best = Math.max(...names.map((n) => similarity(a.profile?.name ?? '', n)));
    return {
      status: best >= params.minSimilarity ? 'pass' : 'fail',
      value: round(best),
      evidence: [
        { type: 'field', name: 'page_name', value: a.profile.name },
        { type: 'field', name: 'registry_name', value: a.institution.shortName ?? a.institution.fullName },
      ],
      vars: { name: a.profile.name, registryName: a.institution.shortName ?? a.institution.fullName },
    };
  },
});
