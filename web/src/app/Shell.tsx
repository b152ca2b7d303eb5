// The frame of every signed-in screen: the header with navigation, language and theme switches and sign-out,
// then the screen itself. On a phone the navigation becomes a scrolling row under the header.

import { useQuery } from '@tanstack/react-query';
import { Button } from '@vkontakte/vkui';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import type { Me } from '../../../src/auth/auth.contract.ts';
import { api } from '../lib/api.ts';
import { apiUrl, type Reply } from '../lib/client.ts';
import { homeUnitPath, isPageAdmin, useSignOut } from '../lib/session.ts';
import { LangSwitch } from './LangSwitch.tsx';

export function Shell({
  me,
  scheme,
  onScheme,
  children,
}: {
  me: Me;
  scheme: 'light' | 'dark';
  onScheme: (s: 'light' | 'dark') => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  const can = (permission: string) => me.permissions.includes(permission);
  const links = [
    { to: '/', label: t('nav.home'), end: true, show: can('data.read') },
    {
      to: homeUnitPath(me),
      label: me.scope.level === 'country' ? t('nav.country') : t('nav.area'),
      end: false,
      show: can('data.read') && !isPageAdmin(me),
    },
    { to: '/pages', label: t('nav.pages'), end: false, show: can('data.read') },
    { to: '/inbox', label: t('inbox.nav'), end: false, show: can('comments.read') },
    {
      to: '/planner',
      label: t('planner.nav'),
      end: false,
      show: can('drafts.manage') || can('drafts.propose'),
    },
    { to: '/registry/upload', label: t('nav.upload'), end: false, show: can('registry.import') },
    { to: '/seminars', label: t('seminars.nav'), end: false, show: can('data.read') },
    { to: '/methodology', label: t('nav.methodology'), end: false, show: can('methodology.read') },
    { to: '/workshop', label: t('workshop.nav'), end: false, show: can('methodology.edit') },
  ].filter((l) => l.show);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          {t('app.name')}
        </NavLink>
        <nav aria-label={t('nav.home')} className="topnav">
          {links.map((l) => (
            <NavLink
              key={l.to}
              to={l.to}
              end={l.end}
              className={({ isActive }) => (isActive ? 'active' : undefined)}
            >
              {l.label}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-actions">
          <NotificationBell />
          <LangSwitch />
          <Button
            mode="tertiary"
            size="s"
            data-testid="theme-switch"
            onClick={() => onScheme(scheme === 'light' ? 'dark' : 'light')}
          >
            {scheme === 'light' ? t('nav.theme.dark') : t('nav.theme.light')}
          </Button>
          <span
            className="who"
            translate="no"
            title={t(`nav.roles.${me.role}`, { defaultValue: '' }) || undefined}
          >
            {me.login}
          </span>
          <Button
            mode="secondary"
            size="s"
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/') })}
          >
            {t('nav.logout')}
          </Button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="content">
        {children}
      </main>
    </div>
  );
}

/** The link to the notifications, with the unread count (checked every minute). */
function NotificationBell() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: [apiUrl('GET /api/notifications')],
    queryFn: () => api.get<Reply<'GET /api/notifications'>>(apiUrl('GET /api/notifications')),
    refetchInterval: 60_000,
  });
  const count = unread.data?.unread ?? 0;
  return (
    <NavLink to="/notifications" className="bell" data-testid="notification-bell">
      {t('notifications.nav')}
      {count > 0 && (
        <>
          <span className="bell-count" aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden">{t('notifications.unread', { count })}</span>
        </>
      )}
    </NavLink>
  );
}
