// A small demo world of OK groups and MAX channels for tests: institutions made up by number.
import { generateNetWorld, type NetWorld, type NetWorldInstitution } from './net-world.ts';

export function smallInstitutions(n: number): NetWorldInstitution[] {
  return Array.from({ length: n }, (_, i) => ({
    inn: String(7700000000 + i * 13),
    short_name: `Школа № ${i + 1}`,
    region_code: i % 2 ? '77' : '69',
  }));
}

export function smallNetWorld(n = 40, seed = 7): NetWorld {
  return generateNetWorld(smallInstitutions(n), { seed, asOf: '2026-11-29', days: 60 });
}
