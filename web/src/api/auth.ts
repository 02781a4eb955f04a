import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, request, segment } from './client';
import type { ApiTokenList, CreatedApiToken, InvitationPreview, Me, SessionUser, SetupStatus } from './types';

export const meQueryKey = ['me'] as const;
const tokensQueryKey = ['tokens'] as const;

/** The signed-in caller, or null when there is no session. */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await request<Me>('GET', '/auth/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
});

export const useMe = () => useQuery(meQuery);

/**
 * After a login of any kind: forgets what earlier pages cached, which may
 * belong to whoever was signed in before, and waits for the new caller, so
 * that protected pages see them at once. The current page's queries stay
 * untouched so that it can finish its own flow.
 */
async function startSession(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ type: 'inactive' });
  await queryClient.refetchQueries({ queryKey: meQueryKey });
  await queryClient.ensureQueryData(meQuery);
}

export function useSetupStatus() {
  return useQuery({
    queryKey: ['setup'],
    queryFn: () => request<SetupStatus>('GET', '/auth/setup'),
  });
}

export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; email: string; password: string; name: string }) =>
      request<SessionUser>('POST', '/auth/setup', body),
    onSuccess: () => startSession(queryClient),
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => request<SessionUser>('POST', '/auth/login', body),
    onSuccess: () => startSession(queryClient),
  });
}

/**
 * Ends the session. `leave` runs before the caller's data is dropped, to take
 * the user off protected pages first: otherwise they would redirect to the
 * login and offer themselves as the place to return to.
 */
export function useLogout(leave: () => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('POST', '/auth/logout'),
    onSuccess: async () => {
      await leave();
      queryClient.setQueryData(meQueryKey, null);
      // Nothing of the previous caller may linger for the next one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}

export function useInvitation(token: string | null) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => request<InvitationPreview>('GET', `/auth/invitations/${segment(token ?? '')}`),
    enabled: token !== null,
    retry: false,
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string; name: string }) =>
      request<SessionUser>('POST', '/auth/invitations/accept', body),
    onSuccess: () => startSession(queryClient),
  });
}

/** Changes the password; the server revokes every API token with it, so the list is read again. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      request<void>('POST', '/auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

export function useApiTokens() {
  return useQuery({
    queryKey: tokensQueryKey,
    queryFn: () => request<ApiTokenList>('GET', '/auth/tokens'),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => request<CreatedApiToken>('POST', '/auth/tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/auth/tokens/${segment(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}
