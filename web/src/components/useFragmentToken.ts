import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * Reads `#token=…` once and then removes it from the address bar, so that the
 * secret does not stay in the history or end up in a bookmark or screenshot.
 */
export function useFragmentToken(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get('token') || null);

  useEffect(() => {
    if (location.hash) {
      void navigate(
        { pathname: location.pathname, search: location.search },
        { replace: true, state: location.state as unknown },
      );
    }
  }, [location, navigate]);

  return token;
}
