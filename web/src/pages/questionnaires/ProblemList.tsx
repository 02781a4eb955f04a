import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/Status';
import { groupProblems } from '../../designer/problems';

/**
 * A failed save or publish. For an invalid definition, the server's problems
 * grouped by question, each with a way to the question in the editor.
 */
export function ProblemList({ error, canShow, onShow }: { error: unknown; canShow?: (name: string) => boolean; onShow?: (name: string) => void }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.code !== 'invalid_definition') return <ErrorAlert error={error} />;
  const groups = groupProblems(error.details);
  return (
    <div className="problems alert alert-error">
      <p role="alert">
        <strong>{t('designer.problems.title')}</strong> {error.message}
      </p>
      <ul>
        {groups.map((group) => (
          <li key={group.question ?? ''}>
            <span className="problem-question">
              {group.question === null ? t('designer.problems.general') : t('designer.problems.question', { name: group.question })}
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
