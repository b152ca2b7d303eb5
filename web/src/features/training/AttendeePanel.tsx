// A page admin's side of a seminar: register (or wait for a seat), cancel, and once attended: the certificate
// and a short feedback form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormItem, FormStatus, Group, Header, NativeSelect, Textarea } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import type { SeminarDetail } from '../../../../src/training/training.contract.ts';
import { ApiError } from '../../lib/api.ts';
import { apiUrl, callApi } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { useApi, useMethodologyTitles } from '../../lib/queries.ts';

export function AttendeePanel({ s, institutionId }: { s: SeminarDetail; me: Me; institutionId: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const mine = s.enrolments.find((e) => e.institutionId === institutionId);
  const refresh = () =>
    client.invalidateQueries({
      predicate: (q) => String(q.queryKey[0]).startsWith(apiUrl('GET /api/seminars')),
    });
  const register = useMutation({
    mutationFn: () =>
      callApi('POST /api/seminars/:id/register', { params: { id: s.id }, body: { institutionId } }),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: () =>
      callApi('POST /api/seminars/:id/cancel', { params: { id: s.id }, body: { institutionId } }),
    onSuccess: refresh,
  });
  const seated = mine?.status === 'registered' || mine?.status === 'waitlisted';
  return (
    <Group
      header={
        <Header>
          {mine?.attended
            ? t('seminars.mine.attended')
            : mine
              ? t(`seminars.mine.${mine.status}`)
              : t('seminars.register')}
        </Header>
      }
    >
      <div className="actions group-body" data-testid="attendee-panel">
        {s.status !== 'planned' ? (
          !mine?.attended && <span className="muted">{t('seminars.closed')}</span>
        ) : seated ? (
          <>
            <span data-testid="my-status">
              {mine?.status === 'waitlisted' ? t('seminars.waitlisted') : t('seminars.registered')}
            </span>
            <Button mode="secondary" size="m" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {t('seminars.cancel')}
            </Button>
          </>
        ) : (
          <Button
            size="m"
            loading={register.isPending}
            onClick={() => register.mutate()}
            data-testid="register"
          >
            {t('seminars.register')}
          </Button>
        )}
        {mine?.attended && mine.certificateCode && (
          <>
            <a
              href={apiUrl('GET /api/seminars/:id/certificates/:institutionId', {
                params: { id: s.id, institutionId },
                query: { lang: i18n.language === 'en' ? 'en' : 'ru' },
              })}
              data-testid="certificate-link"
            >
              {t('seminars.certificate')}
            </a>
            <span className="muted">{t('seminars.certificateCode', { code: mine.certificateCode })}</span>
          </>
        )}
      </div>
      {[register.error, cancel.error].map(
        (error, i) =>
          error instanceof ApiError && (
            // biome-ignore lint/suspicious/noArrayIndexKey: two fixed slots.
            <FormStatus key={i} mode="error">
              {errorText(error)}
            </FormStatus>
          ),
      )}
      {mine?.attended && <FeedbackForm s={s} institutionId={institutionId} />}
    </Group>
  );
}

function FeedbackForm({ s, institutionId }: { s: SeminarDetail; institutionId: number }) {
  const { t } = useTranslation();
  const titleOf = useMethodologyTitles();
  const summary = useApi(apiUrl('GET /api/seminars/:id/feedback', { params: { id: s.id } }));
  const mine = summary.data?.mine;
  const [rating, setRating] = useState<string>('');
  const [useful, setUseful] = useState<string[] | null>(null);
  const [comment, setComment] = useState<string | null>(null);
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: () =>
      callApi('POST /api/seminars/:id/feedback', {
        params: { id: s.id },
        body: {
          institutionId,
          rating: Number(rating || mine?.rating || 5),
          useful: useful ?? mine?.useful ?? [],
          comment: comment ?? mine?.comment ?? undefined,
        },
      }),
    onSuccess: () =>
      client.invalidateQueries({
        queryKey: [apiUrl('GET /api/seminars/:id/feedback', { params: { id: s.id } })],
      }),
  });
  const chosen = useful ?? mine?.useful ?? [];
  return (
    <form
      className="group-body"
      data-testid="feedback-form"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <Header>{t('seminars.feedback')}</Header>
      <FormItem top={t('seminars.feedbackRating')} htmlFor="feedback-rating">
        <NativeSelect
          id="feedback-rating"
          value={rating || String(mine?.rating ?? '')}
          onChange={(e) => setRating(e.target.value)}
        >
          <option value="">—</option>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </NativeSelect>
      </FormItem>
      <FormItem top={t('seminars.feedbackUseful')}>
        <div className="checks">
          {s.programme.map((item) => (
            <label key={item} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(item)}
                onChange={(e) =>
                  setUseful(e.target.checked ? [...chosen, item] : chosen.filter((x) => x !== item))
                }
              />{' '}
              {titleOf(item)}
            </label>
          ))}
        </div>
      </FormItem>
      <FormItem top={t('seminars.feedbackComment')} htmlFor="feedback-comment">
        <Textarea
          id="feedback-comment"
          value={comment ?? mine?.comment ?? ''}
          onChange={(e) => setComment(e.target.value)}
          maxLength={2000}
        />
      </FormItem>
      <div className="actions">
        <Button type="submit" size="m" loading={send.isPending} disabled={!rating && !mine}>
          {t('seminars.feedbackSend')}
        </Button>
        {send.isSuccess && <span role="status">{t('seminars.feedbackSaved')}</span>}
      </div>
      {send.error && <FormStatus mode="error">{errorText(send.error)}</FormStatus>}
    </form>
  );
}
