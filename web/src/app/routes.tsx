// The app's routes, each screen loaded lazily; every view's state (unit, filters, sort, page) is in its URL, so any view can be shared.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import type { Me } from '../../../src/auth/auth.contract.ts';
import { Failed, Loading } from '../components/StateView.tsx';
import { ApiError } from '../lib/api.ts';

// Each screen is its own chunk, loaded when first opened: the sign-in needs none of them.
const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const InboxPage = lazy(() =>
  import('../features/inbox/InboxPage.tsx').then((m) => ({ default: m.InboxPage })),
);
const MethodologyPage = lazy(() =>
  import('../features/methodology/MethodologyPage.tsx').then((m) => ({ default: m.MethodologyPage })),
);
const PagesListPage = lazy(() =>
  import('../features/pages/PagesListPage.tsx').then((m) => ({ default: m.PagesListPage })),
);
const PlannerHome = lazy(() =>
  import('../features/planner/PlannerHome.tsx').then((m) => ({ default: m.PlannerHome })),
);
const PlannerPage = lazy(() =>
  import('../features/planner/PlannerPage.tsx').then((m) => ({ default: m.PlannerPage })),
);
const ReviewPage = lazy(() =>
  import('../features/planner/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
);
const SyndicationPage = lazy(() =>
  import('../features/planner/SyndicationPage.tsx').then((m) => ({ default: m.SyndicationPage })),
);
const SyndicationStatusPage = lazy(() =>
  import('../features/planner/SyndicationPage.tsx').then((m) => ({ default: m.SyndicationStatusPage })),
);
const UploadPage = lazy(() =>
  import('../features/registry/UploadPage.tsx').then((m) => ({ default: m.UploadPage })),
);
const PageReportPage = lazy(() =>
  import('../features/report/PageReportPage.tsx').then((m) => ({ default: m.PageReportPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/training/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const SeminarForm = lazy(() =>
  import('../features/training/SeminarForm.tsx').then((m) => ({ default: m.SeminarForm })),
);
const SeminarPage = lazy(() =>
  import('../features/training/SeminarPage.tsx').then((m) => ({ default: m.SeminarPage })),
);
const SeminarsPage = lazy(() =>
  import('../features/training/SeminarsPage.tsx').then((m) => ({ default: m.SeminarsPage })),
);
const WorkshopPage = lazy(() =>
  import('../features/workshop/WorkshopPage.tsx').then((m) => ({ default: m.WorkshopPage })),
);
const UnitPage = lazy(() => import('../features/units/UnitPage.tsx').then((m) => ({ default: m.UnitPage })));

/** An address the app does not know: a screen with its own heading, like every other. */
function NotFound() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="page-title">
        {t('state.notFound')}
      </h1>
      <Failed error={new ApiError(404, 'NOT_FOUND', 'not found')} />
    </section>
  );
}

export function AppRoutes({ me }: { me: Me }) {
  return (
    <Suspense fallback={<Loading minHeight={400} />}>
      <Routes>
        <Route path="/" element={<HomePage me={me} />} />
        <Route path="/units/:level/:key?" element={<UnitPage me={me} />} />
        <Route path="/pages" element={<PagesListPage me={me} />} />
        <Route path="/pages/:id" element={<PageReportPage />} />
        <Route path="/methodology/:version?" element={<MethodologyPage />} />
        <Route path="/workshop" element={<WorkshopPage />} />
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
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
