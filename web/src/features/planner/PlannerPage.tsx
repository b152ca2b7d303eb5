// A page's plan as a calendar (month or week, in the region's time): drafts by status, posts already on the
// wall, the school year's events as suggestions, weeks that would miss the methodology's frequency, and the
// period's content mix against its targets. Drafts are dragged to another day to move them; a click opens the
// editor (its address has ?draft=, so it can be shared).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Header, SegmentedControl } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import type { PlanDraft, PlanView } from '../../../../src/planner/planner.contract.ts';
import { Loaded } from '../../components/StateView.tsx';
import { api } from '../../lib/api.ts';
import { plural } from '../../lib/card-model.ts';
import { apiUrl } from '../../lib/client.ts';
import { pct } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';
import { fromZonedInput, toZonedInput, zonedDate } from '../../lib/zoned.ts';
import { BestTimePanel, bestHourOn, nextGoodSlot, useBestTime } from './BestTime.tsx';
import { ContributorsPanel } from './ContributorsPanel.tsx';
import { DraftEditor } from './DraftEditor.tsx';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** The span shown: a month (whole weeks around it) or a week, from the anchor date. */
function spanOf(view: 'month' | 'week', anchor: string) {
  if (view === 'week') {
    const from = mondayOf(anchor);
    return { from, to: addDays(from, 6), gridFrom: from, gridTo: addDays(from, 6) };
  }
  const first = `${anchor.slice(0, 7)}-01`;
  const next = new Date(`${first}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const last = addDays(iso(next), -1);
  return { from: first, to: last, gridFrom: mondayOf(first), gridTo: addDays(mondayOf(last), 6) };
}

export function PlannerPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const pageId = Number(useParams().pageId);
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') === 'week' ? 'week' : 'month';
  const anchor = search.get('date') ?? iso(new Date());
  const span = spanOf(view, anchor);
  const url = apiUrl('GET /api/planner/pages/:pageId/plan', {
    params: { pageId },
    query: { from: span.from, to: span.to },
  });
  const plan = useApi<PlanView>(url);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    setSearch(next);
  };
  const shift = (dir: number) => {
    if (view === 'week') return set({ date: addDays(span.from, 7 * dir) });
    const d = new Date(`${span.from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + dir);
    set({ date: iso(d) });
  };
  const editing = search.get('draft');
  const creating = search.get('new');
  const best = useBestTime(pageId);
  return (
    <Loaded query={plan} minHeight={600}>
      {(p) => (
        <section aria-labelledby="plan-title">
          <h1 id="plan-title" className="page-title">
            {t('planner.title')}: {p.page.name}
          </h1>
          <div className="actions">
            <SegmentedControl
              className="seminar-views"
              value={view}
              onChange={(v) => set({ view: v === 'week' ? 'week' : null })}
              options={[
                { label: t('planner.month'), value: 'month' },
                { label: t('planner.week'), value: 'week' },
              ]}
            />
            <Button mode="tertiary" size="s" onClick={() => shift(-1)}>
              ‹ {t('planner.prev')}
            </Button>
            <Button mode="tertiary" size="s" onClick={() => set({ date: null })}>
              {t('planner.today')}
            </Button>
            <Button mode="tertiary" size="s" onClick={() => shift(1)}>
              {t('planner.next')} ›
            </Button>
            <Button
              size="m"
              onClick={() => {
                const today = iso(new Date());
                // Best time to post: the next good slot from today, else the first day shown (never the past).
                const good = nextGoodSlot(best.data, today, new Date().getHours());
                set({ new: good?.day ?? [span.from, today].sort().at(-1) ?? span.from, draft: null });
              }}
              data-testid="new-draft"
            >
              {t('planner.newDraft')}
            </Button>
          </div>
          {(editing || creating) && (
            <DraftEditor
              key={editing ?? `new-${creating}`}
              me={me}
              plan={p}
              draftId={editing ? Number(editing) : null}
              day={creating}
              defaultHour={creating ? bestHourOn(best.data, creating) : null}
              onClose={() => set({ draft: null, new: null })}
              onSaved={(id) => set({ draft: String(id), new: null })}
              planUrl={url}
            />
          )}
          <Gaps plan={p} />
          <Calendar
            plan={p}
            gridFrom={span.gridFrom}
            gridTo={span.gridTo}
            month={view === 'month' ? span.from.slice(0, 7) : null}
            planUrl={url}
            onOpen={(id) => set({ draft: String(id), new: null })}
            onAdd={(day) => set({ new: day, draft: null })}
          />
          <Mix plan={p} />
          <BestTimePanel pageId={pageId} />
          {p.canManage && me.permissions.includes('drafts.manage') && (
            <ContributorsPanel pageId={pageId} me={me} />
          )}
        </section>
      )}
    </Loaded>
  );
}

