// The demo world's OK groups and MAX channels, grown from the same institutions as its VK communities: most
// institutions have an OK group (some silent, some closed, some missing), a smaller share a MAX channel.
// Seeded, so the same institutions and seed always give the same pages, topics and comments.

import { seededRandom } from '../platform/seeded-random.ts';

export type NetWorldInstitution = { inn: string; short_name: string; region_code: string };

export type OkTopic = {
  id: string;
  created_ms: number;
  text: string;
  photos: number;
  movies: number;
  poll: boolean;
  link: boolean;
  likes: number;
  reshares: number;
  views: number;
  comments: OkComment[];
};
export type OkComment = {
  id: string;
  author_id: string;
  author_type: 'USER' | 'GROUP';
  text: string;
  date: string;
  reply_to?: string;
};

export type OkGroup = {
  uid: string;
  inn: string;
  name: string;
  shortname: string | null;
  description: string;
  members_count: number;
  access_type: 'OPEN' | 'CLOSED';
  has_avatar: boolean;
  has_cover: boolean;
  phone: string | null;
  /** How the registry writes this group's address (every form people use); null: not in the registry. */
  registry_url: string | null;
  topics: OkTopic[];
};

export type MaxMessage = {
  mid: string;
  seq: number;
  timestamp: number;
  text: string;
  images: number;
  videos: number;
  views: number;
};
export type MaxChannel = {
  chat_id: number;
  inn: string;
  title: string;
  link: string;
  description: string;
  participants_count: number;
  has_icon: boolean;
  registry_url: string | null;
  messages: MaxMessage[];
};

export type NetWorld = { asOfMs: number; ok: OkGroup[]; max: MaxChannel[] };

export const OK_GROUP_ID_BASE = 70_000_000_000_000;
export const MAX_CHAT_ID_BASE = -72_000_000_000_000;

const TEXTS = [
  'Линейка, посвящённая Дню знаний',
  'Итоги муниципального этапа олимпиады',
  'Родительское собрание в четверг в 18:00',
  'Фотоотчёт с экскурсии',
  'Меню на неделю',
  'Поздравляем победителей конкурса!',
];

const okDate = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

export type NetWorldParams = {
  seed: number;
  asOf: string;
  days: number;
  okShare?: number;
  maxShare?: number;
};

export function generateNetWorld(institutions: NetWorldInstitution[], p: NetWorldParams): NetWorld {
  const rand = seededRandom(p.seed);
  const asOfMs = Date.parse(`${p.asOf}T00:00:00Z`);
  const ok: OkGroup[] = [];
  const max: MaxChannel[] = [];
  institutions.forEach((inst, i) => {
    if (rand() < (p.okShare ?? 0.75)) ok.push(okGroup(inst, i, rand, asOfMs, p.days));
    if (rand() < (p.maxShare ?? 0.35)) max.push(maxChannel(inst, i, rand, asOfMs, p.days));
  });
  return { asOfMs, ok, max };
}

