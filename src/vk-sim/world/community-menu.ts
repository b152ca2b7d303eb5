// The demo world's community menus, with the feedback platform's (ПОС) widgets and the OGRN they carry.
import type { WorldCommunity, WorldInstitution } from './world.types.ts';

/**
 * The community menu (`fields=menu`, undocumented; the shape modelled on public reports: items with a title and a
 * url). Marked pages mostly carry the feedback platform's (ПОС) widgets on the Gosuslugi domain with their
 * institution's OGRN; a few carry another OGRN (a widget copied from a neighbour). Derived from the page's id,
 * not the world's random stream, so the rest of the world stays as it was.
 */
export function communityMenu(c: WorldCommunity, institution: WorldInstitution): WorldCommunity['menu'] {
  if (c.deactivated || c.id % 4 === 0) return undefined;
  if (!c.gov_mark) return { items: [{ id: 1, title: 'Сайт', url: c.site ?? `https://vk.com/club${c.id}` }] };
  const wrong = c.id % 23 === 0;
  const ogrn = wrong
    ? `${institution.ogrn.slice(0, 7)}${String((Number(institution.ogrn.slice(7)) + 7) % 1e6).padStart(6, '0')}`
    : institution.ogrn;
  return {
    items: [
      {
        id: 1,
        title: 'Сообщить о проблеме',
        url: `https://pos.gosuslugi.ru/form/?opaId=${c.id}&ogrn=${ogrn}`,
      },
      { id: 2, title: 'Опросы', url: `https://pos.gosuslugi.ru/og/polls?ogrn=${ogrn}` },
    ],
  };
}

/**
 * Whether VK's answer leaves the state-mark field out for this community: about one in nine, derived from the
 * page's id (not the world's random stream, so the rest of the world stays as it was).
 */
export function markUnsent(c: WorldCommunity): boolean {
  return !c.deactivated && c.id % 9 === 4;
}
