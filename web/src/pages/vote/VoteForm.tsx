import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCastBallot } from '../../api/sessions';
import type { PublicSession } from '../../api/types';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert } from '../../components/Status';
import { DotStepper, RatingChoice } from './VoteInputs';

interface Props {
  sessionKey: string;
  ballot: string;
  session: PublicSession;
  stored: Record<string, number>;
  onClosed: () => void;
}

/** The options with dots or ratings, sent as one ballot; after sending, a thank-you that allows changing the votes. */
export function VoteForm({ sessionKey, ballot, session, stored, onClosed }: Props) {
  const { t } = useTranslation();
  const [votes, setVotes] = useState<Record<string, number>>(stored);
  const hasVoted = Object.values(stored).some((v) => v > 0);
  const [editing, setEditing] = useState(!hasVoted);
  const cast = useCastBallot(sessionKey, ballot);
  const used = Object.values(votes).reduce((a, b) => a + b, 0);
  const left = session.points - used;
  const closed = session.status === 'closed' || (cast.error instanceof ApiError && cast.error.status === 410);

  if (closed)
    return (
      <>
        <PageHeading title={session.title} />
        <p className="alert alert-warning" role="status">
          {t('vote.closed')}
        </p>
        {hasVoted && <p>{t('vote.closedCounted')}</p>}
      </>
    );

  if (!editing)
    return (
      <>
        <PageHeading title={session.title} />
        <p className="alert alert-success" role="status">
          {t('vote.thanks')}
        </p>
        <p>{t('vote.changeHint')}</p>
        <button type="button" className="button-primary vote-submit" onClick={() => setEditing(true)}>
          {t('vote.change')}
        </button>
      </>
    );

  const set = (option: string, value: number) => setVotes((v) => ({ ...v, [option]: value }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        cast.mutate(votes, {
          onSuccess: () => setEditing(false),
          onError: (error) => error instanceof ApiError && error.status === 410 && onClosed(),
        });
      }}
    >
      <PageHeading title={session.title} />
      <p>{session.method === 'dots' ? t('vote.dotsIntro', { count: session.points }) : t('vote.ratingIntro')}</p>
      <p className="muted">{t('vote.anonymous')}</p>
      {session.method === 'dots' && (
        <p className="vote-left" role="status" aria-live="polite">
          {t('vote.pointsLeft', { count: left })}
        </p>
      )}
      <ul className="vote-options">
        {session.options.map((o) => (
          <li key={o.id}>
            {session.method === 'dots' ? (
              <DotStepper
                label={o.label}
                value={votes[o.id] ?? 0}
                canAdd={left > 0}
                onChange={(value) => set(o.id, value)}
              />
            ) : (
              <RatingChoice id={o.id} label={o.label} value={votes[o.id] ?? 0} onChange={(value) => set(o.id, value)} />
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert error={cast.error} />
      <button type="submit" className="button-primary vote-submit" disabled={cast.isPending || used === 0}>
        {hasVoted ? t('vote.update') : t('vote.submit')}
      </button>
    </form>
  );
}
