// The dialogue inbox: the response-time figures of the caller's area, then the questions — overdue first —
// with their flags, and the actions on each: take it, answer it on VK, or mark that it needs no answer.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  FormItem,
  FormStatus,
  Group,
  Pagination,
  SegmentedControl,
  Tabs,
  TabsItem,
  Textarea,
} from '@vkontakte/vkui';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DebouncedSearch } from '../../components/DebouncedSearch.tsx';
import { InboxFigures } from '../../components/InboxFigures.tsx';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { api, query } from '../../lib/api.ts';
import { errorText } from '../../lib/errors.ts';
import { useApi } from '../../lib/queries.ts';
import type { FlaggedText, InboxItem, Me, SafetyFlag } from '../../lib/types.ts';

const SIZE = 20;
const STATUSES = ['all', 'new', 'in_progress', 'answered', 'no_answer_needed'] as const;

export function InboxPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('page' in changes)) next.delete('page');
    setSearch(next);
  };
  const status = search.get('status') ?? 'new';
  const view = search.get('view') === 'flags' ? 'flags' : 'questions';
  const page = Number(search.get('page') || 1);
  const list = useApi<{ items: InboxItem[]; total: number }>(
    `/api/inbox${query({
      status: status === 'all' ? undefined : status,
      flagged: search.get('flagged') ? 1 : undefined,
      pageId: search.get('pageId') ?? undefined,
      q: search.get('q') ?? undefined,
      page,
      size: SIZE,
    })}`,
  );
  const canAnswer = me.permissions.includes('comments.answer');
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title" className="page-title">
        {t('inbox.title')}
      </h1>
      <InboxFigures url="/api/inbox/metrics" />
      <Tabs>
        {(['questions', 'flags'] as const).map((v) => (
          <TabsItem key={v} selected={view === v} onClick={() => set({ view: v === 'questions' ? '' : v })}>
            {t(`inbox.views.${v}`)}
          </TabsItem>
        ))}
      </Tabs>
      {view === 'flags' ? (
        <FlaggedTexts canAnswer={canAnswer} pageId={search.get('pageId')} />
      ) : (
        <Group>
          <div className="filters">
            <DebouncedSearch
              value={search.get('q') ?? ''}
              label={t('inbox.search')}
              onChange={(q) => set({ q })}
            />
            <div className="search-row">
              <SegmentedControl
                value={status}
                onChange={(v) => set({ status: String(v) })}
                options={STATUSES.map((s) => ({ label: t(`inbox.status.${s}`), value: s }))}
              />
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={!!search.get('flagged')}
                onChange={(e) => set({ flagged: e.target.checked ? '1' : '' })}
              />{' '}
              {t('inbox.flaggedOnly')}
            </label>
          </div>
          <Loaded query={list} minHeight={400}>
            {(data) =>
              data.items.length === 0 ? (
                <Empty>{t('inbox.empty')}</Empty>
              ) : (
                <>
                  <p className="muted">{t('list.found', { count: data.total })}</p>
                  <ul className="inbox" data-testid="inbox-list">
                    {data.items.map((item) => (
                      <InboxCard key={item.commentId} item={item} canAnswer={canAnswer} meId={me.id} />
                    ))}
                  </ul>
                  {data.total > SIZE && (
                    <Pagination
                      siblingCount={0}
                      boundaryCount={1}
                      currentPage={page}
                      totalPages={Math.ceil(data.total / SIZE)}
                      onChange={(p) => set({ page: String(p) })}
                    />
                  )}
                </>
              )
            }
          </Loaded>
        </Group>
      )}
    </section>
  );
}

