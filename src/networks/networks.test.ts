// Every network declares itself on the one port, and VK conforms through its adapter: the same answers give
// the same facts (with provenance) as src/vk's own parsers.
import { describe, expect, it } from 'vitest';
import { METHOD_TABLE } from '../vk/index.ts';
import { NETWORK_IDS } from './model.ts';
import { NETWORKS, requiredNetworks } from './networks.ts';

describe('the network port', () => {
  it.each(NETWORK_IDS)('%s declares methods, token kinds, limits and where each comes from', (id) => {
    const port = NETWORKS[id];
    expect(port.id).toBe(id);
    expect(port.methods.length).toBeGreaterThan(3);
    expect(port.tokenKinds.length).toBeGreaterThan(0);
    expect(port.limits.perSecond).toBeGreaterThan(0);
    for (const m of port.methods) {
      expect(['docs', 'modelled']).toContain(m.from);
      expect(m.tokenKinds.length).toBeGreaterThan(0);
    }
    expect(port.methods.some((m) => !m.readOnly)).toBe(true);
  });

  it('requires VK and OK (government order 2523-р) and recommends MAX', () => {
    expect(requiredNetworks()).toEqual(['vk', 'ok']);
    expect(NETWORKS.max.presence).toBe('recommended');
  });

  it('VK declares exactly its method table', () => {
    expect(NETWORKS.vk.methods.map((m) => m.name).sort()).toEqual([...METHOD_TABLE.keys()].sort());
  });

  it('each network reads only its own addresses', () => {
    const samples = {
      vk: 'https://vk.com/club123',
      ok: 'https://ok.ru/group/5366986565',
      max: 'https://max.ru/school5',
    };
    for (const id of NETWORK_IDS)
      for (const [other, url] of Object.entries(samples))
        expect(NETWORKS[id].parseUrl(url).ok).toBe(other === id);
  });
});

describe('VK through the adapter', () => {
  it('parses a community into the common page with tri-state facts and their sources', () => {
    const page = NETWORKS.vk.parsePage({
      groups: [
        {
          id: 42,
          name: 'Школа № 5',
          screen_name: 'school5',
          is_closed: 0,
          members_count: 300,
          description: '',
          photo_200: 'https://vk.com/images/community_200.png',
          is_government_organization: true,
        },
      ],
    });
    expect(page).toMatchObject({
      network: 'vk',
      externalId: '42',
      url: 'https://vk.com/school5',
      members: 300,
    });
    expect(page.facts).toMatchObject({
      isClosed: false,
      isVerified: true,
      hasAvatar: false,
      hasDescription: false,
      hasCover: null,
    });
    expect(page.facts.sources.isVerified).toBe('vk:groups.getById.is_government_organization');
    expect(page.facts.sources.hasCover).toBeUndefined();
  });

  it('parses posts into kinds and metrics, reposts and clips included', () => {
    const [post, repost] = NETWORKS.vk.parsePosts({
      count: 2,
      items: [
        {
          id: 1,
          date: 1_700_000_000,
          text: 'Линейка',
          attachments: [{ type: 'photo' }, { type: 'photo' }, { type: 'clip' }],
          likes: { count: 5 },
          views: { count: 100 },
          is_pinned: 1,
        },
        { id: 2, date: 1_700_000_100, text: '', copy_history: [{ id: 9, owner_id: -1 }] },
      ],
    });
    expect(post).toMatchObject({
      id: '1',
      kinds: ['text', 'photo', 'clip'],
      counts: { photo: 2, clip: 1 },
      isPinned: true,
    });
    expect(post?.metrics).toEqual({ likes: 5, comments: null, reposts: null, views: 100 });
    expect(repost).toMatchObject({ isRepost: true, kinds: ['repost'] });
  });
});
