// The public check of a certificate: anyone with its code (printed on the PDF, with this page's address) sees
// the seminar, its date and the institution, and nothing about any person. Needs no sign-in.
import { Button, FormItem, Group, Input, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LangSwitch } from '../../app/LangSwitch.tsx';
import { Loaded } from '../../components/StateView.tsx';
import { ApiError } from '../../lib/api.ts';
import { apiUrl } from '../../lib/client.ts';
import { zonedTime } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';

export function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const valid = /^[0-9a-f]{12}$/i.test(code);
  const certificate = useApi(valid ? apiUrl('GET /api/certificates/:code', { params: { code } }) : null);
  return (
    <main id="main" className="content verify">
      <div className="actions">
        <h1 className="page-title">{t('verify.title')}</h1>
        <LangSwitch />
      </div>
      <Group>
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/verify/${typed.trim().toUpperCase()}`);
          }}
        >
          <FormItem top={t('verify.code')} htmlFor="verify-code">
            <Input id="verify-code" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={12} />
          </FormItem>
          <Button type="submit" size="m">
            {t('verify.check')}
          </Button>
        </form>
      </Group>
      {code &&
        (!valid || (certificate.error instanceof ApiError && certificate.error.status === 404) ? (
          <p role="status" data-testid="verify-result">
            {t('verify.invalid')}
          </p>
        ) : (
          <Loaded query={certificate} minHeight={160}>
            {(c) => (
              <Group>
                <p role="status" data-testid="verify-result" className="effect-line">
                  ✓ {t('verify.valid')}: {c.code}
                </p>
                <SimpleCell multiline subtitle={t('verify.seminar')}>
                  {c.seminar} ({c.organiser})
                </SimpleCell>
                <SimpleCell multiline subtitle={t('verify.date')}>
                  {zonedTime(c.date, c.timezone)}
                </SimpleCell>
                <SimpleCell multiline subtitle={t('verify.institution')}>
                  {c.institution}
                </SimpleCell>
              </Group>
            )}
          </Loaded>
        ))}
    </main>
  );
}
