import { describe, expect, it } from 'vitest';
import { profileFacts } from './profile-facts.ts';
import { parseGroups } from './vk-parse.ts';

const group = (extra: Record<string, unknown>) =>
  parseGroups([{ id: 1, name: 'Школа', ...extra }], 'test')[0];

describe('profile facts from groups.getById', () => {
  it('are unknown (null) where VK sent nothing, not "no"', () => {
    const facts = profileFacts(group({}) as never);
    expect(facts).toMatchObject({
      isClosed: null,
      isVerified: null,
      hasAvatar: null,
      hasCover: null,
      wall: null,
      phone: null,
      menuWidgets: null,
    });
    expect(facts.sources).toEqual({});
  });

  it('read the state mark from every field VK is known to send for it, and say which', () => {
    const gov = profileFacts(group({ is_government_organization: true }) as never);
    expect(gov).toMatchObject({ isVerified: true });
    expect(gov.sources.isVerified).toBe('vk:groups.getById.is_government_organization');
    expect(profileFacts(group({ trust_mark: 1 }) as never).sources.isVerified).toBe(
      'vk:groups.getById.trust_mark',
    );
    expect(profileFacts(group({ trust_mark: { enabled: 1 } }) as never).isVerified).toBe(true);
    expect(profileFacts(group({ is_government_organization: 0 }) as never).isVerified).toBe(false);
    // VK's other badge says yes when set and nothing when not.
    expect(profileFacts(group({ verified: 1 }) as never).isVerified).toBe(true);
    expect(profileFacts(group({ verified: 0 }) as never).isVerified).toBeNull();
  });

  it('take the avatar, cover, wall, phone and the ПОС widgets of the menu with their OGRN', () => {
    const facts = profileFacts(
      group({
        is_closed: 0,
        photo_200: 'https://vk.com/images/community_200.png',
        cover: { enabled: 0 },
        wall: 2,
        contacts: [{ email: 'a@b.ru' }, { phone: '+7 800 000-00-00' }],
        menu: {
          items: [
            { title: 'Обратная связь', url: 'https://pos.gosuslugi.ru/form/?opaId=5&ogrn=1027700000001' },
            { title: 'Сайт', url: 'https://school.ru/' },
            { title: 'Без ОГРН', url: 'https://www.gosuslugi.ru/feedback' },
          ],
        },
      }) as never,
    );
    expect(facts).toMatchObject({
      isClosed: 0,
      hasAvatar: false,
      hasCover: false,
      wall: 2,
      phone: '+7 800 000-00-00',
      menuWidgets: [
        { url: 'https://pos.gosuslugi.ru/form/?opaId=5&ogrn=1027700000001', ogrn: '1027700000001' },
        { url: 'https://www.gosuslugi.ru/feedback', ogrn: null },
      ],
    });
    expect(facts.sources).toMatchObject({
      hasAvatar: 'vk:groups.getById.photo_200',
      menuWidgets: 'vk:groups.getById.menu',
    });
    expect(profileFacts(group({ menu: [] }) as never).menuWidgets).toEqual([]);
  });
});
