// An organiser's side of a seminar: the audience its rule selects (size first, before anyone is invited), the
// invitations, the participants with attendance to mark (or to take from an uploaded list), the feedback, and
// calling the seminar off.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormItem, FormStatus, Group, Header } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeminarDetail } from '../../../../src/training/training.contract.ts';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { Loaded } from '../../components/StateView.tsx';
import { apiUrl, callApi } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { num } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';

const ROWS = 25;

export function OrganiserPanel({ s }: { s: SeminarDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = () =>
    client.invalidateQueries({
      predicate: (q) => String(q.queryKey[0]).startsWith(apiUrl('GET /api/seminars')),
    });
  const audience = useApi(apiUrl('GET /api/seminars/:id/audience', { params: { id: s.id } }));
  const invite = useMutation({
    mutationFn: () => callApi('POST /api/seminars/:id/invite', { params: { id: s.id } }),
    onSuccess: refresh,
  });
  const callOff = useMutation({
    mutationFn: () => callApi('POST /api/seminars/:id/call-off', { params: { id: s.id } }),
    onSuccess: refresh,
  });
  const rule = [
    ...(s.audience.levels ?? []).map((l) => t(`level.${l}`)),
    ...(s.audience.failingRules ?? []),
    ...(s.audience.kinds ?? []).map((k) => t(`kind.${k}`)),
  ].join(', ');
  return (
    <>
      {s.status === 'planned' && (
        <Group
          header={
            <Header subtitle={`${t('seminars.audienceRule')}: ${rule || '—'}`}>
              {t('seminars.audience')}
            </Header>
          }
        >
          <Loaded query={audience} minHeight={120}>
            {(data) => (
              <>
                <p className="group-body" data-testid="audience-count">
                  {t('seminars.audienceCount', { count: data.total })}
                </p>
                <ul className="compact-list">
                  {data.items.slice(0, 10).map((a) => (
                    <li key={a.institutionId}>
                      {a.short_name ?? a.full_name} <LevelBadge level={a.level} /> {num(a.total)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Loaded>
          {s.status === 'planned' && (
            <div className="actions">
              <Button
                size="m"
                loading={invite.isPending}
                onClick={() => invite.mutate()}
                data-testid="invite"
              >
                {t('seminars.invite')}
              </Button>
              {invite.data && (
                <span role="status">{t('seminars.invited', { count: invite.data.invited })}</span>
              )}
            </div>
          )}
        </Group>
      )}
      <Participants s={s} onChange={refresh} />
      <UploadAttendance s={s} onChange={refresh} />
      <Feedback seminarId={s.id} />
      {s.status === 'planned' && (
        <Group>
          <div className="actions">
            <Button mode="secondary" appearance="negative" size="m" onClick={() => callOff.mutate()}>
              {t('seminars.callOff')}
            </Button>
            {callOff.data && (
              <span role="status">{t('seminars.calledOff', { count: callOff.data.notified })}</span>
            )}
          </div>
          {callOff.error && <FormStatus mode="error">{errorText(callOff.error)}</FormStatus>}
        </Group>
      )}
    </>
  );
}

function Participants({ s, onChange }: { s: SeminarDetail; onChange: () => void }) {
  const { t } = useTranslation();
  const [marked, setMarked] = useState<Set<number>>(
    () => new Set(s.enrolments.filter((e) => e.attended).map((e) => e.institutionId)),
  );
  const save = useMutation({
    mutationFn: () =>
      callApi('POST /api/seminars/:id/attendance', {
        params: { id: s.id },
        body: { institutionIds: [...marked] },
      }),
    onSuccess: onChange,
  });
  const counts = s.counts;
  const [all, setAll] = useState(false);
  // Those who may attend first; a long list shows its first rows until asked for all.
  const order = { registered: 0, waitlisted: 1, invited: 2, cancelled: 3 } as Record<string, number>;
  const sorted = [...s.enrolments].sort((a, b) => (order[a.status] ?? 4) - (order[b.status] ?? 4));
  const shown = all ? sorted : sorted.slice(0, ROWS);
  return (
    <Group
      header={
        <Header
          subtitle={(['invited', 'registered', 'waitlisted', 'attended'] as const)
            .map((k) => `${t(`seminars.enrolment.${k}`)}: ${counts[k] ?? 0}`)
            .join(' · ')}
        >
          {t('seminars.enrolments')}
        </Header>
      }
    >
      {s.enrolments.length === 0 ? (
        <p className="muted group-body">{t('seminars.noEnrolments')}</p>
      ) : (
        // A table wider than a phone scrolls in its box; with nothing to focus inside, the box itself takes focus
        // so a keyboard can scroll it.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-wrap" tabIndex={0} aria-label={t('seminars.enrolments')}>
          <table className="data-table" data-testid="enrolments">
            <thead>
              <tr>
                <th scope="col">{t('seminars.enrolments')}</th>
                <th scope="col">{t('seminars.inn')}</th>
                <th scope="col">{t('seminars.statusColumn')}</th>
                <th scope="col">{t('seminars.enrolment.attended')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.institutionId}>
                  <td>{e.name}</td>
                  <td>{e.inn}</td>
                  <td>{t(`seminars.enrolment.${e.status}`)}</td>
                  <td>
                    {e.status === 'registered' ? (
                      <input
                        type="checkbox"
                        aria-label={`${t('seminars.enrolment.attended')}: ${e.name}`}
                        checked={marked.has(e.institutionId)}
                        onChange={(ev) => {
                          const next = new Set(marked);
                          if (ev.target.checked) next.add(e.institutionId);
                          else next.delete(e.institutionId);
                          setMarked(next);
                        }}
                      />
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {sorted.length > ROWS && !all && (
        <div className="actions group-body">
          <Button mode="tertiary" size="s" onClick={() => setAll(true)}>
            {t('seminars.showAll', { count: sorted.length })}
          </Button>
        </div>
      )}
      {s.enrolments.some((e) => e.status === 'registered') && (
        <div className="actions">
          <Button
            size="m"
            onClick={() => save.mutate()}
            loading={save.isPending}
            data-testid="save-attendance"
          >
            {t('seminars.saveAttendance')}
          </Button>
          {save.data && (
            <span role="status">{t('seminars.attendanceSaved', { count: save.data.attended })}</span>
          )}
        </div>
      )}
      {save.error && <FormStatus mode="error">{errorText(save.error)}</FormStatus>}
    </Group>
  );
}

function UploadAttendance({ s, onChange }: { s: SeminarDetail; onChange: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: (dryRun: boolean) => {
      const form = new FormData();
      form.set('file', file as File);
      return callApi('POST /api/seminars/:id/attendance/upload', {
        params: { id: s.id },
        query: dryRun ? { dryRun: '1' } : {},
        body: form,
      });
    },
    onSuccess: (result) => {
      if (result.applied) onChange();
    },
  });
  const result = send.data;
  return (
    <Group header={<Header>{t('seminars.upload')}</Header>}>
      <FormItem top={t('seminars.uploadFile')} htmlFor="attendance-file">
        <input
          id="attendance-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </FormItem>
      <div className="actions">
        <Button size="m" mode="secondary" disabled={!file} onClick={() => send.mutate(true)}>
          {t('seminars.uploadCheck')}
        </Button>
        <Button
          size="m"
          disabled={!file || (result !== undefined && result.problems.length > 0)}
          onClick={() => send.mutate(false)}
        >
          {t('seminars.uploadApply')}
        </Button>
      </div>
      {result && (
        <div role="status">
          <p className="group-body">
            {t('seminars.uploadResult', { rows: result.rows, matched: result.matched })}
          </p>
          {result.problems.length > 0 && (
            <ul className="problems">
              {result.problems.map((p) => (
                <li key={p.path + p.message}>
                  {p.path}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {send.error && <FormStatus mode="error">{errorText(send.error)}</FormStatus>}
    </Group>
  );
}

function Feedback({ seminarId }: { seminarId: number }) {
  const { t } = useTranslation();
  const summary = useApi(apiUrl('GET /api/seminars/:id/feedback', { params: { id: seminarId } }));
  return (
    <Group header={<Header>{t('seminars.feedback')}</Header>}>
      <Loaded query={summary} minHeight={60}>
        {(data) => (
          <>
            <p className="group-body">
              {t('seminars.feedbackSummary', { answers: data.answers, rating: num(data.meanRating) })}
            </p>
            <ul className="compact-list">
              {data.comments.slice(0, 20).map((c) => (
                <li key={c.institutionId}>
                  {c.rating}/5 — {c.comment}
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </Group>
  );
}
