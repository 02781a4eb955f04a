import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { meQueryKey } from './auth';
import { request, segment } from './client';
import type {
  AuditList,
  InviteResult,
  MemberEnvelope,
  MemberList,
  Role,
  WorkspaceEnvelope,
  WorkspaceList,
  WorkspaceRef,
} from './types';

const workspacesQueryKey = ['workspaces'] as const;
const workspaceQueryKey = (ws: string) => ['workspace', ws] as const;
const membersQueryKey = (ws: string) => ['workspace', ws, 'members'] as const;
const auditQueryKey = (ws: string) => ['workspace', ws, 'audit'] as const;

const workspacePath = (ws: string) => `/workspaces/${segment(ws)}`;

/** Membership changes show up in the list, the header's switcher and the audit log. */
async function refreshAfterMembershipChange(queryClient: QueryClient, ws: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: workspaceQueryKey(ws) }),
    queryClient.invalidateQueries({ queryKey: workspacesQueryKey }),
    queryClient.invalidateQueries({ queryKey: meQueryKey }),
  ]);
}

export function useWorkspaces() {
  return useQuery({
    queryKey: workspacesQueryKey,
    queryFn: () => request<WorkspaceList>('GET', '/workspaces'),
  });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkspaceRef) => request<WorkspaceEnvelope>('POST', '/workspaces', body),
    onSuccess: ({ workspace }) => refreshAfterMembershipChange(queryClient, workspace.slug),
  });
}

export function useWorkspace(ws: string) {
  return useQuery({
    queryKey: workspaceQueryKey(ws),
    queryFn: () => request<WorkspaceEnvelope>('GET', workspacePath(ws)),
  });
}

export function useUpdateWorkspace(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; minGroupSize?: number }) =>
      request<WorkspaceEnvelope>('PATCH', workspacePath(ws), body),
    onSuccess: () => refreshAfterMembershipChange(queryClient, ws),
  });
}

/** Only the example workspace can be deleted (the API answers 409 not_example otherwise). */
export function useDeleteExampleWorkspace(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('DELETE', workspacePath(ws)),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: workspaceQueryKey(ws) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: workspacesQueryKey }),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]);
    },
  });
}

export function useMembers(ws: string) {
  return useQuery({
    queryKey: membersQueryKey(ws),
    queryFn: () => request<MemberList>('GET', `${workspacePath(ws)}/members`),
  });
}

export function useInviteMember(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      request<InviteResult>('POST', `${workspacePath(ws)}/members`, body),
    onSuccess: () => refreshAfterMembershipChange(queryClient, ws),
  });
}

export function useChangeMemberRole(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      request<MemberEnvelope>('PATCH', `${workspacePath(ws)}/members/${segment(userId)}`, { role }),
    onSuccess: () => refreshAfterMembershipChange(queryClient, ws),
  });
}

export function useRemoveMember(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => request<void>('DELETE', `${workspacePath(ws)}/members/${segment(userId)}`),
    onSuccess: () => refreshAfterMembershipChange(queryClient, ws),
  });
}

export function useRevokeInvitation(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${workspacePath(ws)}/members/invitations/${segment(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceQueryKey(ws) }),
  });
}

/** Organisers only; analysts get 403. */
export function useAuditLog(ws: string) {
  return useQuery({
    queryKey: auditQueryKey(ws),
    queryFn: () => request<AuditList>('GET', `${workspacePath(ws)}/audit`),
  });
}
