// The signed-in app as one lazily loaded chunk: the shell (navigation) around the routes.
import type { Me } from '../../../src/auth/auth.contract.ts';
import { AppRoutes } from './routes.tsx';
import { Shell } from './Shell.tsx';

export function SignedApp({
  me,
  scheme,
  onScheme,
}: {
  me: Me;
  scheme: 'light' | 'dark';
  onScheme: (s: 'light' | 'dark') => void;
}) {
  return (
    <Shell me={me} scheme={scheme} onScheme={onScheme}>
      <AppRoutes me={me} />
    </Shell>
  );
}
