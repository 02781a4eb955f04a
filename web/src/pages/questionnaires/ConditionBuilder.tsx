import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { TextField } from '../../components/TextField';
import {
  asConditionValue,
  buildCondition,
  offeredValues,
  operatorNeedsValue,
  operatorsFor,
  parseCondition,
  typedConditionValue,
  type ConditionOperator,
  type ConditionValue,
} from '../../designer/conditions';
import { getElement, nameOf, questionsBefore, updateElement, type ElementPath } from '../../designer/elements';
import { itemLabel, itemsOf, itemValue } from '../../designer/items';
import { withProp, type JsonObject } from '../../designer/json';
import { defaultLanguage } from '../../components/survey/locales';
import { shownText, type Lang } from '../../designer/text';
import { useEditor } from './EditorContext';

interface BuilderState {
  question: string;
  operator: ConditionOperator;
  value: ConditionValue | null;
  /** What is typed into the value field, when the question offers no values to choose from. */
  text: string;
}

const valueKey = (value: ConditionValue) => JSON.stringify(value);

function stateOf(expression: string): BuilderState {
  const parsed = parseCondition(expression);
  if (!parsed) return { question: '', operator: 'equals', value: null, text: '' };
  const value = parsed.value ?? null;
  return { question: parsed.question, operator: parsed.operator, value, text: value === null ? '' : String(value) };
}

/**
 * visibleIf as "show only if <earlier question> <operator> <value>". Writes a
 * SurveyJS expression as soon as the condition is complete; the expression
 * itself stays editable for anything the builder cannot express.
 */
export function ConditionBuilder({ path }: { path: ElementPath }) {
  const { t, i18n } = useTranslation();
  const { definition, edit, readOnly } = useEditor();
  const id = useId();
  const element = getElement(definition, path);
  const expression = typeof element?.visibleIf === 'string' ? element.visibleIf : '';
  const [state, setState] = useState<BuilderState>(() => stateOf(expression));
  const written = useRef(expression);

  // An expression edited directly (here or in the JSON view) resets the builder.
  useEffect(() => {
    if (expression !== written.current) {
      written.current = expression;
      setState(stateOf(expression));
    }
  }, [expression]);

  if (!element) return null;
  const earlier = questionsBefore(definition, path);
  const sourceOf = (name: string) => earlier.find((q) => q.name === name)?.element;
  const source = sourceOf(state.question);
  const offered = source ? offeredValues(source)?.flatMap((v) => asConditionValue(v) ?? []) : null;
  const operators = [...new Set([...operatorsFor(source), state.operator])];
  const uiLang: Lang = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const base = defaultLanguage(definition);
  const custom = expression !== '' && parseCondition(expression) === null;

  function write(next: string) {
    written.current = next;
    edit(updateElement(definition, path, (e) => withProp(e, 'visibleIf', next === '' ? undefined : next)));
  }

  function update(next: BuilderState) {
    setState(next);
    if (next.question === '') write('');
    else if (!operatorNeedsValue(next.operator))
      write(buildCondition({ question: next.question, operator: next.operator }));
    else if (next.value !== null)
      write(buildCondition({ question: next.question, operator: next.operator, value: next.value }));
  }

  function chooseQuestion(name: string) {
    const allowed = operatorsFor(sourceOf(name));
    const operator = allowed.includes(state.operator) ? state.operator : allowed[0]!;
    update({ question: name, operator, value: null, text: '' });
  }

  function chooseValue(key: string) {
    if (key === '') {
      setState({ ...state, value: null, text: '' });
      return;
    }
    const value = asConditionValue(JSON.parse(key) as ConditionValue);
    if (value !== undefined) update({ ...state, value, text: String(value) });
  }

  function typeValue(text: string) {
    update({ ...state, text, value: text === '' ? null : typedConditionValue(source, text) });
  }

  return (
    <fieldset className="condition">
      <legend>{t('designer.condition.title')}</legend>
      {earlier.length === 0 && expression === '' ? (
        <p className="muted">{t('designer.condition.noEarlier')}</p>
      ) : (
        <div className="condition-builder">
          <div className="field">
            <label htmlFor={`${id}-question`}>{t('designer.condition.question')}</label>
            <select
              id={`${id}-question`}
              disabled={readOnly}
              value={state.question}
              onChange={(event) => chooseQuestion(event.target.value)}
            >
              <option value="">{t('designer.condition.always')}</option>
              {earlier.map((q) => (
                <option key={q.name} value={q.name}>
                  {questionLabel(q.element, uiLang, base)}
                </option>
              ))}
              {state.question !== '' && !source && <option value={state.question}>{state.question}</option>}
            </select>
          </div>
          {state.question !== '' && (
            <div className="field">
              <label htmlFor={`${id}-operator`}>{t('designer.condition.operator')}</label>
              <select
                id={`${id}-operator`}
                disabled={readOnly}
                value={state.operator}
                onChange={(event) => update({ ...state, operator: event.target.value as ConditionOperator })}
              >
                {operators.map((operator) => (
                  <option key={operator} value={operator}>
                    {t(`designer.condition.operators.${operator}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {state.question !== '' && operatorNeedsValue(state.operator) && (
            <div className="field">
              <label htmlFor={`${id}-value`}>{t('designer.condition.value')}</label>
              {offered ? (
                <select
                  id={`${id}-value`}
                  disabled={readOnly}
                  value={state.value === null ? '' : valueKey(state.value)}
                  onChange={(event) => chooseValue(event.target.value)}
                >
                  <option value="">{t('designer.condition.pickValue')}</option>
                  {offered.map((value) => (
                    <option key={valueKey(value)} value={valueKey(value)}>
                      {valueLabel(source, value, uiLang, base, t)}
                    </option>
                  ))}
                  {state.value !== null && !offered.some((v) => v === state.value) && (
                    <option value={valueKey(state.value)}>{String(state.value)}</option>
                  )}
                </select>
              ) : (
                <input
                  id={`${id}-value`}
                  readOnly={readOnly}
                  value={state.text}
                  onChange={(event) => typeValue(event.target.value)}
                />
              )}
            </div>
          )}
        </div>
      )}
      {custom && <p className="muted">{t('designer.condition.custom')}</p>}
      <TextField
        label={t('designer.condition.raw')}
        hint={t('designer.condition.rawHint')}
        className="input-code"
        spellCheck={false}
        autoCapitalize="none"
        readOnly={readOnly}
        value={expression}
        onChange={(event) => write(event.target.value)}
      />
    </fieldset>
  );
}

function questionLabel(question: JsonObject, lang: Lang, base: string): string {
  const title = shownText(question.title, lang, base);
  return title ? `${nameOf(question)}: ${truncate(title)}` : nameOf(question);
}

function valueLabel(
  source: JsonObject | undefined,
  value: ConditionValue,
  lang: Lang,
  base: string,
  t: TFunction,
): string {
  if (typeof value === 'boolean') return value ? t('designer.condition.yes') : t('designer.condition.no');
  const item = source ? itemsOf(source.choices).find((i) => itemValue(i) === value) : undefined;
  const label = item ? shownText(itemLabel(item), lang, base) : value === 'other' ? t('designer.condition.other') : '';
  return label && label !== String(value) ? `${truncate(label)} (${String(value)})` : String(value);
}

const truncate = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
