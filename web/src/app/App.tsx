// The app: VKUI's look and adaptivity, TanStack Query for data, the router; the login screen until signed in.

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AdaptivityProvider, AppRoot, ConfigProvider } from '@vkontakte/vkui';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../components/StateView.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { useMe } from '../lib/session.ts';

// The signed-in app (shell, routes) and the certificate check are chunks of their own: the sign-in screen, the
// first thing most visitors load, carries neither.
const SignedApp = lazy(() => import('./SignedApp.tsx').then((m) => ({ default: m.SignedApp })));
const VerifyPage = lazy(() =>
  import('../features/training/VerifyPage.tsx').then((m) => ({ default: m.VerifyPage })),
);

// The screen a signed-in visitor lands on, asked for together with the shell instead of after it has loaded: one
// round trip less on a slow link (routes.tsx loads the same chunks; a module is fetched once).
const LANDING_SCREENS: [RegExp, () => Promise<unknown>][] = [
  [/^\/$/, () => import('../features/home/HomePage.tsx')],
  [/^\/units\//, () => import('../features/units/UnitPage.tsx')],
  [/^\/pages\/\d+$/, () => import('../features/report/PageReportPage.tsx')],
];

const client = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => count < 2 && !(error as { status?: number }).status,
      staleTime: 30_000,
    },
  },
});

const SCHEME = 'publica.scheme';

function Signed({ scheme, onScheme }: { scheme: 'light' | 'dark'; onScheme: (s: 'light' | 'dark') => void }) {
  const me = useMe();
  const { pathname } = useLocation();
  const signedIn = Boolean(me.data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the landing screen is the one of the first address only
  useEffect(() => {
    if (signedIn) LANDING_SCREENS.find(([path]) => path.test(pathname))?.[1]();
  }, [signedIn]);
  // A certificate is checked by anyone, signed in or not.
  if (pathname.startsWith('/verify'))
    return (
      <Suspense fallback={<Loading minHeight={400} />}>
        <Routes>
          <Route path="/verify/:code?" element={<VerifyPage />} />
        </Routes>
      </Suspense>
    );
  if (me.isPending) return <Loading minHeight={400} />;
  if (!me.data) return <LoginPage />;
  return (
    <Suspense fallback={<Loading minHeight={400} />}>
      <SignedApp me={me.data} scheme={scheme} onScheme={onScheme} />
    </Suspense>
  );
}

export function App() {
  const [scheme, setScheme] = useState<'light' | 'dark'>(() =>
    localStorage.getItem(SCHEME) === 'dark' ? 'dark' : 'light',
  );
  const choose = (s: 'light' | 'dark') => {
    localStorage.setItem(SCHEME, s);
    setScheme(s);
  };
  return (
    <ConfigProvider colorScheme={scheme}>
      <AdaptivityProvider>
        <AppRoot>
          <QueryClientProvider client={client}>
            <BrowserRouter>
              <Signed scheme={scheme} onScheme={choose} />
            </BrowserRouter>
          </QueryClientProvider>
        </AppRoot>
      </AdaptivityProvider>
    </ConfigProvider>
  );
}
