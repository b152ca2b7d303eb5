// The app's routes; every view's state (unit, filters, sort, page) is in its URL, so any view can be shared.
import { Route, Routes } from 'react-router';
import { Failed } from '../components/StateView.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { InboxPage } from '../features/inbox/InboxPage.tsx';
import { MethodologyPage } from '../features/methodology/MethodologyPage.tsx';
import { PagesListPage } from '../features/pages/PagesListPage.tsx';
import { PlannerHome } from '../features/planner/PlannerHome.tsx';
import { PlannerPage } from '../features/planner/PlannerPage.tsx';
import { ReviewPage } from '../features/planner/ReviewPage.tsx';
import { SyndicationPage, SyndicationStatusPage } from '../features/planner/SyndicationPage.tsx';
import { UploadPage } from '../features/registry/UploadPage.tsx';
import { PageReportPage } from '../features/report/PageReportPage.tsx';
import { NotificationsPage } from '../features/training/NotificationsPage.tsx';
import { SeminarForm } from '../features/training/SeminarForm.tsx';
import { SeminarPage } from '../features/training/SeminarPage.tsx';
import { SeminarsPage } from '../features/training/SeminarsPage.tsx';
import { UnitPage } from '../features/units/UnitPage.tsx';
import { ApiError } from '../lib/api.ts';
import type { Me } from '../lib/types.ts';

export function AppRoutes({ me }: { me: Me }) {
  return (
    <Routes>
      <Route path="/" element={<HomePage me={me} />} />
      <Route path="/units/:level/:key?" element={<UnitPage me={me} />} />
      <Route path="/pages" element={<PagesListPage me={me} />} />
      <Route path="/pages/:id" element={<PageReportPage />} />
      <Route path="/methodology/:version?" element={<MethodologyPage />} />
      <Route path="/registry/upload" element={<UploadPage />} />
      <Route path="/inbox" element={<InboxPage me={me} />} />
      <Route path="/seminars" element={<SeminarsPage me={me} />} />
      <Route path="/seminars/new" element={<SeminarForm me={me} />} />
      <Route path="/seminars/:id" element={<SeminarPage me={me} />} />
      <Route path="/notifications" element={<NotificationsPage />} />
      <Route path="/planner" element={<PlannerHome me={me} />} />
      <Route path="/planner/review" element={<ReviewPage />} />
      <Route path="/planner/syndication" element={<SyndicationPage me={me} />} />
      <Route path="/planner/syndication/:id" element={<SyndicationStatusPage />} />
      <Route path="/planner/:pageId" element={<PlannerPage me={me} />} />
      <Route path="*" element={<Failed error={new ApiError(404, 'NOT_FOUND', 'not found')} />} />
    </Routes>
  );
}
