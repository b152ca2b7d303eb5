// The methodologist's workshop: fork a version, change its thresholds with lint as you type, try it on current
// data (pages that change level, per region and rule), publish it under its id and re-audit under it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormItem, FormStatus, Group, Header, Input } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loaded } from '../../components/StateView.tsx';
import { apiUrl, callApi } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { useApi } from '../../lib/queries.ts';
import { Editor } from './Editor.tsx';

const LIST = apiUrl('GET /api/methodology/workshop');

export function WorkshopPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const selected = search.get('id');
  const list = useApi(LIST);
  const client = useQueryClient();
  const [from, setFrom] = useState('2023.1');
  const [id, setId] = useState('');
  const fork = useMutation({
    mutationFn: () => callApi('POST /api/methodology/workshop', { body: { from, id } }),
    onSuccess: (v) => {
      void client.invalidateQueries({ queryKey: [LIST] });
      setSearch({ id: v.id });
    },
  });
  return (
    <article aria-labelledby="workshop-title">
      <h1 id="workshop-title" className="page-title">
        {t('workshop.title')}
      </h1>
      <Group header={<Header>{t('workshop.fork')}</Header>}>
        <form
          data-testid="fork-form"
          onSubmit={(e) => {
            e.preventDefault();
            fork.mutate();
          }}
        >
          <FormItem top={t('workshop.from')} htmlFor="fork-from">
            <Input id="fork-from" value={from} onChange={(e) => setFrom(e.target.value)} />
          </FormItem>
          <FormItem top={t('workshop.newId')} htmlFor="fork-id">
            <Input id="fork-id" value={id} onChange={(e) => setId(e.target.value)} />
          </FormItem>
          {fork.error && (
            <FormItem>
              <FormStatus mode="error">{errorText(fork.error)}</FormStatus>
            </FormItem>
          )}
          <FormItem>
            <Button type="submit" loading={fork.isPending} disabled={!id.trim()}>
              {t('workshop.forkButton')}
            </Button>
          </FormItem>
        </form>
      </Group>
      <Group header={<Header>{t('workshop.versions')}</Header>}>
        <Loaded query={list} minHeight={60}>
          {(l) =>
            l.items.length === 0 ? (
              <p className="muted">{t('workshop.none')}</p>
            ) : (
              <ul className="workshop-list">
                {l.items.map((v) => (
                  <li key={v.id}>
                    <button type="button" className="link-button" onClick={() => setSearch({ id: v.id })}>
                      {v.id}
                    </button>{' '}
                    <span className="muted">
                      {t(`workshop.status.${v.status}`)} · {t('workshop.basedOn', { id: v.basedOn })}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </Group>
      {selected && <Editor key={selected} id={selected} />}
    </article>
  );
}
