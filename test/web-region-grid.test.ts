// The regions' cartogram places every one of the 89 regions of the registry exactly once, one per cell, each with
// a short Russian label, and keeps the broad geography (west before east, north before south).
import { expect, it } from 'vitest';
import { regionSeeds } from '../src/registry/regions.data.ts';
import { REGION_GRID } from '../web/src/features/units/region-grid.ts';

it('places each region of the registry once, in a cell of its own, with a Russian label', () => {
  expect(REGION_GRID.map((c) => c.iso).sort()).toEqual(regionSeeds.map((r) => r.iso_code).sort());
  expect(new Set(REGION_GRID.map((c) => `${c.col},${c.row}`)).size).toBe(REGION_GRID.length);
  for (const c of REGION_GRID) expect(c.short, c.iso).toMatch(/^[А-ЯЁ][А-ЯЁа-яё]{1,5}$/);
});

it('keeps the geography: Kaliningrad west of Moscow, Moscow west of Chukotka, Murmansk north of Dagestan', () => {
  const at = (iso: string) => REGION_GRID.find((c) => c.iso === iso) ?? { col: Number.NaN, row: Number.NaN };
  expect(at('RU-KGD').col).toBeLessThan(at('RU-MOW').col);
  expect(at('RU-MOW').col).toBeLessThan(at('RU-CHU').col);
  expect(at('RU-MUR').row).toBeLessThan(at('RU-DA').row);
  expect(at('RU-SEV').row).toBeGreaterThan(at('RU-CR').row);
});
