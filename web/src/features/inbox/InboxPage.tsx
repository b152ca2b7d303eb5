// The dialogue inbox as a work queue: the response-time figures of the caller's area (and per unit), filters
// (unanswered, mine, overdue, answered, all; comments, messages or both), and the questions — overdue and oldest
// first — as collapsed rows, one open at a time, with a toast that outlives the row it came from and J/K/Enter/Esc
// on the keyboard. A cheap change mark is polled (0.6 s after each answer), so a question VK pushes shows within a second.

import { useQueryClient } from '@tanstack/react-query';
import { Group, Pagination, Tabs, TabsItem } from '@vkontakte/vkui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import { DebouncedSearch } from '../../components/DebouncedSearch.tsx';
import { InboxFigures } from '../../components/InboxFigures.tsx';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { api, query } from '../../lib/api.ts';
import { apiUrl, type Reply, withSearch } from '../../lib/client.ts';
import { useApi } from '../../lib/queries.ts';
import { FlaggedTexts } from './FlaggedTexts.tsx';
import { OtherNetworkComments } from './OtherNetworkComments.tsx';
import { QueueRow } from './QueueRow.tsx';
import { UnitTable } from './UnitTable.tsx';

const SIZE = 20;
// `escalated`: what moved to the caller's own queue (the municipality's, or the region's) past its deadline.
const FILTERS = ['unanswered', 'mine', 'overdue', 'escalated', 'answered', 'all'] as const;
type Filter = (typeof FILTERS)[number];
const KINDS = ['all', 'comment', 'message'] as const;
type Kind = (typeof KINDS)[number];
// The pause between one answer of the change mark and the next ask: more than the 500 ms of quiet a browser
// counts as "network idle", so a page that polls still settles (measured: a pushed message shows in 0.3–0.4 s).
const POLL_GAP_MS = 600;
const INBOX = apiUrl('GET /api/inbox');

