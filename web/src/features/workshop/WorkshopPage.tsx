// The methodologist's workshop: fork a version, change its thresholds with lint as you type, try it on current
// data (pages that change level, per region and rule), publish it under its id and re-audit under it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormItem, FormStatus, Group, Header, Input } from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loaded } from '../../components/StateView.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { apiUrl, callApi, type Reply } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { useApi } from '../../lib/queries.ts';

type Version = Reply<'GET /api/methodology/workshop/:id'>;
type Preview = Reply<'GET /api/methodology/workshop/:id/preview'>;
type Problem = Reply<'POST /api/methodology/workshop/:id/lint'>['problems'][number];
/** Changed parameters by rule, as typed (numbers parsed). */
type Edits = Record<string, Record<string, unknown>>;

const LIST = apiUrl('GET /api/methodology/workshop');

function parsed(text: string): unknown {
  const n = Number(text.replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

function patchOf(edits: Edits) {
  return {
    rules: Object.fromEntries(
      Object.entries(edits).map(([rule, params]) => {
        // A ratio rule's target follows its threshold, so the score and the status say the same.
        const target = typeof params.perWeek === 'number' ? params.perWeek : undefined;
        return [rule, { params, ...(target !== undefined ? { scoring: { type: 'ratio', target } } : {}) }];
      }),
    ),
  };
}

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

function Editor({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const client = useQueryClient();
  const url = apiUrl('GET /api/methodology/workshop/:id', { params: { id } });
  const version = useApi(url);
  const [edits, setEdits] = useState<Edits>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [period, setPeriod] = useState('');
  const draft = version.data?.status === 'draft';
  const changed = Object.keys(edits).length > 0;

  // Lint as the methodologist types: each change is checked on the server, nothing saved.
  useEffect(() => {
    if (!changed || !draft) {
      setProblems([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      callApi('POST /api/methodology/workshop/:id/lint', { params: { id }, body: patchOf(edits) })
        .then((r) => live && setProblems(r.problems))
        .catch(() => live && setProblems([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [edits, changed, draft, id]);

  const refresh = () => client.invalidateQueries();
  const save = useMutation({
    mutationFn: () =>
      callApi('PATCH /api/methodology/workshop/:id', { params: { id }, body: patchOf(edits) }),
    onSuccess: (saved) => {
      client.setQueryData([url], saved);
      setEdits({});
    },
    onError: (error) => {
      if (error instanceof ApiError && Array.isArray(error.details)) setProblems(error.details as Problem[]);
    },
  });
  const tryIt = useMutation({
    mutationFn: () =>
      api.get<Preview>(
        apiUrl('GET /api/methodology/workshop/:id/preview', {
          params: { id },
          query: period ? { period } : {},
        }),
      ),
    onSuccess: setPreview,
  });
  const publish = useMutation({
    mutationFn: () => callApi('POST /api/methodology/workshop/:id/publish', { params: { id } }),
    onSuccess: (published) => {
      client.setQueryData([url], published);
      void refresh();
    },
  });
  const audit = useMutation({
    mutationFn: () =>
      callApi('POST /api/methodology/workshop/:id/audits', {
        params: { id },
        body: period ? { period } : {},
      }),
    onSuccess: () => void refresh(),
  });
  const error = save.error ?? tryIt.error ?? publish.error ?? audit.error;

  return (
    <Loaded query={version} minHeight={300}>
      {(v: Version) => (
        <section aria-labelledby="editor-title" data-testid="workshop-editor">
          <h2 id="editor-title">
            {v.id} · {v.title[lang]}
          </h2>
          <p className="muted" data-testid="workshop-status">
            {t(`workshop.status.${v.status}`)} · {t('workshop.basedOn', { id: v.basedOn })}
          </p>
          <Group header={<Header>{t('workshop.params')}</Header>}>
            <table className="data-table workshop-rules">
              <thead>
                <tr>
                  <th scope="col">{t('workshop.rule')}</th>
                  <th scope="col">{t('workshop.params')}</th>
                </tr>
              </thead>
              <tbody>
                {v.rules
                  .filter((r) => Object.keys(r.params).length > 0)
                  .map((r) => {
                    const ruleProblems = problems.filter((p) => p.rule === r.id);
                    return (
                      <tr key={r.id} data-rule={r.id}>
                        <th scope="row">
                          {r.title[lang]}
                          <div className="muted">{r.id}</div>
                        </th>
                        <td>
                          {Object.entries(r.params).map(([name, value]) => {
                            const edited = edits[r.id]?.[name];
                            const shown = edited ?? value;
                            const inputId = `param-${r.id}-${name}`;
                            return (
                              <FormItem
                                key={name}
                                top={name}
                                htmlFor={inputId}
                                status={
                                  ruleProblems.some((p) => p.field.includes(name)) ? 'error' : 'default'
                                }
                              >
                                <Input
                                  id={inputId}
                                  disabled={!draft}
                                  value={typeof shown === 'object' ? JSON.stringify(shown) : String(shown)}
                                  onChange={(e) =>
                                    setEdits((old) => ({
                                      ...old,
                                      [r.id]: { ...old[r.id], [name]: parsed(e.target.value) },
                                    }))
                                  }
                                />
                              </FormItem>
                            );
                          })}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
            {problems.length > 0 && (
              <FormStatus mode="error" data-testid="lint-problems">
                <ul>
                  {problems.map((p) => (
                    <li key={`${p.rule ?? ''}:${p.field}:${p.message}`}>
                      {p.rule ? `${p.rule}: ` : ''}
                      {p.field}: {p.message}
                    </li>
                  ))}
                </ul>
              </FormStatus>
            )}
          </Group>
          <Group>
            <FormItem top={t('workshop.period')} htmlFor="workshop-period">
              <Input
                id="workshop-period"
                placeholder="2026-10-31..2026-11-29"
                value={period}
                onChange={(e) => setPeriod(e.target.value)}
              />
            </FormItem>
            <div className="actions">
              {draft && (
                <Button
                  onClick={() => save.mutate()}
                  disabled={!changed || problems.length > 0}
                  loading={save.isPending}
                >
                  {t('workshop.save')}
                </Button>
              )}
              <Button
                mode="secondary"
                onClick={() => tryIt.mutate()}
                loading={tryIt.isPending}
                disabled={changed}
              >
                {t('workshop.preview')}
              </Button>
              {draft && (
                <Button
                  mode="secondary"
                  onClick={() => publish.mutate()}
                  loading={publish.isPending}
                  disabled={changed}
                >
                  {t('workshop.publish')}
                </Button>
              )}
              {!draft && (
                <Button onClick={() => audit.mutate()} loading={audit.isPending}>
                  {t('workshop.reaudit')}
                </Button>
              )}
            </div>
            {error && <FormStatus mode="error">{errorText(error)}</FormStatus>}
            {audit.data && (
              <FormStatus mode="default" data-testid="reaudit-done">
                {t('workshop.reaudited', { run: audit.data.runId, pages: audit.data.pages })}
              </FormStatus>
            )}
          </Group>
          {preview && (
            <PreviewTable
              p={preview}
              title={(level) => v.levels.find((l) => l.id === level)?.title[lang] ?? level}
            />
          )}
        </section>
      )}
    </Loaded>
  );
}

function PreviewTable({ p, title }: { p: Preview; title: (level: string) => string }) {
  const { t } = useTranslation();
  return (
    <Group header={<Header>{t('workshop.previewTitle', { before: p.before, after: p.after })}</Header>}>
      <p data-testid="preview-summary">{t('workshop.changed', { changed: p.changed, pages: p.pages })}</p>
      <table className="data-table" data-testid="preview-levels">
        <caption>{t('workshop.levels')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workshop.level')}</th>
            <th scope="col">{p.before}</th>
            <th scope="col">{p.after}</th>
          </tr>
        </thead>
        <tbody>
          {p.levels.map((l) => (
            <tr key={l.id}>
              <th scope="row">{title(l.id)}</th>
              <td>{l.before}</td>
              <td>{l.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-testid="preview-regions">
        <caption>{t('workshop.regions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workshop.region')}</th>
            <th scope="col">{t('workshop.pages')}</th>
            <th scope="col">{t('workshop.changedPages')}</th>
          </tr>
        </thead>
        <tbody>
          {p.regions.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.code}</th>
              <td>{r.pages}</td>
              <td>{r.changed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-testid="preview-rules">
        <caption>{t('workshop.rules')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workshop.rule')}</th>
            <th scope="col">{t('workshop.changedPages')}</th>
            <th scope="col">{t('workshop.passBefore')}</th>
            <th scope="col">{t('workshop.passAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rules.map((r) => (
            <tr key={r.rule}>
              <th scope="row">{r.rule}</th>
              <td>{r.changed}</td>
              <td>{r.passBefore}</td>
              <td>{r.passAfter}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Group>
  );
}