/** Flagged posts of the pages and users' comments on them, each flag dismissable as false. */
function FlaggedTexts({ canAnswer, pageId }: { canAnswer: boolean; pageId: string | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const url = `/api/inbox/flags${query({ pageId: pageId ?? undefined })}`;
  const list = useApi<{ items: FlaggedText[] }>(url);
  const dismiss = useMutation({
    mutationFn: ({ item, flag }: { item: FlaggedText; flag: SafetyFlag }) =>
      api.post('/api/inbox/flags/dismiss', {
        pageId: item.pageId,
        targetType: item.target,
        vkId: item.vkId,
        kind: flag.kind,
        text: flag.text,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: [url] }),
  });
  return (
    <Group>
      <Loaded query={list} minHeight={300}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty />
          ) : (
            <ul className="inbox" data-testid="flag-list">
              {data.items.map((item) => (
                <li key={`${item.target}:${item.pageId}:${item.vkId}`} className="inbox-item">
                  <div className="inbox-head">
                    <Link to={`/pages/${item.pageId}`}>{item.institution ?? item.pageId}</Link>
                    <span className="badge">{t(`inbox.target.${item.target}`)}</span>
                    <span className="muted">
                      {t('inbox.visible', { hours: Math.round(item.visibleHours) })}
                    </span>
                  </div>
                  <p className="inbox-text">
                    <Highlighted text={item.text} flags={item.flags} />
                  </p>
                  <FlagList
                    flags={item.flags}
                    onDismiss={canAnswer ? (flag) => dismiss.mutate({ item, flag }) : null}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Group>
  );
}

const when = (unix: number, lang: string) =>
  new Date(unix * 1000).toLocaleString(lang === 'en' ? 'en-GB' : 'ru-RU', {
    dateStyle: 'short',
    timeStyle: 'short',
  });

function InboxCard({ item, canAnswer, meId }: { item: InboxItem; canAnswer: boolean; meId: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  // One key per answer being written: a double click or a retry sends it to VK once.
  const [key] = useState(() => crypto.randomUUID());
  const refresh = () =>
    client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/inbox') });
  const state = useMutation({
    mutationFn: (body: object) => api.post(`/api/inbox/${item.commentId}/state`, body),
    onSuccess: refresh,
  });
  const reply = useMutation({
    mutationFn: () => api.post(`/api/inbox/${item.commentId}/reply`, { text, key }),
    onSuccess: refresh,
  });
  const dismiss = useMutation({
    mutationFn: (flag: SafetyFlag) =>
      api.post(`/api/inbox/${item.commentId}/dismiss-flag`, { kind: flag.kind, text: flag.text }),
    onSuccess: refresh,
  });
  const error = state.error ?? reply.error ?? dismiss.error;
  const open = item.status === 'new' || item.status === 'in_progress';
  return (
    <li
      className="inbox-item"
      data-status={item.status}
      data-overdue={item.overdue}
      data-comment={item.commentId}
    >
      <div className="inbox-head">
        <Link to={`/pages/${item.pageId}`}>{item.institution ?? item.pageUrl}</Link>
        <span className="muted">{when(item.postedAt, i18n.language)}</span>
        <span className={`badge ${item.overdue ? 'badge-late' : ''}`}>
          {item.answeredAt
            ? t('inbox.answeredAt', { date: when(item.answeredAt, i18n.language) })
            : item.overdue
              ? t('inbox.late', { date: when(item.dueAt, i18n.language) })
              : t('inbox.due', { date: when(item.dueAt, i18n.language) })}
        </span>
        <span className="badge">{t(`inbox.status.${item.status}`)}</span>
      </div>
      <p className="inbox-text">
        <Highlighted text={item.text} flags={item.flags} />
      </p>
      {item.reason && <p className="muted">{item.reason}</p>}
      {item.assignee && <p className="muted">{t('inbox.assignee', { who: item.assignee })}</p>}
      {item.flags.length > 0 && (
        <FlagList flags={item.flags} onDismiss={canAnswer ? (flag) => dismiss.mutate(flag) : null} />
      )}
      {error && (
        <FormStatus mode="error" role="alert">
          {errorText(error)}
        </FormStatus>
      )}
      {canAnswer && open && (
        <div className="inbox-actions">
          <FormItem top={t('inbox.reply')} htmlFor={`reply-${item.commentId}`}>
            <Textarea
              id={`reply-${item.commentId}`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={2}
            />
          </FormItem>
          <div className="actions">
            <Button
              mode="primary"
              disabled={!text.trim()}
              loading={reply.isPending}
              onClick={() => reply.mutate()}
            >
              {t('inbox.send')}
            </Button>
            {item.status === 'new' && (
              <Button
                mode="secondary"
                loading={state.isPending}
                onClick={() => state.mutate({ status: 'in_progress', assigneeId: meId })}
              >
                {t('inbox.take')}
              </Button>
            )}
            <Button mode="tertiary" onClick={() => setAsking(!asking)}>
              {t('inbox.noAnswer')}
            </Button>
          </div>
          {asking && (
            <div className="actions">
              <FormItem top={t('inbox.reason')} htmlFor={`reason-${item.commentId}`}>
                <Textarea
                  id={`reason-${item.commentId}`}
                  value={reason}
                  placeholder={t('inbox.reasonPlaceholder')}
                  onChange={(e) => setReason(e.target.value)}
                  rows={1}
                />
              </FormItem>
              <Button
                disabled={!reason.trim()}
                onClick={() => state.mutate({ status: 'no_answer_needed', reason })}
              >
                {t('inbox.confirm')}
              </Button>
            </div>
          )}
        </div>
      )}
      {reply.isSuccess && <FormStatus mode="default">{t('inbox.sent')}</FormStatus>}
    </li>
  );
}

/** Each flag of a text by kind and span; an answerer may dismiss one as false. */
function FlagList({
  flags,
  onDismiss,
}: {
  flags: SafetyFlag[];
  onDismiss: ((flag: SafetyFlag) => void) | null;
}) {
  const { t } = useTranslation();
  return (
    <ul className="flags">
      {flags.map((f) => (
        <li key={`${f.kind}:${f.start}`}>
          <span className="flag">
            {t(`inbox.flag.${f.kind}`)}: «{f.text}»
          </span>
          {onDismiss && (
            <Button size="s" mode="tertiary" onClick={() => onDismiss(f)}>
              {t('inbox.dismiss')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The comment with each flagged span marked. */
function Highlighted({ text, flags }: { text: string; flags: SafetyFlag[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of [...flags].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={`${f.kind}:${f.start}`} title={f.kind}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