/** Reloads the queue when the server's change mark moves (a comment, a message or a VK event was stored). */
function useLiveQueue() {
  const client = useQueryClient();
  useEffect(() => {
    let seen: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const tick = async () => {
      if (!document.hidden)
        try {
          const { mark } = await api.get<Reply<'GET /api/inbox/changes'>>(apiUrl('GET /api/inbox/changes'));
          if (live && seen !== null && seen !== mark) {
            // The list first (what the admin waits for), then the figures, which take longer to count.
            const key = (q: { queryKey: readonly unknown[] }) => String(q.queryKey[0]);
            await client.invalidateQueries({ predicate: (q) => key(q).startsWith(`${INBOX}?`) });
            void client.invalidateQueries({
              predicate: (q) => key(q).startsWith(INBOX) && !key(q).startsWith(`${INBOX}?`),
            });
          }
          seen = mark;
        } catch {
          // Offline for a moment, or signed out: the next tick tries again.
        }
      if (live) timer = setTimeout(tick, POLL_GAP_MS);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client]);
}

/** The API's query for a queue filter; older links (?status=new…) keep working. */
function filterQuery(filter: Filter, status: string | null, meId: number) {
  if (status && status !== 'all') return { status };
  if (filter === 'unanswered') return { unanswered: 1 };
  if (filter === 'mine') return { assigneeId: meId };
  if (filter === 'overdue') return { overdue: 1 };
  if (filter === 'escalated') return { escalated: 1 };
  if (filter === 'answered') return { status: 'answered' };
  return {};
}

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
  const status = search.get('status');
  const asked = search.get('filter') as Filter | null;
  const filter: Filter =
    asked && FILTERS.includes(asked) ? asked : status === 'all' ? 'all' : status ? 'all' : 'unanswered';
  const view = search.get('view') === 'flags' ? 'flags' : 'questions';
  const page = Number(search.get('page') || 1);
  const canAnswer = me.permissions.includes('comments.answer');
  // Messages are personal data: only those who may answer see them, so the others see comments alone.
  const askedKind = search.get('kind') as Kind | null;
  const kind: Kind = canAnswer ? (askedKind && KINDS.includes(askedKind) ? askedKind : 'all') : 'comment';
  useLiveQueue();
  const list = useApi(
    withSearch(
      INBOX,
      query({
        ...filterQuery(filter, status, me.id),
        kind,
        flagged: search.get('flagged') ? 1 : undefined,
        pageId: search.get('pageId') ?? undefined,
        q: search.get('q') ?? undefined,
        page,
        size: SIZE,
      }),
    ),
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  const listRef = useRef<HTMLUListElement>(null);
  const onKey = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('textarea, input')) return;
    const rows = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.queue-summary') ?? [])];
    const summary = target.closest('.queue-row')?.querySelector<HTMLButtonElement>('.queue-summary');
    const at = summary ? rows.indexOf(summary) : -1;
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      rows[Math.min(rows.length - 1, Math.max(0, at + (e.key === 'j' ? 1 : -1)))]?.focus();
    } else if (e.key === 'Escape' && openId !== null) {
      setOpenId(null);
      rows[at]?.focus();
    }
  };
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title" className="page-title">
        {t('inbox.title')}
      </h1>
      <InboxFigures url={apiUrl('GET /api/inbox/metrics')} />
      <UnitTable />
      <Tabs>
        {(['questions', 'flags'] as const).map((v) => (
          <TabsItem key={v} selected={view === v} onClick={() => set({ view: v === 'questions' ? '' : v })}>
            {t(`inbox.views.${v}`)}
          </TabsItem>
        ))}
      </Tabs>
      <div className="toast" role="status" aria-live="polite">
        {toast}
      </div>
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
            <fieldset className="queue-filters">
              <legend className="sr-only">{t('queue.filterLabel')}</legend>
              {FILTERS.map((f) => (
                <button
                  key={f}
                  type="button"
                  className="chip"
                  aria-pressed={filter === f}
                  onClick={() => set({ filter: f === 'unanswered' ? '' : f, status: '' })}
                >
                  {t(`queue.filters.${f}`)}
                </button>
              ))}
            </fieldset>
            {canAnswer && (
              <fieldset className="queue-filters" data-testid="kind-filter">
                <legend className="sr-only">{t('queue.kindLabel')}</legend>
                {KINDS.map((k) => (
                  <button
                    key={k}
                    type="button"
                    className="chip"
                    aria-pressed={kind === k}
                    onClick={() => set({ kind: k === 'all' ? '' : k })}
                  >
                    {t(`queue.kinds.${k}`)}
                  </button>
                ))}
              </fieldset>
            )}
            <label className="check">
              <input
                type="checkbox"
                checked={!!search.get('flagged')}
                onChange={(e) => set({ flagged: e.target.checked ? '1' : '' })}
              />{' '}
              {t('inbox.flaggedOnly')}
            </label>
          </div>
          <OtherNetworkComments pageId={search.get('pageId')} />
          <Loaded query={list} minHeight={400}>
            {(data) =>
              data.items.length === 0 ? (
                <Empty>{t('inbox.empty')}</Empty>
              ) : (
                <>
                  <p className="muted">{t('list.found', { count: data.total })}</p>
                  <p className="muted queue-keys">{t('queue.shortcuts')}</p>
                  <ul className="inbox" data-testid="inbox-list" ref={listRef} onKeyDown={onKey}>
                    {data.items.map((item) => {
                      const rowKey = `${item.kind}-${item.commentId}`;
                      return (
                        <QueueRow
                          key={rowKey}
                          item={item}
                          open={openId === rowKey}
                          onToggle={() => setOpenId(openId === rowKey ? null : rowKey)}
                          canAnswer={canAnswer}
                          meId={me.id}
                          onDone={(message) => {
                            setOpenId(null);
                            setToast(message);
                          }}
                        />
                      );
                    })}
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
