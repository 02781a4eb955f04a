import { createBrowserRouter, Navigate } from 'react-router';
import { AppShell } from './components/AppShell';
import { RequireAuth } from './components/RequireAuth';
import { AccountPage } from './pages/AccountPage';
import { ActivitiesPage } from './pages/activities/ActivitiesPage';
import { AnswerPage } from './pages/answer/AnswerPage';
import { AnswersPage } from './pages/answers/AnswersPage';
import { CrashPage } from './pages/CrashPage';
import { EditIndicatorPage, NewIndicatorPage } from './pages/indicators/IndicatorFormPage';
import { IndicatorPage } from './pages/indicators/IndicatorPage';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { InvitePage } from './pages/InvitePage';
import { LoginPage } from './pages/LoginPage';
import { MembersPage } from './pages/MembersPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { DesignerPage } from './pages/questionnaires/DesignerPage';
import { QuestionnairesPage } from './pages/questionnaires/QuestionnairesPage';
import { SetupPage } from './pages/SetupPage';
import { WorkspaceHomePage } from './pages/WorkspaceHomePage';
import { WorkspaceLayout } from './pages/WorkspaceLayout';
import { WorkspacesPage } from './pages/WorkspacesPage';
import { ResultsPage } from './pages/waves/ResultsPage';
import { ReportPage } from './pages/report/ReportPage';
import { SharePage } from './pages/share/SharePage';
import { WaveSettingsPage } from './pages/waves/WaveSettingsPage';
import { WavesPage } from './pages/waves/WavesPage';

export const router = createBrowserRouter([
  // The public answering page: no login, no app navigation.
  { path: '/s/:key', element: <AnswerPage />, errorElement: <CrashPage /> },
  // A shared report: read-only, no login, no app navigation.
  { path: '/share/:token', element: <SharePage />, errorElement: <CrashPage /> },
  {
    element: <AppShell />,
    errorElement: <CrashPage />,
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
          {
            path: '/w/:ws',
            element: <WorkspaceLayout />,
            children: [
              { index: true, element: <WorkspaceHomePage /> },
              { path: 'members', element: <MembersPage /> },
              { path: 'waves', element: <WavesPage /> },
              { path: 'waves/:id', element: <ResultsPage /> },
              { path: 'waves/:id/settings', element: <WaveSettingsPage /> },
              { path: 'waves/:id/answers', element: <AnswersPage /> },
              { path: 'waves/:id/answers/:question', element: <AnswersPage /> },
              { path: 'questionnaires', element: <QuestionnairesPage /> },
              { path: 'questionnaires/:slug', element: <DesignerPage /> },
              { path: 'activities', element: <ActivitiesPage /> },
              { path: 'indicators', element: <IndicatorsPage /> },
              { path: 'indicators/new', element: <NewIndicatorPage /> },
              { path: 'indicators/:key', element: <IndicatorPage /> },
              { path: 'indicators/:key/edit', element: <EditIndicatorPage /> },
              { path: 'report', element: <ReportPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