/** A day cell's classes: another month's, today (marked, and named to a screen reader), past (nothing to add). */
function dayProps(day: string, month: string | null, over: string | null) {
  const today = iso(new Date());
  const classes = [
    'month-day',
    month && day.slice(0, 7) !== month ? 'other-month' : '',
    over === day ? 'drop-target' : '',
  ];
  classes.push(day === today ? 'today' : day < today ? 'past' : '');
  return {
    className: classes.filter(Boolean).join(' '),
    'aria-current': day === today ? ('date' as const) : undefined,
  };
}

function Gaps({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  // Weeks still to come (or this one): a past week's gap can no longer be filled.
  const thisWeek = mondayOf(iso(new Date()));
  const gaps = plan.weeks.filter((w) => w.gap > 0 && w.start >= thisWeek && w.start <= plan.to);
  if (gaps.length === 0) return null;
  const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
  return (
    <ul className="plan-gaps" data-testid="plan-gaps">
      {gaps.map((w) => (
        <li key={w.start}>
          {t('planner.gap', {
            date: new Date(`${w.start}T00:00:00Z`).toLocaleDateString(locale, {
              day: 'numeric',
              month: 'long',
              timeZone: 'UTC',
            }),
            count: w.gap,
            posts: plural(w.gap, t('planner.gapPosts'), i18n.language === 'en' ? 'en' : 'ru'),
            target: w.target,
          })}
        </li>
      ))}
    </ul>
  );
}

function Calendar({
  plan,
  gridFrom,
  gridTo,
  month,
  planUrl,
  onOpen,
  onAdd,
}: {
  plan: PlanView;
  gridFrom: string;
  gridTo: string;
  month: string | null;
  planUrl: string;
  onOpen: (id: number) => void;
  onAdd: (day: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const tz = plan.page.timezone;
  const [over, setOver] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: ({ id, plannedAt }: { id: number; plannedAt: number }) =>
      api.post(apiUrl('POST /api/planner/drafts/:id/move', { params: { id } }), { plannedAt }),
    onSuccess: () => client.invalidateQueries({ queryKey: [planUrl] }),
  });
  const drop = (draft: PlanDraft, day: string) => {
    // The same time of day on the new day (10:00 for a draft with no time yet).
    const time = draft.plannedAt ? toZonedInput(draft.plannedAt, tz).slice(11) : '10:00';
    move.mutate({ id: draft.id, plannedAt: fromZonedInput(`${day}T${time}`, tz) });
  };
  const byDay = new Map<string, PlanDraft[]>();
  for (const d of plan.drafts) {
    if (d.plannedAt === null) continue;
    const day = zonedDate(d.plannedAt, tz);
    byDay.set(day, [...(byDay.get(day) ?? []), d]);
  }
  const postsByDay = new Map<string, number>();
  for (const p of plan.posts) {
    const day = zonedDate(p.postedAt, tz);
    postsByDay.set(day, (postsByDay.get(day) ?? 0) + 1);
  }
  const eventsByDay = new Map<string, typeof plan.events>();
  // An event shows on its first day in view (holidays span several days).
  for (const e of plan.events) {
    const first = e.date < gridFrom ? gridFrom : e.date;
    eventsByDay.set(first, [...(eventsByDay.get(first) ?? []), e]);
  }
  const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
  const weekdays = [...Array(7)].map((_, i) =>
    new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' }),
  );
  const days: string[] = [];
  for (let d = gridFrom; d <= gridTo; d = addDays(d, 1)) days.push(d);
  const unplanned = plan.drafts.filter((d) => d.plannedAt === null);
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  return (
    <Group
      header={
        <Header subtitle={plan.canManage ? t('planner.drag') : undefined}>
          {month
            ? new Date(`${month}-01T00:00:00Z`).toLocaleDateString(locale, {
                month: 'long',
                year: 'numeric',
                timeZone: 'UTC',
              })
            : `${plan.from} — ${plan.to}`}
        </Header>
      }
    >
      <div className="month-grid plan-grid" data-testid="plan-calendar">
        {weekdays.map((w) => (
          <div key={w} className="month-weekday">
            {w}
          </div>
        ))}
        {days.map((day) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; by keyboard, a draft moves by its date in the editor.
          <div
            key={day}
            {...dayProps(day, month, over)}
            data-day={day}
            onDragOver={(e) => {
              if (!plan.canManage) return;
              e.preventDefault();
              setOver(day);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(null);
              const id = Number(e.dataTransfer.getData('text/plain'));
              const draft = plan.drafts.find((d) => d.id === id);
              if (draft) drop(draft, day);
            }}
          >
            <span className="month-date">
              {/* The weekday shows only in the phone's agenda, where there is no column header above. */}
              <span className="agenda-weekday">
                {weekdays[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]},{' '}
              </span>
              {Number(day.slice(8))}
              {postsByDay.get(day) ? (
                <span className="posted-count" title={t('planner.posted')}>
                  {' '}
                  · {postsByDay.get(day)} ✓
                </span>
              ) : null}
            </span>
            {(eventsByDay.get(day) ?? []).map((e) => (
              <span key={e.title.ru} className="plan-event">
                {e.title[lang]}
              </span>
            ))}
            {(byDay.get(day) ?? []).map((d) => (
              <button
                type="button"
                key={d.id}
                className={`plan-draft status-${d.status}`}
                draggable={plan.canManage && !['published', 'publishing'].includes(d.status)}
                onDragStart={(e) => e.dataTransfer.setData('text/plain', String(d.id))}
                onClick={() => onOpen(d.id)}
                data-draft={d.id}
              >
                <span className="plan-draft-kind">{t(`planner.kind.${d.kind}`)}</span>{' '}
                <span translate="no">{d.title}</span>
                <span className="visually-hidden"> — {t(`planner.status.${d.status}`)}</span>
              </button>
            ))}
            <button
              type="button"
              className="plan-add"
              onClick={() => onAdd(day)}
              aria-label={t('planner.addOn', {
                date: new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, {
                  day: 'numeric',
                  month: 'long',
                  timeZone: 'UTC',
                }),
              })}
            >
              +
            </button>
          </div>
        ))}
      </div>
      {unplanned.length > 0 && (
        <div className="group-body actions">
          {unplanned.map((d) => (
            <button
              type="button"
              key={d.id}
              className={`plan-draft status-${d.status}`}
              onClick={() => onOpen(d.id)}
              draggable={plan.canManage}
              onDragStart={(e) => e.dataTransfer.setData('text/plain', String(d.id))}
            >
              {d.title}
            </button>
          ))}
        </div>
      )}
      <ul className="plan-legend group-body">
        {(['proposed', 'draft', 'awaiting_municipality', 'scheduled', 'published', 'failed'] as const).map(
          (s) => (
            <li key={s} className={`plan-draft status-${s}`}>
              {t(`planner.status.${s}`)}
            </li>
          ),
        )}
      </ul>
    </Group>
  );
}

function Mix({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const rows = (['posts', 'polls', 'clips', 'videos', 'lives'] as const).map((k) => ({ k, ...plan.mix[k] }));
  return (
    <Group header={<Header>{t('planner.mix')}</Header>}>
      <div className="table-wrap">
        <table className="data-table" data-testid="plan-mix">
          <tbody>
            {rows.map((r) => (
              <tr key={r.k} className={r.target !== null && r.have < r.target ? 'short' : undefined}>
                <th scope="row">{t(`planner.kinds.${r.k}`)}</th>
                <td>
                  {r.target === null ? r.have : t('planner.mixRow', { have: r.have, target: r.target })}
                </td>
              </tr>
            ))}
            {(['rubricShare', 'visualShare'] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{t(`planner.kinds.${k}`)}</th>
                <td>
                  {t('planner.mixShare', { have: pct(plan.mix[k].have), target: pct(plan.mix[k].target) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="group-body">
        <Link to="/methodology">{plan.version}</Link>
      </p>
    </Group>
  );
}
