import { Link, NavLink, Outlet, ScrollRestoration, useNavigate, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../api/auth';
import { LanguageSwitch } from './LanguageSwitch';
import { ErrorAlert, Loading } from './Status';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

/** Every page's frame: skip link, header with navigation, and the main landmark. */
export function AppShell() {
  const { t } = useTranslation();
  // A page's code loads when it is first opened: the current page stays until it is there.
  const pageLoading = useNavigation().state === 'loading';
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Move the focus without touching the URL's fragment, which the router would treat as navigation.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="page" aria-busy={pageLoading}>
        {pageLoading && <Loading />}
        <Outlet />
      </main>
      <ScrollRestoration />
    </>
  );
}

function Header() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  // Synchronously, so that the login page is in place before the session's data goes.
  const logout = useLogout(async () => {
    await navigate('/login', { flushSync: true });
  });

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          {t('shell.productName')}
        </Link>
        {me && me.memberships.length > 0 && <WorkspaceSwitcher memberships={me.memberships} />}
        {me && (
          <nav aria-label={t('shell.mainNavigation')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/workspaces" end>
                  {t('shell.workspaces')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/account">{t('shell.account')}</NavLink>
              </li>
            </ul>
          </nav>
        )}
        <div className="header-tools">
          <LanguageSwitch />
          {me && (
            <button type="button" disabled={logout.isPending} onClick={() => logout.mutate()}>
              {t('shell.logout')}
            </button>
          )}
        </div>
      </div>
      {logout.isError && (
        <div className="site-header-inner">
          <ErrorAlert error={logout.error} />
        </div>
      )}
    </header>
  );
}
