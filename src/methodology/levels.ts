// A version's levels as readers see them: from the best down (the version's `levelOrder`, else the order they
// are tried in), each with its title and colour. Pure; the API, reports and open data all take levels from here.
import type { VersionData } from './version.schema.ts';

export type ShownLevel = { id: string; title: { ru: string; en: string }; color: string };

/** For a version that gives no colour: a neutral grey, readable under white text. */
export const NO_COLOR = '#5a5f66';

export function shownLevels(version: Pick<VersionData, 'levels' | 'levelOrder'>): ShownLevel[] {
  const order = version.levelOrder ?? version.levels.map((l) => l.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...version.levels]
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map((l) => ({ id: l.id, title: l.title, color: l.color ?? NO_COLOR }));
}