function okGroup(
  inst: NetWorldInstitution,
  i: number,
  rand: () => number,
  asOfMs: number,
  days: number,
): OkGroup {
  const uid = String(OK_GROUP_ID_BASE + i * 7 + 3);
  const shortname = rand() < 0.4 ? `school${inst.inn.slice(-6)}` : null;
  const silent = rand() < 0.2;
  const closed = rand() < 0.05;
  const perWeek = silent ? 0 : 1 + Math.floor(rand() * 5);
  const topics: OkTopic[] = [];
  const count = Math.round((perWeek * days) / 7);
  for (let t = 0; t < count; t++) {
    const created = asOfMs - Math.floor(rand() * days * 86_400_000) - 1000;
    const id = `${uid.slice(0, 8)}${String(i).padStart(4, '0')}${String(t).padStart(4, '0')}`;
    const nComments = rand() < 0.4 ? 1 + Math.floor(rand() * 4) : 0;
    const comments: OkComment[] = [];
    for (let c = 0; c < nComments; c++) {
      const fromGroup = c > 0 && rand() < 0.3;
      comments.push({
        id: String(900_000_000_000 + i * 100_000 + t * 10 + c),
        author_id: fromGroup ? uid : String(500_000_000_000 + Math.floor(rand() * 1e9)),
        author_type: fromGroup ? 'GROUP' : 'USER',
        text: fromGroup ? 'Спасибо за вопрос, ответили в личных сообщениях.' : 'Когда будет собрание?',
        date: okDate(created + (c + 1) * 3_600_000),
        ...(fromGroup ? { reply_to: String(900_000_000_000 + i * 100_000 + t * 10) } : {}),
      });
    }
    topics.push({
      id,
      created_ms: created,
      text: TEXTS[Math.floor(rand() * TEXTS.length)] ?? '',
      photos: rand() < 0.6 ? 1 + Math.floor(rand() * 4) : 0,
      movies: rand() < 0.1 ? 1 : 0,
      poll: rand() < 0.05,
      link: rand() < 0.1,
      likes: Math.floor(rand() * 40),
      reshares: Math.floor(rand() * 5),
      views: Math.floor(rand() * 800),
      comments,
    });
  }
  topics.sort((a, b) => b.created_ms - a.created_ms);
  const forms = [
    `https://ok.ru/group/${uid}`,
    `ok.ru/group${uid}`,
    `https://m.ok.ru/group/${uid}/topics`,
    `http://www.odnoklassniki.ru/group/${uid}`,
  ];
  const registry_url =
    rand() < 0.9
      ? shortname && rand() < 0.5
        ? `https://ok.ru/${shortname}`
        : (forms[Math.floor(rand() * forms.length)] ?? null)
      : null;
  return {
    uid,
    inn: inst.inn,
    name: inst.short_name,
    shortname,
    description: rand() < 0.8 ? `Официальная группа: ${inst.short_name}` : '',
    members_count: 20 + Math.floor(rand() * 1500),
    access_type: closed ? 'CLOSED' : 'OPEN',
    has_avatar: rand() < 0.85,
    has_cover: rand() < 0.4,
    phone: rand() < 0.5 ? `+7 900 ${String(i).padStart(7, '0')}` : null,
    registry_url,
    topics: closed ? [] : topics,
  };
}

function maxChannel(
  inst: NetWorldInstitution,
  i: number,
  rand: () => number,
  asOfMs: number,
  days: number,
): MaxChannel {
  const chat_id = MAX_CHAT_ID_BASE - i * 11 - 1;
  const silent = rand() < 0.3;
  const perWeek = silent ? 0 : 1 + Math.floor(rand() * 3);
  const messages: MaxMessage[] = [];
  const count = Math.round((perWeek * days) / 7);
  for (let m = 0; m < count; m++)
    messages.push({
      mid: `mid.${Math.abs(chat_id).toString(16)}${String(m).padStart(6, '0')}`,
      seq: 0,
      timestamp: asOfMs - Math.floor(rand() * days * 86_400_000) - 1000,
      text: TEXTS[Math.floor(rand() * TEXTS.length)] ?? '',
      images: rand() < 0.5 ? 1 + Math.floor(rand() * 3) : 0,
      videos: rand() < 0.1 ? 1 : 0,
      views: Math.floor(rand() * 600),
    });
  messages.sort((a, b) => b.timestamp - a.timestamp);
  messages.forEach((m, k) => {
    m.seq = messages.length - k;
  });
  const link = `https://max.ru/school${inst.inn.slice(-6)}`;
  return {
    chat_id,
    inn: inst.inn,
    title: inst.short_name,
    link,
    description: rand() < 0.7 ? `Канал: ${inst.short_name}` : '',
    participants_count: 10 + Math.floor(rand() * 700),
    has_icon: rand() < 0.8,
    registry_url: rand() < 0.85 ? (rand() < 0.5 ? link : link.replace('https://', '')) : null,
    messages,
  };
}
