// Factories for rule tests: a page's artifacts with sensible defaults, posts and comments by day offsets.
import type {
  CommentArtifact,
  PageArtifacts,
  Period,
  PostArtifact,
  ProfileArtifact,
  RuleContext,
} from '../src/methodology/index.ts';

export const DAY = 86_400;
/** The default period: 28 days ending 2026-11-29 00:00 UTC. */
export const END = Date.parse('2026-11-29T00:00:00Z') / 1000;
export const START = END - 28 * DAY;

export function ctx(overrides: Partial<Period> = {}, holidays: [number, number][] = []): RuleContext {
  return { period: { start: START, end: END, timezone: 'Europe/Moscow', ...overrides }, holidays };
}

/** A post `daysAgo` before the end of the period. */
export function post(daysAgo: number, overrides: Partial<PostArtifact> = {}): PostArtifact {
  return {
    vkId: Math.round(1_000_000 - daysAgo * 100),
    postedAt: END - Math.round(daysAgo * DAY),
    editedAt: null,
    text: 'Сегодня прошёл день открытых дверей. Спасибо всем!',
    photos: 1,
    videos: 0,
    clips: 0,
    polls: 0,
    lives: 0,
    docs: 0,
    links: 0,
    likes: 10,
    comments: 0,
    reposts: 1,
    views: 200,
    isPinned: false,
    isAd: false,
    isRepost: false,
    commentsClosed: false,
    ...overrides,
  };
}

export function comment(
  id: number,
  postVkId: number,
  postedAt: number,
  overrides: Partial<CommentArtifact> = {},
): CommentArtifact {
  return {
    vkId: id,
    postVkId,
    fromId: 12345,
    isFromCommunity: false,
    postedAt,
    replyTo: null,
    threadRoot: null,
    text: 'Спасибо!',
    isDeleted: false,
    ...overrides,
  };
}

export function profile(overrides: Partial<ProfileArtifact> = {}): ProfileArtifact {
  return {
    collectedAt: END,
    name: 'МБОУ СОШ № 5',
    screenName: 'school5',
    isClosed: 0,
    deactivated: null,
    isVerified: true,
    membersCount: 1000,
    description:
      'Официальная страница МБОУ СОШ № 5 г. Уфы. Рассказываем о жизни школы. Адрес: г. Уфа, ул. Ленина, д. 5. Телефон: +7 (347) 222-33-44. E-mail: school5@ufa.ru. Режим работы: пн–пт 8:00–17:00.',
    site: 'https://school5-ufa.ru',
    activity: 'Образование',
    hasAvatar: true,
    hasCover: true,
    wall: 1,
    contacts: [],
    address: null,
    ...overrides,
  };
}

export function page(overrides: Partial<PageArtifacts> = {}): PageArtifacts {
  return {
    page: { id: 1, url: 'https://vk.com/school5', status: 'active' },
    institution: {
      fullName:
        'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»',
      shortName: 'МБОУ СОШ № 5',
      kind: 'school',
      website: 'https://school5-ufa.ru',
      regionCode: '02',
    },
    profile: profile(),
    posts: [],
    comments: [],
    lastPostBefore: START - 2 * DAY,
    pinned: null,
    external: {},
    ...overrides,
  };
}

/** Posts every `everyDays` days over the default period. */
export function regularPosts(everyDays: number, overrides: Partial<PostArtifact> = {}): PostArtifact[] {
  const out: PostArtifact[] = [];
  for (let d = 27.5; d >= 0; d -= everyDays) out.push(post(d, overrides));
  return out;
}
