import { useTranslation } from 'react-i18next';
import { useAnswers } from '../../api/answers';
import { openRoles, type OpenRole, type ReportConfig } from '../../api/reports';
import { useVersionQuestions } from '../../api/questionnaires';
import type { Wave } from '../../api/waves';
import { CheckboxField, SelectField } from '../../components/TextField';
import { quoteChoices } from './quotes';
import { ErrorAlert, Loading } from '../../components/Status';
import type { DraftProps } from './ReportEditorFields';

/** One open question per role (strengths, weaknesses, …), each with the answers picked as quotes. */
export function OpenQuestionFields({
  ws,
  lang,
  mainWave,
  draft,
  set,
}: DraftProps & { ws: string; lang: string; mainWave: Wave | undefined }) {
  const { t } = useTranslation();
  // Free text to quote, as the server's registry says (a number field is none).
  const catalogue = useVersionQuestions(ws, mainWave?.questionnaire ?? '', mainWave ? mainWave.version : null, lang);
  const openQuestions = (catalogue.data?.questions ?? []).filter((q) => q.openText);
  return (
    <fieldset className="report-fieldset">
      <legend>{t('report.editor.openQuestions')}</legend>
      {!draft.wave ? (
        <p className="muted">{t('report.editor.needsWave')}</p>
      ) : (
        <>
          <p className="field-hint">{t('report.editor.openHint')}</p>
          {openRoles.map((role) => (
            <OpenRoleField
              key={role}
              ws={ws}
              role={role}
              waveId={draft.wave!}
              lang={lang}
              options={openQuestions.map((q) => ({ value: q.name, label: q.title }))}
              value={draft.openQuestions[role] ?? ''}
              onChange={(name) => {
                const openQuestionsNext = { ...draft.openQuestions, [role]: name || null };
                const still = new Set(openRoles.map((r) => openQuestionsNext[r]).filter(Boolean));
                set({ openQuestions: openQuestionsNext, quotes: draft.quotes.filter((q) => still.has(q.question)) });
              }}
              quotes={draft.quotes}
              onQuotes={(quotes) => set({ quotes })}
            />
          ))}
        </>
      )}
    </fieldset>
  );
}

function OpenRoleField(props: {
  ws: string;
  role: OpenRole;
  waveId: string;
  lang: string;
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: (name: string) => void;
  quotes: ReportConfig['quotes'];
  onQuotes: (quotes: ReportConfig['quotes']) => void;
}) {
  const { t } = useTranslation();
  const { ws, role, waveId, lang, value, quotes } = props;
  const answers = useAnswers(ws, waveId, value, '', lang);
  const codeLabel = new Map((answers.data?.codes ?? []).map((c) => [c.id, c.label]));
  const picked = new Set(quotes.filter((q) => q.question === value).map((q) => q.response));
  return (
    <div className="report-open-role">
      <SelectField
        label={t(`report.open.roles.${role}`)}
        value={value}
        options={[{ value: '', label: t('report.editor.none') }, ...props.options]}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {value && (
        <details className="report-quote-picker">
          <summary>{t('report.editor.quotes', { count: picked.size })}</summary>
          <p className="field-hint">{t('report.editor.quotesHint')}</p>
          {answers.isPending ? (
            <Loading />
          ) : (answers.data?.answers ?? []).length === 0 ? (
            <p className="muted">{t('report.editor.noAnswers')}</p>
          ) : (
            <ul className="plain-list">
              {quoteChoices(answers.data!.answers).map((a) => (
                <li key={a.ids[0]}>
                  <CheckboxField
                    label={
                      a.ids.length > 1 ? t('report.editor.quoteSame', { text: a.text, count: a.ids.length }) : a.text
                    }
                    hint={
                      a.codes.length > 0
                        ? t('report.editor.quoteCodes', {
                            codes: a.codes.map((c) => codeLabel.get(c) ?? '').join(', '),
                          })
                        : undefined
                    }
                    checked={a.ids.some((id) => picked.has(id))}
                    onChange={(e) =>
                      props.onQuotes(
                        e.target.checked
                          ? [...quotes, { response: a.ids[0]!, question: value }]
                          : quotes.filter((q) => !(a.ids.includes(q.response) && q.question === value)),
                      )
                    }
                  />
                </li>
              ))}
            </ul>
          )}
          <ErrorAlert error={answers.error} />
        </details>
      )}
    </div>
  );
}
