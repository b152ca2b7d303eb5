// The page's contributors (pupils and teachers who propose drafts): invite one — an account whose password is
// shown once, to hand over — or disable one; and, for the municipality, whether it approves this page's posts.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, FormItem, FormStatus, Group, Header, Input, NativeSelect } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import { ApiError, api } from '../../lib/api.ts';
import { apiUrl } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { useApi } from '../../lib/queries.ts';

type Contributor = {
  id: number;
  userId: number;
  login: string;
  name: string;
  kind: string;
  disabled: boolean;
};

export function ContributorsPanel({ pageId, me }: { pageId: number; me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const url = apiUrl('GET /api/planner/pages/:pageId/contributors', { params: { pageId } });
  const list = useApi<{ items: Contributor[] }>(url);
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'pupil' | 'teacher'>('pupil');
  const invite = useMutation({
    mutationFn: () => api.post<{ login: string; password: string | null }>(url, { login, name, kind }),
    onSuccess: () => {
      setLogin('');
      setName('');
      client.invalidateQueries({ queryKey: [url] });
    },
  });
  const remove = useMutation({
    mutationFn: (userId: number) => api.delete(`${url}/${userId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: [url] }),
  });
  const [approval, setApproval] = useState<boolean | null>(null);
  const settings = useMutation({
    mutationFn: (on: boolean) =>
      api.put<{ municipalityApproval: boolean }>(
        apiUrl('PUT /api/planner/pages/:pageId/settings', { params: { pageId } }),
        {
          municipalityApproval: on,
        },
      ),
    onSuccess: (r) => setApproval(r.municipalityApproval),
  });
  return (
    <Group header={<Header>{t('planner.contributors')}</Header>} data-testid="contributors">
      <ul className="compact-list">
        {(list.data?.items ?? []).length === 0 && <li className="muted">{t('planner.contributor.none')}</li>}
        {(list.data?.items ?? []).map((c) => (
          <li key={c.id}>
            <span translate="no">{c.name}</span> (<span translate="no">{c.login}</span>,{' '}
            {t(`planner.contributor.${c.kind}`)}){' '}
            {!c.disabled && (
              <Button mode="tertiary" size="s" onClick={() => remove.mutate(c.userId)}>
                {t('planner.contributor.remove')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="actions group-body"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <FormItem top={t('planner.contributor.login')} htmlFor="c-login">
          <Input
            id="c-login"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            required
            minLength={3}
          />
        </FormItem>
        <FormItem top={t('planner.contributor.name')} htmlFor="c-name">
          <Input id="c-name" value={name} onChange={(e) => setName(e.target.value)} required minLength={2} />
        </FormItem>
        <FormItem top={t('planner.contributor.kind')} htmlFor="c-kind">
          <NativeSelect
            id="c-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as 'pupil' | 'teacher')}
          >
            <option value="pupil">{t('planner.contributor.pupil')}</option>
            <option value="teacher">{t('planner.contributor.teacher')}</option>
          </NativeSelect>
        </FormItem>
        <Button type="submit" size="m" mode="secondary" loading={invite.isPending}>
          {t('planner.contributor.invite')}
        </Button>
      </form>
      {invite.data?.password && (
        <p role="status" className="group-body" data-testid="contributor-password">
          {t('planner.contributor.password', { login: invite.data.login, password: invite.data.password })}
        </p>
      )}
      {me.scope.level !== 'institution' && (
        <div className="group-body">
          <Checkbox checked={approval ?? false} onChange={(e) => settings.mutate(e.target.checked)}>
            {t('planner.municipalityApproval')}
          </Checkbox>
        </div>
      )}
      {[invite.error, remove.error, settings.error]
        .filter((e): e is ApiError => e instanceof ApiError)
        .map((e) => (
          <FormStatus key={e.message} mode="error">
            {errorText(e)}
          </FormStatus>
        ))}
    </Group>
  );
}
