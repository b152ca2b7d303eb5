// Regional announcements: a regional operator writes one post (text or poll) for the region's pages, or some
// municipalities' pages, and sends it to be published by each page or offered to their admins as a draft; then
// follows each page's result as the publishing runs.
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  FormItem,
  FormStatus,
  Group,
  Header,
  Input,
  NativeSelect,
  SimpleCell,
  Textarea,
} from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import type { SyndicationView } from '../../../../src/planner/planner.contract.ts';
import { Loaded } from '../../components/StateView.tsx';
import { api } from '../../lib/api.ts';
import { apiUrl } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { useApi } from '../../lib/queries.ts';

type Item = { id: number; title: string; mode: string; regionCode: string; createdAt: number };

export function SyndicationPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const regions = useApi(apiUrl('GET /api/regions'));
  const list = useApi<{ items: Item[] }>(apiUrl('GET /api/planner/syndications'));
  const [region, setRegion] = useState(me.scope.regionCode ?? '');
  const [kind, setKind] = useState<'text' | 'poll'>('text');
  const [mode, setMode] = useState<'publish' | 'offer'>('offer');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [rubric, setRubric] = useState('');
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api.post<{ id: number; pages: number }>(apiUrl('POST /api/planner/syndications'), {
        regionCode: region,
        mode,
        kind,
        title,
        text,
        rubric: rubric || null,
        content:
          kind === 'poll'
            ? {
                poll: {
                  question,
                  options: options
                    .split('\n')
                    .map((o) => o.trim())
                    .filter(Boolean),
                },
              }
            : {},
      }),
    onSuccess: (r) => navigate(`/planner/syndication/${r.id}`),
  });
  return (
    <section aria-labelledby="syn-title">
      <h1 id="syn-title" className="page-title">
        {t('planner.syn.title')}
      </h1>
      <p className="muted">{t('planner.syn.lead')}</p>
      <Group>
        <form
          className="group-body"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <div className="form-grid">
            <FormItem top={t('seminars.form.region')} htmlFor="syn-region">
              <NativeSelect
                id="syn-region"
                value={region}
                disabled={me.scope.level !== 'country'}
                onChange={(e) => setRegion(e.target.value)}
              >
                <option value="">—</option>
                {(regions.data?.items ?? []).map((r) => (
                  <option key={r.code} value={r.code}>
                    {i18n.language === 'en' ? r.nameEn : r.nameRu}
                  </option>
                ))}
              </NativeSelect>
            </FormItem>
            <FormItem top={t('planner.syn.mode')} htmlFor="syn-mode">
              <NativeSelect
                id="syn-mode"
                value={mode}
                onChange={(e) => setMode(e.target.value as 'publish' | 'offer')}
              >
                <option value="offer">{t('planner.syn.offer')}</option>
                <option value="publish">{t('planner.syn.publish')}</option>
              </NativeSelect>
            </FormItem>
            <FormItem top={t('planner.editor.kind')} htmlFor="syn-kind">
              <NativeSelect
                id="syn-kind"
                value={kind}
                onChange={(e) => setKind(e.target.value as 'text' | 'poll')}
              >
                <option value="text">{t('planner.kind.text')}</option>
                <option value="poll">{t('planner.kind.poll')}</option>
              </NativeSelect>
            </FormItem>
            <FormItem top={t('planner.editor.name')} htmlFor="syn-name" required>
              <Input id="syn-name" value={title} onChange={(e) => setTitle(e.target.value)} required />
            </FormItem>
            <FormItem top={t('planner.editor.rubric')} htmlFor="syn-rubric">
              <Input id="syn-rubric" value={rubric} onChange={(e) => setRubric(e.target.value)} />
            </FormItem>
          </div>
          <FormItem top={t('planner.editor.text')} htmlFor="syn-text">
            <Textarea id="syn-text" value={text} onChange={(e) => setText(e.target.value)} rows={5} />
          </FormItem>
          {kind === 'poll' && (
            <div className="form-grid">
              <FormItem top={t('planner.editor.question')} htmlFor="syn-q">
                <Input id="syn-q" value={question} onChange={(e) => setQuestion(e.target.value)} />
              </FormItem>
              <FormItem top={t('planner.editor.options')} htmlFor="syn-o">
                <Textarea id="syn-o" value={options} onChange={(e) => setOptions(e.target.value)} rows={4} />
              </FormItem>
            </div>
          )}
          {send.error && <FormStatus mode="error">{errorText(send.error)}</FormStatus>}
          <Button type="submit" size="m" disabled={!region || !title} loading={send.isPending}>
            {t('planner.syn.send')}
          </Button>
        </form>
      </Group>
      <Group header={<Header>{t('planner.syn.list')}</Header>}>
        <Loaded query={list} minHeight={100}>
          {(data) => (
            <ul className="seminar-list">
              {data.items.map((s) => (
                <li key={s.id}>
                  <Link to={`/planner/syndication/${s.id}`} className="row-link">
                    <SimpleCell
                      subtitle={`${t(`planner.syn.${s.mode}`)} · ${new Date(s.createdAt * 1000).toLocaleString()}`}
                    >
                      {s.title}
                    </SimpleCell>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </Group>
    </section>
  );
}

export function SyndicationStatusPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const status = useApi<SyndicationView>(apiUrl('GET /api/planner/syndications/:id', { params: { id } }));
  return (
    <Loaded query={status} minHeight={300}>
      {(s) => (
        <section aria-labelledby="syn-status-title">
          <h1 id="syn-status-title" className="page-title">
            {s.title}
          </h1>
          <p data-testid="syndication-counts">
            {t('planner.syn.counts')}:{' '}
            {Object.entries(s.counts)
              .map(([k, n]) => `${t(`planner.status.${k}`)} ${n}`)
              .join(' · ')}
          </p>
          <Group header={<Header>{t('planner.syn.pages')}</Header>}>
            <div className="table-wrap">
              <table className="data-table">
                <tbody>
                  {s.pages.map((p) => (
                    <tr key={p.draftId}>
                      <td>
                        <Link to={`/planner/${p.pageId}?draft=${p.draftId}`}>{p.name}</Link>
                      </td>
                      <td>{t(`planner.status.${p.status}`)}</td>
                      <td className="muted">{p.error ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Group>
        </section>
      )}
    </Loaded>
  );
}
