// Generates a deterministic demo world: institutions in real regions with plausible Russian names,
// and their VK communities of varied quality. Walls are not stored: they grow from each community's
// parameters (see wall.ts), so a 100,000-institution world is written in seconds.
import type { InstitutionKind } from '../../platform/db-schema.ts';
import { completeInn10, completeOgrn13, regionSeeds } from '../../registry/index.ts';
import { communityMenu, markUnsent } from './community-menu.ts';
import { nameOf } from './institution-names.ts';
import { pastSeminars } from './past-seminars.ts';
import { mixSeed, Rng } from './rng.ts';
import { translit } from './translit.ts';
import * as words from './vocabulary.ts';
import {
  type PageProfile,
  type WallParams,
  WORLD_FORMAT,
  type WorldCommunity,
  type WorldInstitution,
  type WorldMeta,
  type WorldParams,
  type WorldSeminar,
} from './world.types.ts';

export type GeneratedWorld = {
  meta: WorldMeta;
  institutions: WorldInstitution[];
  communities: WorldCommunity[];
  seminars: WorldSeminar[];
};

// Regions with many schools weigh more when the world spreads institutions (rough shares of the country).
const REGION_WEIGHTS: Record<string, number> = {
  '77': 6,
  '50': 5,
  '78': 3,
  '23': 4,
  '02': 3.5,
  '16': 3.5,
  '61': 3,
  '66': 3,
  '05': 3,
  '52': 2.2,
  '74': 2.2,
  '54': 1.9,
  '24': 2,
  '59': 1.8,
  '63': 2,
  '26': 2,
  '36': 1.7,
  '42': 1.7,
  '22': 1.8,
  '38': 1.7,
  '34': 1.6,
};

const KIND_WEIGHTS: Record<InstitutionKind, number> = {
  school: 45,
  kindergarten: 40,
  college: 6,
  additional: 9,
};

// Share of each quality class among pages; tuned so the audit shows a plausible spread of levels.
const PROFILE_WEIGHTS: Record<PageProfile, number> = {
  flagship: 8,
  active: 30,
  average: 32,
  business_card: 18,
  silent: 12,
};

export const COMMUNITY_ID_BASE = 200_000_000;

export function generateWorld(params: WorldParams): GeneratedWorld {
  const rng = new Rng(mixSeed(params.seed, 1));
  const regions = pickRegions(rng, params.regions);
  const perRegion = spread(
    params.institutions,
    regions.map((r) => REGION_WEIGHTS[r.code] ?? 1),
  );
  const institutions: WorldInstitution[] = [];
  const communities: WorldCommunity[] = [];
  const usedScreenNames = new Set<string>();
  let municipalities = 0;
  regions.forEach((region, regionIndex) => {
    const count = perRegion[regionIndex] ?? 0;
    const places = municipalitiesOf(rng, region.capital_ru, Math.max(2, Math.round(count / 40)));
    municipalities += places.length;
    const numbers: Record<string, number> = {};
    for (let i = 0; i < count; i++) {
      const place = rng.chance(0.3) ? (places[0] as Place) : rng.pick(places);
      const kind = rng.weighted(KIND_WEIGHTS);
      const key = `${place.name}|${kind}`;
      numbers[key] = (numbers[key] ?? 0) + 1;
      const index = institutions.length;
      const institution = makeInstitution(rng, index, region.code, place, kind, numbers[key]);
      institutions.push(institution);
      const hasPage = rng.chance(kind === 'school' || kind === 'kindergarten' ? 0.8 : 0.65);
      if (hasPage) {
        const community = makeCommunity(rng, index, institution, place, usedScreenNames);
        const menu = communityMenu(community, institution);
        communities.push({
          ...community,
          ...(menu ? { menu } : {}),
          ...(markUnsent(community) ? { mark_unsent: true as const } : {}),
        });
      }
    }
  });
  const seminars = pastSeminars(params, regions, institutions, communities);
  return {
    seminars,
    meta: {
      format: WORLD_FORMAT,
      ...params,
      regionCodes: regions.map((r) => r.code),
      counts: {
        institutions: institutions.length,
        municipalities,
        communities: communities.length,
        inRegistry: communities.filter((c) => c.registry_url !== null).length,
      },
    },
    institutions,
    communities,
  };
}

function pickRegions(rng: Rng, count: number) {
  const pool = [...regionSeeds];
  if (count >= pool.length) return pool;
  const chosen = [];
  for (let i = 0; i < count; i++) {
    const weights = pool.map((r) => REGION_WEIGHTS[r.code] ?? 1);
    const total = weights.reduce((s, w) => s + w, 0);
    let x = rng.next() * total;
    let at = 0;
    while (at < pool.length - 1 && x >= (weights[at] ?? 0)) x -= weights[at++] ?? 0;
    chosen.push(...pool.splice(at, 1));
  }
  return chosen.sort((a, b) => a.code.localeCompare(b.code));
}

