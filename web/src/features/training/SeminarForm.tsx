// Planning a seminar: what, who runs it, when in the region's local time, the format, the seats, and the rule
// that picks its audience (levels, municipalities, kinds, failing rules). Sending it creates the seminar with
// nobody invited yet; its page then shows how many the rule selects.
import { useMutation } from '@tanstack/react-query';
import { Button, FormItem, FormStatus, Group, Input, Select } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiUrl, type Body, callApi } from '../../lib/client.ts';

type SeminarBody = Body<'POST /api/seminars'>;

import type { Me } from '../../../../src/auth/auth.contract.ts';
import { INSTITUTION_KINDS, type InstitutionKind } from '../../../../src/platform/vocabulary.ts';
import { errorText } from '../../lib/errors.ts';
import { useApi, useLevels, useMethodology, useRegions } from '../../lib/queries.ts';

const KINDS = INSTITUTION_KINDS;

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

export function SeminarForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const versionLevels = useLevels();
  const navigate = useNavigate();
  const regions = useRegions();
  const methodology = useMethodology('2023.1');
  const [region, setRegion] = useState(me.scope.regionCode ?? '');
  const municipalities = useApi(
    region ? apiUrl('GET /api/municipalities', { query: { region, size: 100 } }) : null,
  );
  const [format, setFormat] = useState<'online' | 'in_person'>('online');
  const [programme, setProgramme] = useState<string[]>(['activity']);
  const [levels, setLevels] = useState<string[]>(['inactive', 'business_card']);
  const [kinds, setKinds] = useState<InstitutionKind[]>([]);
  const [audienceMunicipalities, setAudienceMunicipalities] = useState<number[]>(
    me.scope.municipalityId ? [me.scope.municipalityId] : [],
  );
  const create = useMutation({
    mutationFn: (body: SeminarBody) => callApi('POST /api/seminars', { body }),
    onSuccess: ({ id }) => navigate(`/seminars/${id}`),
  });
  const submit = (form: FormData) => {
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const municipality = text('municipality');
    create.mutate({
      title: text('title'),
      programme,
      // The select offers the contract's kinds only; the server checks again.
      organiserKind: text('organiserKind') as SeminarBody['organiserKind'],
      organiser: text('organiser'),
      trainers: text('trainers')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      format,
      ...(format === 'online' ? { link: text('link') } : { place: text('place') }),
      startsLocal: text('startsLocal'),
      durationMinutes: Number(text('duration')),
      regionCode: region,
      ...(municipality ? { municipalityId: Number(municipality) } : {}),
      capacity: Number(text('capacity')),
      audience: {
        levels,
        ...(kinds.length ? { kinds } : {}),
        ...(audienceMunicipalities.length ? { municipalityIds: audienceMunicipalities } : {}),
      },
    });
  };
  const fixedRegion = me.scope.level !== 'country';
  return (
    <section aria-labelledby="seminar-form-title">
      <h1 id="seminar-form-title" className="page-title">
        {t('seminars.plan')}
      </h1>
      <Group>
        <form
          data-testid="seminar-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit(new FormData(e.currentTarget));
          }}
        >
          <FormItem top={t('seminars.form.title')} htmlFor="s-title" required>
            <Input id="s-title" name="title" required minLength={3} maxLength={300} />
          </FormItem>
          <div className="form-grid">
            <FormItem top={t('seminars.form.organiserKind')} htmlFor="s-kind">
              <Select
                id="s-kind"
                name="organiserKind"
                defaultValue="regional_centre"
                options={(['regional_centre', 'dialog', 'ministry'] as const).map((k) => ({
                  label: t(`seminars.organiserKind.${k}`),
                  value: k,
                }))}
              />
            </FormItem>
            <FormItem top={t('seminars.form.organiser')} htmlFor="s-organiser" required>
              <Input id="s-organiser" name="organiser" required minLength={2} />
            </FormItem>
            <FormItem top={t('seminars.form.trainers')} htmlFor="s-trainers">
              <Input id="s-trainers" name="trainers" />
            </FormItem>
            <FormItem top={t('seminars.form.format')} htmlFor="s-format">
              <Select
                id="s-format"
                value={format}
                onChange={(e) => setFormat(e.target.value as 'online' | 'in_person')}
                options={(['online', 'in_person'] as const).map((f) => ({
                  label: t(`seminars.format.${f}`),
                  value: f,
                }))}
              />
            </FormItem>
            {format === 'online' ? (
              <FormItem top={t('seminars.form.link')} htmlFor="s-link" required>
                <Input id="s-link" name="link" type="url" required />
              </FormItem>
            ) : (
              <FormItem top={t('seminars.form.place')} htmlFor="s-place" required>
                <Input id="s-place" name="place" required minLength={2} />
              </FormItem>
            )}
            <FormItem top={t('seminars.form.startsLocal')} htmlFor="s-starts" required>
              <Input id="s-starts" name="startsLocal" type="datetime-local" required />
            </FormItem>
            <FormItem top={t('seminars.form.duration')} htmlFor="s-duration">
              <Input id="s-duration" name="duration" type="number" min={15} max={720} defaultValue={90} />
            </FormItem>
            <FormItem top={t('seminars.form.capacity')} htmlFor="s-capacity">
              <Input id="s-capacity" name="capacity" type="number" min={1} max={10000} defaultValue={30} />
            </FormItem>
            <FormItem top={t('seminars.form.region')} htmlFor="s-region">
              <Select
                id="s-region"
                value={region}
                disabled={fixedRegion}
                onChange={(e) => {
                  setRegion(e.target.value);
                  setAudienceMunicipalities([]);
                }}
                placeholder="—"
                options={(regions.data?.items ?? []).map((r) => ({
                  label: i18n.language === 'en' ? r.nameEn : r.nameRu,
                  value: r.code,
                }))}
              />
            </FormItem>
            <FormItem top={t('seminars.form.municipality')} htmlFor="s-municipality">
              <Select
                id="s-municipality"
                name="municipality"
                defaultValue={me.scope.municipalityId ? String(me.scope.municipalityId) : ''}
                disabled={me.scope.level === 'municipality'}
                options={[
                  ...(me.scope.level === 'municipality'
                    ? []
                    : [{ label: t('seminars.form.wholeRegion'), value: '' }]),
                  ...(municipalities.data?.items ?? []).map((m) => ({ label: m.name, value: String(m.id) })),
                ]}
              />
            </FormItem>
          </div>
          <FormItem top={t('seminars.programme')}>
            <div className="checks">
              {(methodology.data?.categories ?? []).map((c) => (
                <label key={c.id} className="check">
                  <input
                    type="checkbox"
                    checked={programme.includes(c.id)}
                    onChange={(e) => setProgramme(toggle(programme, c.id, e.target.checked))}
                  />{' '}
                  {c.title}
                </label>
              ))}
            </div>
          </FormItem>
          <FormItem top={t('seminars.form.audienceLevels')}>
            <div className="checks" data-testid="audience-levels">
              {[...versionLevels.values()].map((l) => (
                <label key={l.id} className="check">
                  <input
                    type="checkbox"
                    value={l.id}
                    checked={levels.includes(l.id)}
                    onChange={(e) => setLevels(toggle(levels, l.id, e.target.checked))}
                  />{' '}
                  {l.title}
                </label>
              ))}
            </div>
          </FormItem>
          <FormItem top={t('seminars.form.audienceKinds')}>
            <div className="checks">
              {KINDS.map((k) => (
                <label key={k} className="check">
                  <input
                    type="checkbox"
                    checked={kinds.includes(k)}
                    onChange={(e) => setKinds(toggle(kinds, k, e.target.checked))}
                  />{' '}
                  {t(`kind.${k}`)}
                </label>
              ))}
            </div>
          </FormItem>
          <FormItem top={t('seminars.form.audienceMunicipalities')}>
            <div className="checks" data-testid="audience-municipalities">
              {(municipalities.data?.items ?? []).map((m) => (
                <label key={m.id} className="check">
                  <input
                    type="checkbox"
                    checked={audienceMunicipalities.includes(m.id)}
                    disabled={me.scope.level === 'municipality'}
                    onChange={(e) =>
                      setAudienceMunicipalities(toggle(audienceMunicipalities, m.id, e.target.checked))
                    }
                  />{' '}
                  {m.name}
                </label>
              ))}
            </div>
          </FormItem>
          <p className="muted">{t('seminars.form.hint')}</p>
          {create.error && <FormStatus mode="error">{errorText(create.error)}</FormStatus>}
          <div className="actions">
            <Button type="submit" size="l" loading={create.isPending} disabled={!region}>
              {t('seminars.form.submit')}
            </Button>
          </div>
        </form>
      </Group>
    </section>
  );
}
