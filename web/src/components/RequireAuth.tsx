import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth';
import { PageError } from './PageError';
import { Loading } from './Status';

/** Where the login sends the user back to, carried in the router's state. */
export interface LoginRedirectState {
  from: string;
}

/** Lets signed-in users through and sends everyone else to the login. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <PageError error={me.error} />;
  if (!me.data) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
