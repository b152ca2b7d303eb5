// A page's address read into one canonical reference, for every network the registry lists: the network, the
// canonical URL, and the id or short name it names. The networks' ports parse with these parsers.
export type PageRef = {
  network: 'vk' | 'ok' | 'max';
  url: string;
  externalId: string | null;
  screenName: string | null;
};

export type UrlResult = { ok: true; ref: PageRef } | { ok: false; reason: string };
