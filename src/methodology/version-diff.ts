// What changed between two methodology versions: rules added or removed, and per rule the fields that differ.
import type { MethodologyVersion } from './methodology.loader.ts';

export type VersionDiff = {
  added: string[];
  removed: string[];
  changed: { rule: string; field: string; from: unknown; to: unknown }[];
  categories: { id: string; from: number | null; to: number | null }[];
  levelsChanged: boolean;
  scoringChanged: boolean;
};

const COMPARED = ['category', 'weight', 'severity', 'effort', 'params', 'scoring', 'source'] as const;

export function diffVersions(a: MethodologyVersion, b: MethodologyVersion): VersionDiff {
  const ra = new Map(a.rules.map((r) => [r.id, r]));
  const rb = new Map(b.rules.map((r) => [r.id, r]));
  const changed: VersionDiff['changed'] = [];
  for (const [id, left] of ra) {
    const right = rb.get(id);
    if (!right) continue;
    for (const field of COMPARED) {
      if (JSON.stringify(left[field]) !== JSON.stringify(right[field]))
        changed.push({ rule: id, field, from: left[field], to: right[field] });
    }
  }
  const ca = new Map(a.categories.map((c) => [c.id, c.weight]));
  const cb = new Map(b.categories.map((c) => [c.id, c.weight]));
  const categories = [...new Set([...ca.keys(), ...cb.keys()])]
    .map((id) => ({ id, from: ca.get(id) ?? null, to: cb.get(id) ?? null }))
    .filter((c) => c.from !== c.to);
  return {
    added: [...rb.keys()].filter((id) => !ra.has(id)),
    removed: [...ra.keys()].filter((id) => !rb.has(id)),
    changed,
    categories,
    levelsChanged: JSON.stringify(a.levels) !== JSON.stringify(b.levels),
    scoringChanged: JSON.stringify(a.scoring) !== JSON.stringify(b.scoring),
  };
}
