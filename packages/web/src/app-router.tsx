import type { ComponentType } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { Loading } from './components/loading.js';
import { NotFoundPage } from './components/not-found-page.js';
import { LandingPage } from './student/landing-page.js';

/**
 * A route's page loaded on first visit: students never download the instructor pages, and the start page does not
 * wait for KaTeX.
 */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return async () => ({ Component: (await load())[name] });
}

/** Every page of the app. The server answers unknown paths with index.html, so these are deep-linkable. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      // Shown while the first page's code loads.
      element: <Outlet />,
      hydrateFallbackElement: <Loading />,
      children: routes(),
    },
  ]);
}

function routes() {
  return [
    { path: '/', element: <LandingPage /> },
    { path: '/login', lazy: page(() => import('./instructor/login-page.js'), 'LoginPage') },
    { path: '/setup', lazy: page(() => import('./accounts/setup-page.js'), 'SetupPage') },
    { path: '/set-password', lazy: page(() => import('./accounts/set-password-page.js'), 'SetPasswordPage') },
    {
      path: '/exam',
      lazy: page(() => import('./student/student-exam-layout.js'), 'StudentExamLayout'),
      children: [
        { index: true, lazy: page(() => import('./student/exam-page.js'), 'ExamPage') },
        { path: 'review', lazy: page(() => import('./student/review-page.js'), 'ReviewPage') },
      ],
    },
    { path: '/results', lazy: page(() => import('./student/results-page.js'), 'ResultsPage') },
    {
      path: '/instructor',
      lazy: page(() => import('./instructor/instructor-layout.js'), 'InstructorLayout'),
      children: [
        { index: true, lazy: page(() => import('./instructor/exams-page.js'), 'ExamsPage') },
        { path: 'accounts', lazy: page(() => import('./accounts/accounts-page.js'), 'AccountsPage') },
        { path: 'password', lazy: page(() => import('./accounts/change-password-page.js'), 'ChangePasswordPage') },
        { path: 'exams/:examId', lazy: page(() => import('./instructor/exam-detail-page.js'), 'ExamDetailPage') },
        { path: 'exams/:examId/preview', lazy: page(() => import('./instructor/preview-page.js'), 'PreviewPage') },
        { path: 'exams/:examId/audit', lazy: page(() => import('./instructor/audit-page.js'), 'AuditPage') },
        {
          path: 'sittings/:sittingId',
          lazy: page(() => import('./instructor/sitting-layout.js'), 'SittingLayout'),
          children: sittingTabs(),
        },
        {
          path: 'sittings/:sittingId/grading/:questionId',
          lazy: page(() => import('./instructor/grade-question-page.js'), 'GradeQuestionPage'),
        },
        {
          path: 'sittings/:sittingId/regrades',
          lazy: page(() => import('./instructor/regrades-page.js'), 'RegradesPage'),
        },
        {
          path: 'sittings/:sittingId/attempts/:attemptId',
          lazy: page(() => import('./instructor/attempt-page.js'), 'AttemptPage'),
        },
      ],
    },
    { path: '*', element: <NotFoundPage /> },
  ];
}

/** The sitting's tabs: each its own address inside the sitting's page (see lib/sitting/sitting-tabs.ts). */
function sittingTabs() {
  return [
    { index: true, lazy: page(() => import('./instructor/sitting-overview-tab.js'), 'SittingOverviewTab') },
    { path: 'monitor', lazy: page(() => import('./instructor/sitting-tab-pages.js'), 'MonitorTab') },
    { path: 'roster', lazy: page(() => import('./instructor/sitting-tab-pages.js'), 'RosterTab') },
    { path: 'results', lazy: page(() => import('./instructor/results-tab.js'), 'ResultsTab') },
    { path: 'statistics', lazy: page(() => import('./instructor/statistics-page.js'), 'StatisticsPage') },
    { path: 'grading', lazy: page(() => import('./instructor/grading-page.js'), 'GradingPage') },
    { path: 'paper', lazy: page(() => import('./instructor/sitting-tab-pages.js'), 'PaperTab') },
    { path: 'review', lazy: page(() => import('./instructor/review-queue-page.js'), 'ReviewQueuePage') },
    { path: 'audit', lazy: page(() => import('./instructor/audit-page.js'), 'AuditPage') },
  ];
}
