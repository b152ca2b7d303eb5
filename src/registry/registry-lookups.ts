// How an import finds what already exists: by queries (a few rows), or in an in-memory index of all keys
// loaded once (a large file, parsed and written slice by slice).
import type { Db } from '../platform/db.ts';
import { findPagesByIdentity, findPagesOfInstitutions, listPageKeys, type PageKey } from './page.repo.ts';
import { findInstitutionsByKeys, type InstitutionKey, listInstitutionKeys } from './registry.repo.ts';

export type Lookups = {
  institutions(inns: string[], ogrns: string[]): Promise<InstitutionKey[]>;
  pagesByIdentity(externalIds: number[], screenNames: string[]): Promise<PageKey[]>;
  pagesOfInstitutions(ids: number[]): Promise<PageKey[]>;
  /** Keeps an in-memory index true after a page was re-addressed. */
  pageMoved(before: PageKey, after: PageKey): void;
};

export function queryLookups(db: Db): Lookups {
  return {
    institutions: (inns, ogrns) => findInstitutionsByKeys(db, inns, ogrns),
    pagesByIdentity: (ids, names) => findPagesByIdentity(db, 'vk', ids, names),
    pagesOfInstitutions: (ids) => findPagesOfInstitutions(db, 'vk', ids),
    pageMoved: () => {},
  };
}

export async function indexLookups(db: Db): Promise<Lookups> {
  const byInn = new Map<string, InstitutionKey>();
  const byOgrn = new Map<string, InstitutionKey>();
  for (const k of await listInstitutionKeys(db)) {
    if (k.inn) byInn.set(k.inn, k);
    if (k.ogrn) byOgrn.set(k.ogrn, k);
  }
  const byExternal = new Map<number, PageKey>();
  const byName = new Map<string, PageKey>();
  const byInstitution = new Map<number, PageKey>();
  const index = (p: PageKey) => {
    if (p.external_id !== null) byExternal.set(p.external_id, p);
    if (p.screen_name !== null) byName.set(p.screen_name, p);
    if (p.institution_id !== null && !byInstitution.has(p.institution_id))
      byInstitution.set(p.institution_id, p);
  };
  for (const p of await listPageKeys(db, 'vk')) index(p);
  const pick = <K, V>(map: Map<K, V>, keys: K[]) =>
    keys.flatMap((k) => (map.has(k) ? [map.get(k) as V] : []));
  return {
    institutions: async (inns, ogrns) => [...pick(byInn, inns), ...pick(byOgrn, ogrns)],
    pagesByIdentity: async (ids, names) => [...pick(byExternal, ids), ...pick(byName, names)],
    pagesOfInstitutions: async (ids) => pick(byInstitution, ids),
    pageMoved(before, after) {
      if (before.external_id !== null && byExternal.get(before.external_id)?.id === before.id)
        byExternal.delete(before.external_id);
      if (before.screen_name !== null && byName.get(before.screen_name)?.id === before.id)
        byName.delete(before.screen_name);
      index(after);
    },
  };
}
