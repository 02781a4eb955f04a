import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from './auth';
import { ApiError, NetworkError } from './client';

/**
 * The app's query client. Any answer saying the session is gone makes `me`
 * refetch, which sends protected pages to the login.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401 && error.code === 'unauthenticated') {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    }
  };
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // API errors are answers, not hiccups; only a lost connection is worth retrying.
        retry: (failureCount, error) => error instanceof NetworkError && failureCount < 2,
      },
    },
  });
  return queryClient;
}
