// The app: VKUI's look and adaptivity, TanStack Query for data, the router; the login screen until signed in.

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AdaptivityProvider, AppRoot, ConfigProvider } from '@vkontakte/vkui';
import { useState } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../components/StateView.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { VerifyPage } from '../features/training/VerifyPage.tsx';
import { useMe } from '../lib/session.ts';
import { AppRoutes } from './routes.tsx';
import { Shell } from './Shell.tsx';

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
  // A certificate is checked by anyone, signed in or not.
  if (useLocation().pathname.startsWith('/verify'))
    return (
      <Routes>
        <Route path="/verify/:code?" element={<VerifyPage />} />
      </Routes>
    );
  if (me.isPending) return <Loading minHeight={400} />;
  if (!me.data) return <LoginPage />;
  return (
    <Shell me={me.data} scheme={scheme} onScheme={onScheme}>
      <AppRoutes me={me.data} />
    </Shell>
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
