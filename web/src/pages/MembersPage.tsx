import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { roles, type InviteResult, type Member, type PendingInvitation, type Role, type Workspace } from '../api/types';
import {
  useAuditLog,
  useChangeMemberRole,
  useInviteMember,
  useMembers,
  useRemoveMember,
  useRevokeInvitation,
} from '../api/workspaces';
import { useDateFormat } from '../format';
import { ConfirmButton } from '../components/ConfirmButton';
import { OneTimeSecret } from '../components/OneTimeSecret';
import { PageHeading } from '../components/PageHeading';
import { ErrorAlert, Loading, SuccessStatus } from '../components/Status';
import { SubmitButton } from '../components/SubmitButton';
import { SelectField, TextField } from '../components/TextField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useCurrentWorkspace } from './WorkspaceLayout';

export function MembersPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const isOrganiser = workspace.role === 'organiser';
  const members = useMembers(workspace.slug);

  return (
    <>
      <PageHeading title={t('members.title', { name: workspace.name })} />
      {!isOrganiser && <p className="muted">{t('members.readOnly')}</p>}
      {isOrganiser && <InviteForm ws={workspace.slug} />}
      {members.isPending && <Loading />}
      <ErrorAlert error={members.error} />
      {members.data && (
        <>
          <MemberTable workspace={workspace} members={members.data.members} />
          <InvitationTable workspace={workspace} invitations={members.data.invitations} />
        </>
      )}
      {isOrganiser && <AuditLog ws={workspace.slug} />}
    </>
  );
}

/** Who a person is, for lists: the name, or the e-mail address while there is none. */
const displayName = (person: { name: string; email: string }) => person.name || person.email;

function InviteForm({ ws }: { ws: string }) {
  const { t } = useTranslation();
  const invite = useInviteMember(ws);
  const { formRef, errors, check } = useFieldErrors<'email'>();
  const [result, setResult] = useState<InviteResult | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const role = data.get('role') === 'organiser' ? 'organiser' : 'analyst';
    if (!check(email.includes('@') ? {} : { email: t('validation.email') })) return;
    invite.mutate(
      { email, role },
      {
        onSuccess: (answer) => {
          setResult(answer);
          form.reset();
        },
      },
    );
  }

  return (
    <section aria-labelledby="invite-title" className="panel">
      <h2 id="invite-title">{t('members.invite.title')}</h2>
      <p className="muted">{t('members.invite.intro')}</p>
      <form ref={formRef} noValidate onSubmit={submit} className="form-inline">
        <TextField
          label={t('fields.email')}
          error={errors.email}
          name="email"
          type="email"
          autoComplete="off"
          required
        />
        <SelectField
          label={t('fields.role')}
          name="role"
          defaultValue="analyst"
          options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <SubmitButton pending={invite.isPending}>{t('members.invite.submit')}</SubmitButton>
      </form>
      <ErrorAlert error={invite.error} />
      <SuccessStatus>
        {result && 'member' in result && t('members.invite.addedDirectly', { name: displayName(result.member) })}
      </SuccessStatus>
      {result && 'inviteUrl' in result && (
        <OneTimeSecret
          title={t('members.invite.linkTitle')}
          label={t('members.invite.linkLabel', { email: result.invitation.email })}
          value={result.inviteUrl}
        >
          <p>{t('members.invite.linkNote')}</p>
        </OneTimeSecret>
      )}
    </section>
  );
}

