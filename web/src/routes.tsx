import { createBrowserRouter, Navigate } from 'react-router';
import { AppShell } from './components/AppShell';
import { RequireAuth } from './components/RequireAuth';
import { Loading } from './components/Status';
import { AccountPage } from './pages/AccountPage';
import { AnswerPage } from './pages/answer/AnswerPage';
import { CrashPage } from './pages/CrashPage';
import { InvitePage } from './pages/InvitePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SetupPage } from './pages/SetupPage';
import { WorkspaceLayout } from './pages/WorkspaceLayout';
import { WorkspacesPage } from './pages/WorkspacesPage';

// The answering page, sign-in and the workspace frame are in the first
// download; the organisers' and analysts' pages (charts, designer, report)
// load when first opened, so that a member answering on a phone fetches
// only what the answering page needs.
export const router = createBrowserRouter([
  // The public answering page: no login, no app navigation.
  { path: '/s/:key', element: <AnswerPage />, errorElement: <CrashPage /> },
  // A shared report: read-only, no login, no app navigation.
  {
    path: '/share/:token',
    lazy: () => import('./pages/share/SharePage').then((m) => ({ Component: m.SharePage })),
    errorElement: <CrashPage />,
    hydrateFallbackElement: <Loading />,
  },
  // A phone in a prioritisation session: no login, no app navigation.
  {
    path: '/v/:key',
    lazy: () => import('./pages/vote/VotePage').then((m) => ({ Component: m.VotePage })),
    errorElement: <CrashPage />,
    hydrateFallbackElement: <Loading />,
  },
  {
    element: <AppShell />,
    errorElement: <CrashPage />,
    hydrateFallbackElement: <Loading />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
      { path: '/invite', element: <InvitePage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <Navigate to="/workspaces" replace /> },
          { path: '/workspaces', element: <WorkspacesPage /> },
          { path: '/account', element: <AccountPage /> },
          // The projector view: the room's wall, without the workspace navigation.
          {
            path: '/w/:ws/sessions/:id/projector',
            lazy: () => import('./pages/sessions/ProjectorPage').then((m) => ({ Component: m.ProjectorPage })),
          },
          {
            path: '/w/:ws',
            element: <WorkspaceLayout />,
            children: [
              // The home draws charts (responses per day): a chunk of its own, like the other workspace pages.
              {
                index: true,
                lazy: () => import('./pages/WorkspaceHomePage').then((m) => ({ Component: m.WorkspaceHomePage })),
              },
              {
                path: 'settings',
                lazy: () =>
                  import('./pages/settings/WorkspaceSettingsPage').then((m) => ({
                    Component: m.WorkspaceSettingsPage,
                  })),
              },
              {
                path: 'members',
                lazy: () => import('./pages/MembersPage').then((m) => ({ Component: m.MembersPage })),
              },
              {
                path: 'waves',
                lazy: () => import('./pages/waves/WavesPage').then((m) => ({ Component: m.WavesPage })),
              },
              {
                path: 'waves/:id',
                lazy: () => import('./pages/waves/ResultsPage').then((m) => ({ Component: m.ResultsPage })),
              },
              {
                path: 'waves/:id/settings',
                lazy: () => import('./pages/waves/WaveSettingsPage').then((m) => ({ Component: m.WaveSettingsPage })),
              },
              {
                path: 'waves/:id/answers',
                lazy: () => import('./pages/answers/AnswersPage').then((m) => ({ Component: m.AnswersPage })),
              },
              {
                path: 'waves/:id/answers/:question',
                lazy: () => import('./pages/answers/AnswersPage').then((m) => ({ Component: m.AnswersPage })),
              },
              {
                path: 'questionnaires',
                lazy: () =>
                  import('./pages/questionnaires/QuestionnairesPage').then((m) => ({
                    Component: m.QuestionnairesPage,
                  })),
              },
              {
                path: 'questionnaires/:slug',
                lazy: () => import('./pages/questionnaires/DesignerPage').then((m) => ({ Component: m.DesignerPage })),
              },
              {
                path: 'activities',
                lazy: () => import('./pages/activities/ActivitiesPage').then((m) => ({ Component: m.ActivitiesPage })),
              },
              {
                path: 'indicators',
                lazy: () => import('./pages/indicators/IndicatorsPage').then((m) => ({ Component: m.IndicatorsPage })),
              },
              {
                path: 'indicators/new',
                lazy: () =>
                  import('./pages/indicators/IndicatorFormPage').then((m) => ({ Component: m.NewIndicatorPage })),
              },
              {
                path: 'indicators/:key',
                lazy: () => import('./pages/indicators/IndicatorPage').then((m) => ({ Component: m.IndicatorPage })),
              },
              {
                path: 'indicators/:key/edit',
                lazy: () =>
                  import('./pages/indicators/IndicatorFormPage').then((m) => ({ Component: m.EditIndicatorPage })),
              },
              {
                path: 'sessions',
                lazy: () => import('./pages/sessions/SessionsPage').then((m) => ({ Component: m.SessionsPage })),
              },
              {
                path: 'plan',
                lazy: () => import('./pages/plan/PlanPage').then((m) => ({ Component: m.PlanPage })),
              },
              {
                path: 'report',
                lazy: () => import('./pages/report/ReportPage').then((m) => ({ Component: m.ReportPage })),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
