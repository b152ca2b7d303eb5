// One seminar: what, when (in its region's time), where, who runs it and the programme; then what the caller
// may do — a page admin registers, downloads the certificate and gives feedback; an organiser sees the audience
// its rule selects and invites it, marks attendance (or uploads the list), adds materials and calls it off —
// and for everyone, the measured effect.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormItem, FormStatus, Group, Header, Input, SimpleCell } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import type { SeminarDetail } from '../../../../src/training/training.contract.ts';
import { Loaded } from '../../components/StateView.tsx';
import { apiUrl, callApi } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { zonedTime, zoneName } from '../../lib/format.ts';
import { useApi, useMethodologyTitles } from '../../lib/queries.ts';
import { AttendeePanel } from './AttendeePanel.tsx';
import { SeminarEffect } from './EffectPanel.tsx';
import { OrganiserPanel } from './OrganiserPanel.tsx';

export function SeminarPage({ me }: { me: Me }) {
  const { id } = useParams();
  const seminar = useApi(apiUrl('GET /api/seminars/:id', { params: { id: Number(id) } }));
  return (
    <Loaded query={seminar} minHeight={500}>
      {(s) => <SeminarView s={s} me={me} />}
    </Loaded>
  );
}

function SeminarView({ s, me }: { s: SeminarDetail; me: Me }) {
  const { t } = useTranslation();
  const titleOf = useMethodologyTitles();
  const manage = s.canManage && me.permissions.includes('seminars.manage');
  return (
    <article aria-labelledby="seminar-title">
      <h1 id="seminar-title" className="page-title">
        {s.title}
      </h1>
      <p className="muted">
        <span className="badge" data-testid="seminar-status">
          {t(`seminars.status.${s.status}`)}
        </span>{' '}
        {t('seminars.seats', { taken: s.counts.registered ?? 0, capacity: s.capacity })}
      </p>
      <Group>
        <SimpleCell multiline subtitle={t('seminars.when')}>
          {t('seminars.localTime', { time: zonedTime(s.startsAt, s.timezone), zone: zoneName(s.timezone) })}
        </SimpleCell>
        <SimpleCell multiline subtitle={t('seminars.where')}>
          {t(`seminars.format.${s.format}`)}
          {s.place ? ': ' : ''}
          {s.place ? <span translate="no">{s.place}</span> : null}
          {s.link && (
            <>
              {' · '}
              <a href={s.link} target="_blank" rel="noreferrer">
                {t('seminars.join')}
              </a>
            </>
          )}
        </SimpleCell>
        <SimpleCell multiline subtitle={t('seminars.organiser')}>
          {t(`seminars.organiserKind.${s.organiserKind}`)}: <span translate="no">{s.organiser}</span>
        </SimpleCell>
        {s.trainers.length > 0 && (
          <SimpleCell multiline subtitle={t('seminars.trainers')}>
            <span translate="no">{s.trainers.join(', ')}</span>
          </SimpleCell>
        )}
        <SimpleCell multiline subtitle={t('seminars.programme')}>
          {s.programme.map(titleOf).join(' · ')}
        </SimpleCell>
      </Group>
      {me.scope.level === 'institution' && me.scope.institutionId && (
        <AttendeePanel s={s} me={me} institutionId={me.scope.institutionId} />
      )}
      {/* Measured once it was held: against the audit after it. */}
      {s.status === 'done' && <SeminarEffect seminarId={s.id} ready={s.effectReady} />}
      <Materials s={s} manage={manage} />
      {manage && <OrganiserPanel s={s} />}
    </article>
  );
}

function Materials({ s, manage }: { s: SeminarDetail; manage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = () =>
    client.invalidateQueries({ queryKey: [apiUrl('GET /api/seminars/:id', { params: { id: s.id } })] });
  const add = useMutation({
    mutationFn: (body: { title: string; url: string }) =>
      callApi('POST /api/seminars/:id/materials', { params: { id: s.id }, body }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (materialId: number) =>
      callApi('DELETE /api/seminars/:id/materials/:materialId', { params: { id: s.id, materialId } }),
    onSuccess: refresh,
  });
  return (
    <Group header={<Header>{t('seminars.materials')}</Header>}>
      {s.materials.length === 0 && <p className="muted group-body">{t('seminars.noMaterials')}</p>}
      <ul className="compact-list" data-testid="materials">
        {s.materials.map((m) => (
          <li key={m.id}>
            <a href={m.url} target="_blank" rel="noreferrer">
              {m.title}
            </a>{' '}
            {manage && (
              <Button mode="tertiary" size="s" onClick={() => remove.mutate(m.id)}>
                {t('seminars.remove')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {manage && (
        <form
          className="actions group-body"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            add.mutate({ title: String(form.get('title')), url: String(form.get('url')) });
            e.currentTarget.reset();
          }}
        >
          <FormItem top={t('seminars.materialTitle')} htmlFor="material-title">
            <Input id="material-title" name="title" required minLength={2} />
          </FormItem>
          <FormItem top={t('seminars.materialUrl')} htmlFor="material-url">
            <Input id="material-url" name="url" type="url" required />
          </FormItem>
          <Button type="submit" size="s" mode="secondary">
            {t('seminars.addMaterial')}
          </Button>
        </form>
      )}
      {add.error && <FormStatus mode="error">{errorText(add.error)}</FormStatus>}
    </Group>
  );
}