/** Splits n into parts proportional to weights (largest remainders), so counts add up exactly. */
function spread(n: number, weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (n * w) / total);
  const parts = exact.map(Math.floor);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = n - parts.reduce((s, p) => s + p, 0);
  for (let k = 0; k < missing; k++) {
    const i = order[k % order.length]?.[1] ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

type Place = { name: string; town: string; isCity: boolean };

function municipalitiesOf(rng: Rng, capital: string, count: number): Place[] {
  const places: Place[] = [{ name: `городской округ ${capital}`, town: capital, isCity: true }];
  const stems = [...words.districtStems];
  for (let i = 1; i < count; i++) {
    const stem = stems.length > 0 ? stems.splice(rng.int(0, stems.length - 1), 1)[0] : undefined;
    const base = stem ?? `${rng.pick(words.districtStems)}`;
    const suffix = stem ? '' : ` ${i}`;
    places.push({
      name: `${districtAdjective(base)} муниципальный район${suffix}`,
      town: base,
      isCity: false,
    });
  }
  return places;
}

/** Заречн → Заречный, Октябрьск → Октябрьский, Лесн → Лесной. */
function districtAdjective(stem: string): string {
  if (stem.endsWith('ск')) return `${stem}ий`;
  if (/(Лесн|Степн)$/.test(stem)) return `${stem}ой`;
  return `${stem}ый`;
}

function townName(place: Place, rng: Rng): string {
  if (place.isCity) return place.town;
  return capitalise(`${rng.pick(words.villagePrefixes)}${rng.pick(words.villageRoots)}`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function makeInstitution(
  rng: Rng,
  index: number,
  region: string,
  place: Place,
  kind: InstitutionKind,
  number: number,
): WorldInstitution {
  const town = townName(place, rng);
  const names = nameOf(rng, kind, number, town, place.isCity);
  const office = String(10 + Math.floor(index / 100_000)).padStart(2, '0');
  const serial = String(index % 100_000).padStart(5, '0');
  const inn = completeInn10(`${region}${office}${serial}`);
  const ogrn = completeOgrn13(`1${String(2 + (index % 20)).padStart(2, '0')}${region}${office}${serial}`);
  const siteBase = `${translit(names.slug)}-${translit(town)}`.replace(/_/g, '-').slice(0, 40);
  return {
    inn,
    ogrn,
    full_name: names.full,
    short_name: names.short,
    kind,
    region_code: region,
    municipality: place.name,
    address: `${place.isCity ? 'г.' : 'с.'} ${town}, ул. ${rng.pick(words.streets)}, д. ${rng.int(1, 120)}`,
    website: rng.chance(0.85) ? `https://${siteBase}.edu.ru` : null,
  };
}

function makeCommunity(
  rng: Rng,
  index: number,
  institution: WorldInstitution,
  place: Place,
  used: Set<string>,
): WorldCommunity {
  const id = COMMUNITY_ID_BASE + index;
  const profile = rng.weighted(PROFILE_WEIGHTS);
  const good = profile === 'flagship' || profile === 'active';
  const careful = good || rng.chance(0.5);
  const screen = rng.chance(0.8) ? uniqueScreenName(institution, place, id, used) : null;
  const deactivated = rng.chance(0.01) ? (rng.chance(0.7) ? 'deleted' : 'banned') : null;
  const isClosed = deactivated ? 0 : rng.chance(0.025) ? 1 : 0;
  const membersBase = institution.kind === 'kindergarten' ? 180 : institution.kind === 'school' ? 700 : 900;
  const phone =
    careful || rng.chance(0.5)
      ? `+7 (${rng.int(300, 499)}) ${rng.int(200, 999)}-${rng.int(10, 99)}-${rng.int(10, 99)}`
      : null;
  const email =
    careful || rng.chance(0.4) ? `${translit(institution.short_name).slice(0, 20)}@edu.example.ru` : null;
  const hours = careful && rng.chance(0.7) ? 'пн–пт 8:00–17:00' : null;
  const description = describe(institution, profile, phone, email, hours, rng);
  return {
    id,
    inn: institution.inn,
    name: officialName(rng, institution, profile),
    screen_name: screen,
    type: rng.chance(0.7) ? 'group' : 'page',
    is_closed: isClosed as 0 | 1,
    deactivated,
    gov_mark: good ? rng.chance(0.95) : rng.chance(0.6),
    verified: false,
    members_count: Math.round(rng.logNormal(good ? membersBase * 1.6 : membersBase, 0.5)),
    description,
    site: institution.website && (good || rng.chance(0.6)) ? institution.website : null,
    activity: rng.chance(0.9) ? 'Образование' : 'Общество',
    has_avatar: good || rng.chance(0.85),
    has_cover: good ? rng.chance(0.9) : rng.chance(0.45),
    phone,
    email,
    address: careful ? institution.address : null,
    opening_hours: hours,
    wall: profile === 'silent' && rng.chance(0.2) ? 2 : rng.chance(0.03) ? 0 : 1,
    registry_url: rng.chance(0.93) ? registryUrl(rng, id, screen) : null,
    wall_params: wallParams(rng, profile),
  };
}

function uniqueScreenName(
  institution: WorldInstitution,
  place: Place,
  id: number,
  used: Set<string>,
): string {
  const base =
    `${translit(institution.short_name).replace(/^(mb|ma)(d?ou|u_do)_?/, '')}_${translit(place.town)}`
      .replace(/_+/g, '_')
      .slice(0, 26);
  const name = used.has(base) ? `${base}_${id % 100000}` : base;
  used.add(name);
  return name;
}

function registryUrl(rng: Rng, id: number, screen: string | null): string {
  if (!screen)
    return rng.pick([`https://vk.com/club${id}`, `vk.com/public${id}`, `https://vk.com/club${id}`]);
  return rng.pick([
    `https://vk.com/${screen}`,
    `https://vk.ru/${screen}`,
    `vk.com/${screen}`,
    `m.vk.com/${screen}`,
    `@${screen}`,
    `https://vk.com/club${id}`,
  ]);
}

function officialName(rng: Rng, institution: WorldInstitution, profile: PageProfile): string {
  if (profile === 'flagship' || rng.chance(0.6)) return institution.short_name;
  if (rng.chance(0.5)) return institution.full_name;
  return institution.short_name.replace(/^(МБ|МА)(Д?ОУ|У ДО)\s*/, '').replace(/[«»]/g, '');
}

function describe(
  institution: WorldInstitution,
  profile: PageProfile,
  phone: string | null,
  email: string | null,
  hours: string | null,
  rng: Rng,
): string {
  if (profile === 'silent' && rng.chance(0.5)) return '';
  const parts = [`Официальная страница: ${institution.full_name}.`];
  if (profile !== 'business_card' || rng.chance(0.5))
    parts.push(
      'Рассказываем о жизни учреждения, достижениях учеников и педагогов, важных событиях для родителей.',
    );
  if (phone) parts.push(`Телефон: ${phone}.`);
  if (email) parts.push(`E-mail: ${email}.`);
  if (hours) parts.push(`Режим работы: ${hours}.`);
  return parts.join(' ');
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function wallParams(rng: Rng, profile: PageProfile): WallParams {
  const base: Record<PageProfile, [number, number]> = {
    flagship: [10, 0.25],
    active: [6, 0.3],
    average: [3.5, 0.35],
    business_card: [1, 0.5],
    silent: [2.5, 0.5],
  };
  const [rate, spreadOf] = base[profile];
  const good = profile === 'flagship' || profile === 'active';
  const tools = profile === 'flagship' ? 1 : profile === 'active' ? 0.5 : 0.15;
  return {
    profile,
    postsPerWeek: round2(rng.logNormal(rate, spreadOf)),
    silentDays: profile === 'silent' ? rng.int(31, 110) : 0,
    ageDays: rng.chance(0.04) ? rng.int(20, 100) : 2000,
    repostShare: round2(good ? rng.next() * 0.2 : rng.next() * 0.6),
    photoShare: round2(good ? 0.7 + rng.next() * 0.25 : 0.3 + rng.next() * 0.5),
    pollsPerMonth: round2(rng.chance(tools) ? rng.logNormal(profile === 'flagship' ? 2 : 1, 0.4) : 0),
    clipsPerMonth: round2(rng.chance(tools) ? rng.logNormal(profile === 'flagship' ? 3 : 1.2, 0.4) : 0),
    videosPerMonth: round2(rng.chance(tools) ? rng.logNormal(profile === 'flagship' ? 3 : 1.5, 0.4) : 0),
    livesPerQuarter: round2(rng.chance(tools * 0.8) ? rng.logNormal(1.5, 0.3) : 0),
    rubricShare: round2(good ? 0.3 + rng.next() * 0.6 : rng.next() * 0.35),
    commentsPerPost: round2(rng.logNormal(good ? 1.2 : 0.5, 0.6)),
    questionShare: round2(0.2 + rng.next() * 0.3),
    answerRate: round2(good ? 0.75 + rng.next() * 0.25 : rng.next() * 0.7),
    answerHoursMedian: round2(rng.logNormal(good ? 6 : 30, 0.7)),
    adsShare: rng.chance(0.05) ? 0.05 : 0,
    obscenityShare: rng.chance(0.1) ? 0.04 : 0.003,
    personalDataShare: rng.chance(0.06) ? 0.05 : 0,
    hasPinned: good ? rng.chance(0.8) : rng.chance(0.3),
    commentsClosed: profile === 'business_card' ? rng.chance(0.2) : rng.chance(0.04),
    viewsPerMember: round2(rng.logNormal(good ? 0.45 : 0.25, 0.4)),
  };
}
