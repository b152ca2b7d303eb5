// Sign-in by login and password; errors said plainly, the form usable by keyboard alone.
import { Button, FormItem, FormStatus, Group, Input } from '@vkontakte/vkui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../../app/LangSwitch.tsx';
import { ApiError } from '../../lib/api.ts';
import { useSignIn } from '../../lib/session.ts';

export function LoginPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ login, password });
  };
  const error = signIn.error;
  return (
    <div className="login-panel">
      <p className="brand">{t('app.name')}</p>
      <Group>
        <form onSubmit={submit} aria-labelledby="login-title" className="login-form">
          <h1 id="login-title" className="page-title">
            {t('login.title')}
          </h1>
          <p className="muted">{t('app.tagline')}</p>
          {error && (
            <FormStatus mode="error" role="alert">
              {error instanceof ApiError && error.status === 429 ? t('login.locked') : t('login.failed')}
            </FormStatus>
          )}
          <FormItem top={t('login.login')} htmlFor="login">
            <Input
              id="login"
              name="login"
              autoComplete="username"
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              required
            />
          </FormItem>
          <FormItem top={t('login.password')} htmlFor="password">
            <Input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </FormItem>
          <FormItem>
            <Button type="submit" size="l" stretched loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </FormItem>
        </form>
      </Group>
      <LangSwitch />
    </div>
  );
}
