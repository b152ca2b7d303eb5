// The methodology version a region is judged by; its admin (or the federal one) may choose another or go back
// to the national one. Dashboards, reports, open data, plans and certificates of the region follow the choice.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormItem, FormStatus, NativeSelect } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl, callApi } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { useApi } from '../../lib/queries.ts';
import { useMe } from '../../lib/session.ts';

export function RegionVersion({ regionCode }: { regionCode: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const at = { params: { code: regionCode }, query: { lang: i18n.language === 'en' ? 'en' : 'ru' } } as const;
  const choice = useApi(apiUrl('GET /api/regions/:code/methodology', at));
  const canChoose = useMe().data?.permissions.includes('methodology.choose') ?? false;
  const [wanted, setWanted] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (version: string | null) =>
      callApi('PUT /api/regions/:code/methodology', { ...at, body: { version } }),
    onSuccess: () => client.invalidateQueries(),
  });
  const c = choice.data;
  if (!c) return null;
  const title = c.available.find((v) => v.id === c.version)?.title ?? c.version;
  if (!canChoose)
    return (
      <p className="muted" data-testid="region-version">
        {t('unit.version.current', { title })}
        {c.chosen ? '' : ` (${t('unit.version.national')})`}
      </p>
    );
  const value = wanted ?? c.version;
  return (
    <form
      className="region-version"
      data-testid="region-version"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(value === c.national ? null : value);
      }}
    >
      <FormItem top={t('unit.version.label')} htmlFor="region-version">
        <NativeSelect id="region-version" value={value} onChange={(e) => setWanted(e.target.value)}>
          {c.available.map((v) => (
            <option key={v.id} value={v.id}>
              {v.id === c.national ? `${v.title} (${t('unit.version.national')})` : v.title}
            </option>
          ))}
        </NativeSelect>
      </FormItem>
      <FormItem>
        <Button type="submit" mode="secondary" disabled={value === c.version || save.isPending}>
          {t('unit.version.save')}
        </Button>
      </FormItem>
      {save.isError && <FormStatus mode="error">{errorText(save.error)}</FormStatus>}
    </form>
  );
}
