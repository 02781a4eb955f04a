import { useQuery } from '@tanstack/react-query';
import { NetworkError } from '../../api/client';
import { acceptInvitation } from '../../api/public';

/** Exchanges the invitation token for the wave's cookie; true once accepted. */
export function useInvitationExchange(waveKey: string, token: string | null) {
  return useQuery({
    queryKey: ['public-wave', waveKey, 'invitation', token],
    queryFn: async () => {
      await acceptInvitation(waveKey, token ?? '');
      return true;
    },
    enabled: token !== null,
    retry: (failureCount, error) => error instanceof NetworkError && failureCount < 2,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
