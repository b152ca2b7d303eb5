// A community's profile facts from what VK sent, each yes / no / unknown with where it came from. Absent is
// unknown, never "no". The state mark is read from every field VK is known to send for it; the menu
// (`fields=menu`, undocumented) is searched for feedback-platform (ПОС) widget links on the Gosuslugi domain.
import type { VkGroup } from './vk-parse.ts';

export type MenuWidget = { url: string; ogrn: string | null };

export type ProfileFacts = {
  isClosed: number | null;
  isVerified: boolean | null;
  hasAvatar: boolean | null;
  hasCover: boolean | null;
  wall: number | null;
  phone: string | null;
  menuWidgets: MenuWidget[] | null;
  sources: Record<string, string>;
};

const DEFAULT_AVATAR = /camera_\d+\.png|deactivated_\d+\.png|community_\d+\.png/;
const src = (field: string) => `vk:groups.getById.${field}`;

/** A flag however VK spells it: 1/0, true/false, "1"/"0", or an object with `enabled`/`value`. */
function flagOf(v: unknown): boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v === '' ? null : v !== '0' && v !== 'false';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return flagOf(o.enabled ?? o.value ?? o.is_enabled ?? (Object.keys(o).length > 0 ? true : null));
  }
  return null;
}

/**
 * The state organisation mark. `is_government_organization` and `trust_mark` carry it (either says no when
 * false); `verified` is VK's other badge: it says yes when set, and nothing when not.
 */
function stateMark(g: Record<string, unknown>): { value: boolean | null; source?: string } {
  let no: string | undefined;
  for (const field of ['is_government_organization', 'trust_mark', 'is_government']) {
    const v = flagOf(g[field]);
    if (v === true) return { value: true, source: src(field) };
    if (v === false) no ??= src(field);
  }
  if (flagOf(g.verified) === true) return { value: true, source: src('verified') };
  return no ? { value: false, source: no } : { value: null };
}

const GOSUSLUGI = /^https?:\/\/([a-z0-9-]+\.)*gosuslugi\.ru\//i;

/** Every string inside a value (the menu's shape is not documented: items, links, nested lists). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** The feedback-platform widget links in the menu and the OGRN each carries (a 13-digit `ogrn` or number). */
export function menuWidgets(menu: unknown): MenuWidget[] | null {
  if (menu === undefined || menu === null) return null;
  const found = new Map<string, MenuWidget>();
  for (const s of strings(menu)) {
    const url = s.trim();
    if (!GOSUSLUGI.test(url)) continue;
    const ogrn =
      /[?&]ogrn=(\d{13})\b/i.exec(url)?.[1] ??
      /(?:^|\D)(\d{13})(?:\D|$)/.exec(url.replace(/^https?:\/\/[^/]+/, ''))?.[1];
    found.set(url, { url, ogrn: ogrn ?? null });
  }
  return [...found.values()];
}

export function profileFacts(group: VkGroup): ProfileFacts {
  const g = group as Record<string, unknown>;
  const sources: Record<string, string> = {};
  const take = <T>(name: string, value: T | null, source: string | undefined): T | null => {
    if (value !== null && source) sources[name] = source;
    return value;
  };
  const mark = stateMark(g);
  const photo = ['photo_200', 'photo_100', 'photo_50'].find((f) => typeof g[f] === 'string');
  const hasPhoto = flagOf(g.has_photo);
  const cover = g.cover as { enabled?: unknown } | undefined;
  const contacts = Array.isArray(g.contacts) ? (g.contacts as { phone?: unknown }[]) : [];
  const contactPhone = contacts.find((c) => typeof c.phone === 'string' && c.phone.trim())?.phone as
    | string
    | undefined;
  const phone = typeof g.phone === 'string' && g.phone.trim() ? g.phone.trim() : (contactPhone ?? null);
  const menu = menuWidgets(g.menu);
  return {
    isClosed: take('isClosed', typeof g.is_closed === 'number' ? g.is_closed : null, src('is_closed')),
    isVerified: take('isVerified', mark.value, mark.source),
    hasAvatar:
      hasPhoto !== null
        ? take('hasAvatar', hasPhoto, src('has_photo'))
        : photo
          ? take('hasAvatar', !DEFAULT_AVATAR.test(String(g[photo])), src(photo))
          : null,
    hasCover: take('hasCover', cover ? flagOf(cover.enabled) : null, src('cover.enabled')),
    wall: take('wall', typeof g.wall === 'number' ? g.wall : null, src('wall')),
    phone: take(
      'phone',
      phone,
      typeof g.phone === 'string' && g.phone.trim() ? src('phone') : src('contacts'),
    ),
    menuWidgets: take('menuWidgets', menu, src('menu')),
    sources,
  };
}
