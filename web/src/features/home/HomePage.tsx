// Home by role: a page admin lands on their page (score, level, trend, what to fix first, content mix,
// unanswered questions, next seminar); an operator on their area (levels, coverage, movers, silent pages,
// overdue answers); a contributor (a pupil or teacher proposing posts) on the planner, all they may use.
import { Navigate } from 'react-router';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import { isPageAdmin } from '../../lib/session.ts';
import { AdminHome } from './AdminHome.tsx';
import { OperatorHome } from './OperatorHome.tsx';

export function HomePage({ me }: { me: Me }) {
  if (!me.permissions.includes('data.read')) return <Navigate to="/planner" replace />;
  return isPageAdmin(me) ? <AdminHome me={me} /> : <OperatorHome me={me} />;
}
