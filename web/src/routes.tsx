import { createBrowserRouter, Navigate } from 'react-router';
import { AppShell } from './components/AppShell';
import { RequireAuth } from './components/RequireAuth';
import { AccountPage } from './pages/AccountPage';
import { CrashPage } from './pages/CrashPage';
import { InvitePage } from './pages/InvitePage';
import { LoginPage } from './pages/LoginPage';
import { MembersPage } from './pages/MembersPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SetupPage } from './pages/SetupPage';
import { WorkspaceHomePage } from './pages/WorkspaceHomePage';
import { WorkspaceLayout } from './pages/WorkspaceLayout';
import { WorkspacesPage } from './pages/WorkspacesPage';

export const router = createBrowserRouter([
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
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
