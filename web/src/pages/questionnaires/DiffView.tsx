import { useTranslation } from 'react-i18next';
import type { DefinitionDiff } from '../../api/types';
import { languageName as nameOf } from '../../components/survey/locales';
import { describeChanges } from '../../designer/diff-text';

interface DiffViewProps {
  diff: DefinitionDiff;
  /** The language of the definition's `default` texts (its `locale`, else English). */
  baseLanguage: string;
  titleOf?: (name: string) => string | undefined;
}

/** A version diff as sentences: what was added, removed, moved and changed, breaking changes marked. */
export function DiffView({ diff, baseLanguage, titleOf }: DiffViewProps) {
  const { t, i18n } = useTranslation();
  const languageName = (locale: string) => {
    const code = locale === 'default' ? baseLanguage : locale;
    return code === 'de' || code === 'en'
      ? t(`designer.lang.${code}`)
      : nameOf(code, i18n.resolvedLanguage === 'de' ? 'de' : 'en');
  };
  const empty = diff.added.length + diff.removed.length + diff.moved.length + diff.changed.length === 0;
  if (empty) return <p className="empty">{t('designer.diff.none')}</p>;

  const named = (name: string) => {
    const title = titleOf?.(name);
    return (
      <>
        <code>{name}</code>
        {title && <span className="muted"> {title}</span>}
      </>
    );
  };

  return (
    <div className="diff">
      {diff.breaking && <p className="alert alert-warning">{t('designer.diff.breakingSummary')}</p>}
      {(
        [
          ['added', diff.added],
          ['removed', diff.removed],
          ['moved', diff.moved],
        ] as const
      ).map(([kind, names]) =>
        names.length === 0 ? null : (
          <div key={kind} className="diff-group">
            <h4>{t(`designer.diff.${kind}`)}</h4>
            <ul>
              {names.map((name) => (
                <li key={name}>{named(name)}</li>
              ))}
            </ul>
          </div>
        ),
      )}
      {diff.changed.length > 0 && (
        <div className="diff-group">
          <h4>{t('designer.diff.changed')}</h4>
          <ul>
            {diff.changed.map((question) => {
              const sentences = describeChanges(question.changes, languageName);
              const unexplained = question.breaking && !sentences.some((s) => s.breaking);
              return (
                <li key={question.name} className={question.breaking ? 'diff-breaking' : undefined}>
                  {named(question.name)}
                  {question.breaking && <span className="badge badge-warning">{t('designer.diff.breaking')}</span>}
                  <ul>
                    {sentences.map((s, i) => (
                      <li key={i} className={s.breaking ? 'diff-breaking-change' : undefined}>
                        {t(s.key, s.values)}
                        {s.breaking && <span className="badge badge-warning">{t('designer.diff.breaking')}</span>}
                      </li>
                    ))}
                  </ul>
                  {unexplained && (
                    <p className="muted">
                      {t('designer.diff.serverReasons')}: <span lang="en">{question.reasons.join('; ')}</span>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
