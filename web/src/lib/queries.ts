// The API reads the screens share, as TanStack Query hooks keyed by URL (and language where texts come back).
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import { type ApiUrl, apiUrl, type GetKey, type Reply, withSearch } from './client.ts';

/** A GET by URL, the URL its query key: typed by its route when built with `apiUrl`. */
export function useApi<K extends GetKey>(url: ApiUrl<K> | null): UseQueryResult<Reply<K>>;
export function useApi<T>(url: string | null): UseQueryResult<T>;
export function useApi(url: string | null): UseQueryResult<unknown> {
  return useQuery({ queryKey: [url], queryFn: () => api.get(url as string), enabled: url !== null });
}

/** The app's language as the API's `lang` parameter. */
export const language = (i18n: { language: string }): 'ru' | 'en' => (i18n.language === 'en' ? 'en' : 'ru');

export const unitUrl = (level: string, key: string | undefined) =>
  apiUrl('GET /api/reports/units/:level/:key', {
    params: { level, key: key ?? 'all' },
    query: { format: 'json' },
  });

export const useUnitReport = (level: string, key: string | undefined) => useApi(unitUrl(level, key));

export function usePageReport(id: number | null) {
  const { i18n } = useTranslation();
  return useApi(
    id === null
      ? null
      : apiUrl('GET /api/pages/:id/report', { params: { id }, query: { lang: language(i18n) } }),
  );
}

export const usePageCard = (id: number | null) =>
  useApi(id === null ? null : apiUrl('GET /api/pages/:id', { params: { id } }));
export const usePageList = (search: string) => useApi(withSearch(apiUrl('GET /api/pages'), search));
export const useRegions = () => useApi(apiUrl('GET /api/regions'));

export type ShownLevel = { id: string; title: string; color: string };

/**
 * Every shipped version's levels (title, colour), by id: a level id names one level across versions, so a badge
 * shows the traffic light's green as faithfully as 2023.1's flagship.
 */
export function useLevels(): Map<string, ShownLevel> {
  const { i18n } = useTranslation();
  const versions = useApi(apiUrl('GET /api/methodology/versions', { query: { lang: language(i18n) } }));
  return useMemo(
    () => new Map((versions.data?.items ?? []).flatMap((v) => v.levels.map((l) => [l.id, l] as const))),
    [versions.data],
  );
}

export function useMethodology(version: string) {
  const { i18n } = useTranslation();
  return useApi(
    apiUrl('GET /api/methodology/versions/:id', { params: { id: version }, query: { lang: language(i18n) } }),
  );
}

/**
 * The methodology's categories and rules by id, titled in the current language: a seminar's programme, its
 * per-rule effect and its feedback name them. An unknown id is shown as it is.
 */
export function useMethodologyTitles(version = '2023.1'): (id: string) => string {
  const methodology = useMethodology(version);
  const titles = useMemo(
    () =>
      new Map<string, string>([
        ...(methodology.data?.categories ?? []).map((c) => [c.id, c.title] as [string, string]),
        ...(methodology.data?.ruleList ?? []).map((r) => [r.id, r.title] as [string, string]),
      ]),
    [methodology.data],
  );
  return useCallback((id: string) => titles.get(id) ?? id, [titles]);
}

/** A text the API gives in both languages, in the current one. */
export function useText() {
  const { i18n } = useTranslation();
  return (text: { ru: string; en: string } | undefined) =>
    text ? (i18n.language === 'en' ? text.en : text.ru) : '';
}

/** Breadcrumbs from the country down to a region and a municipality, named in the current language. */
export function useUnitCrumbs(regionCode: string | undefined, municipalityId: number | null | undefined) {
  const { t, i18n } = useTranslation();
  const region = useApi(
    regionCode ? apiUrl('GET /api/regions/:code', { params: { code: regionCode } }) : null,
  );
  const municipality = useApi(
    municipalityId ? apiUrl('GET /api/municipalities/:id', { params: { id: municipalityId } }) : null,
  );
  const crumbs: { label: string; to: string; name?: boolean }[] = [
    { label: t('nav.country'), to: '/units/country' },
  ];
  if (regionCode)
    crumbs.push({
      label: region.data ? (i18n.language === 'en' ? region.data.nameEn : region.data.nameRu) : regionCode,
      to: `/units/region/${regionCode}`,
    });
  if (municipalityId)
    crumbs.push({
      label: municipality.data?.name ?? String(municipalityId),
      to: `/units/municipality/${municipalityId}`,
      name: true,
    });
  return crumbs;
}