function MemberTable({ workspace, members }: { workspace: Workspace; members: Member[] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const changeRole = useChangeMemberRole(workspace.slug);
  const remove = useRemoveMember(workspace.slug);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState('');
  const isOrganiser = workspace.role === 'organiser';
  const otherRole = (role: Role): Role => (role === 'organiser' ? 'analyst' : 'organiser');

  function changeRoleOf(member: Member) {
    const role = otherRole(member.role);
    setNotice('');
    remove.reset();
    changeRole.mutate(
      { userId: member.userId, role },
      { onSuccess: () => setNotice(t('members.roleChanged', { name: displayName(member), role: t(`roles.${role}`) })) },
    );
  }

  function removeMember(member: Member) {
    setNotice('');
    changeRole.reset();
    remove.mutate(member.userId, {
      onSuccess: () => {
        if (member.userId === me?.user.id) {
          void navigate('/workspaces');
          return;
        }
        setNotice(t('members.removed', { name: displayName(member) }));
        // The row with the focused button is gone; continue from the table's heading.
        headingRef.current?.focus();
      },
    });
  }

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title" ref={headingRef} tabIndex={-1}>
        {t('members.list.title')}
      </h2>
      <ErrorAlert error={changeRole.error ?? remove.error} />
      <SuccessStatus>{notice}</SuccessStatus>
      {members.length === 0 ? (
        <p className="empty">{t('members.list.empty')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="members-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('members.list.joined')}</th>
                {isOrganiser && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const name = displayName(member);
                const isMe = member.userId === me?.user.id;
                return (
                  <tr key={member.userId}>
                    <th scope="row">
                      {member.name || '–'}
                      {isMe && (
                        <>
                          {' '}
                          <span className="badge">{t('members.list.you')}</span>
                        </>
                      )}
                    </th>
                    <td>{member.email}</td>
                    <td>{t(`roles.${member.role}`)}</td>
                    <td>{format.date(member.joinedAt)}</td>
                    {isOrganiser && (
                      <td>
                        <div className="actions">
                          <button
                            type="button"
                            disabled={changeRole.isPending}
                            aria-label={t('members.list.makeRoleFor', {
                              role: t(`roles.${otherRole(member.role)}`),
                              name,
                            })}
                            onClick={() => changeRoleOf(member)}
                          >
                            {t('members.list.makeRole', { role: t(`roles.${otherRole(member.role)}`) })}
                          </button>
                          <ConfirmButton
                            label={t('members.list.remove')}
                            accessibleLabel={t('members.list.removeNamed', { name })}
                            question={
                              isMe ? t('members.list.removeSelfQuestion') : t('members.list.removeQuestion', { name })
                            }
                            confirmLabel={t('members.list.removeConfirm')}
                            pending={remove.isPending}
                            onConfirm={() => removeMember(member)}
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function InvitationTable({ workspace, invitations }: { workspace: Workspace; invitations: PendingInvitation[] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const revoke = useRevokeInvitation(workspace.slug);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState('');
  const isOrganiser = workspace.role === 'organiser';

  function revokeInvitation(invitation: PendingInvitation) {
    setNotice('');
    revoke.mutate(invitation.id, {
      onSuccess: () => {
        setNotice(t('members.invitations.revoked', { email: invitation.email }));
        headingRef.current?.focus();
      },
    });
  }

  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title" ref={headingRef} tabIndex={-1}>
        {t('members.invitations.title')}
      </h2>
      <ErrorAlert error={revoke.error} />
      <SuccessStatus>{notice}</SuccessStatus>
      {invitations.length === 0 ? (
        <p className="empty">{t('members.invitations.empty')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="invitations-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('members.invitations.created')}</th>
                <th scope="col">{t('members.invitations.expires')}</th>
                {isOrganiser && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{t(`roles.${invitation.role}`)}</td>
                  <td>{format.date(invitation.createdAt)}</td>
                  <td>{format.dateTime(invitation.expiresAt)}</td>
                  {isOrganiser && (
                    <td>
                      <ConfirmButton
                        label={t('members.invitations.revoke')}
                        accessibleLabel={t('members.invitations.revokeNamed', { email: invitation.email })}
                        question={t('members.invitations.revokeQuestion', { email: invitation.email })}
                        confirmLabel={t('members.invitations.revokeConfirm')}
                        pending={revoke.isPending}
                        onConfirm={() => revokeInvitation(invitation)}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The details as the server recorded them; they vary by action. */
const formatDetails = (details: unknown) =>
  details === null || details === undefined ? '' : typeof details === 'string' ? details : JSON.stringify(details);

function AuditLog({ ws }: { ws: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const audit = useAuditLog(ws);
  const entries = audit.data?.entries;

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      {audit.isPending && <Loading />}
      <ErrorAlert error={audit.error} />
      {entries && entries.length === 0 && <p className="empty">{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="audit-title" tabIndex={0}>
          <table className="table-compact">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{format.dateTime(entry.at)}</td>
                  <td>{entry.actor ? displayName(entry.actor) : t('audit.system')}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.target ?? ''}</td>
                  <td className="details">
                    <code>{formatDetails(entry.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
