import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/Status';
import type { DefinitionProblem } from '../../api/types';
import { asProblems, groupProblems } from '../../designer/problems';

/**
 * A failed save or publish. For an invalid definition, the server's problems
 * grouped by question, each with a way to the question in the editor.
 */
export function ProblemList({
  error,
  canShow,
  onShow,
  onDropRemote,
}: {
  error: unknown;
  canShow?: (name: string) => boolean;
  onShow?: (name: string) => void;
  /** Save again with the properties that load other addresses removed (offered when those are the only problems). */
  onDropRemote?: () => void;
}) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.code !== 'invalid_definition') return <ErrorAlert error={error} />;
  const groups = groupProblems(error.details);
  const onlyRemote = asProblems(error.details).every((p) => p.code === 'remote_property');
  return (
    <div className="problems alert alert-error">
      <p role="alert">
        <strong>{t('designer.problems.title')}</strong> {error.message}
      </p>
      {onlyRemote && onDropRemote && (
        <p>
          {t('designer.problems.remoteOnly')}{' '}
          <button type="button" className="button-small" onClick={onDropRemote}>
            {t('designer.problems.dropRemote')}
          </button>
        </p>
      )}
      <ul>
        {groups.map((group) => (
          <li key={group.question ?? ''}>
            <span className="problem-question">
              {group.question === null
                ? t('designer.problems.general')
                : t('designer.problems.question', { name: group.question })}
            </span>
            {group.question !== null && onShow && (canShow?.(group.question) ?? true) && (
              <button type="button" className="button-small" onClick={() => onShow(group.question!)}>
                {t('designer.problems.show', { name: group.question })}
              </button>
            )}
            <ul>
              {group.problems.map((problem, i) => (
                <li key={i}>
                  {problem.message}
                  {problem.path && (
                    <>
                      {' '}
                      <code className="muted">{problem.path}</code>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** survey-core's warnings on a saved definition (unknown properties, conditions on unknown names): kept, shown for a look. */
export function WarningList({ warnings }: { warnings: DefinitionProblem[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <details className="alert alert-warning warnings">
      <summary>{t('designer.warnings.title', { count: warnings.length })}</summary>
      <p>{t('designer.warnings.intro')}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {w.question !== null && <strong>{w.question}: </strong>}
            {w.message}
            {w.path && (
              <>
                {' '}
                <code className="muted">{w.path}</code>
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
