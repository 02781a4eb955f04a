import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '../../components/TextField';
import {
  choiceTypes,
  elementNames,
  elementTypes,
  layoutTypes,
  nameOf,
  nameProblem,
  otherTypes,
  renameElement,
  textInputTypes,
  typeOf,
  updateElement,
  type ElementPath,
} from '../../designer/elements';
import { itemsOf, type ItemList } from '../../designer/items';
import { withProp, type Json, type JsonObject } from '../../designer/json';
import { ConditionBuilder } from './ConditionBuilder';
import { useEditor } from './EditorContext';
import { ItemListEditor } from './ItemListEditor';
import { LocalisedFields } from './LocalisedFields';

/** The fields of one element that the editor knows; every other property is left alone. */
export function ElementFields({ path, element }: { path: ElementPath; element: JsonObject }) {
  const { t } = useTranslation();
  const { definition, edit, readOnly } = useEditor();
  const type = typeOf(element);
  const known = (elementTypes as readonly string[]).includes(type);
  const set = (key: string, value: Json | undefined) =>
    edit(updateElement(definition, path, (e) => withProp(e, key, value)));
  const setList = (key: string) => (list: ItemList) => set(key, list);

  return (
    <>
      <NameField path={path} name={nameOf(element)} />
      {!known && <p className="alert alert-error">{t('designer.element.unknownType')}</p>}
      {type === 'html' && (
        <LocalisedFields
          label={t('designer.element.html')}
          hint={t('designer.element.htmlHint')}
          multiline
          value={element.html}
          onChange={(value) => set('html', value)}
        />
      )}
      {type !== 'html' && known && (
        <>
          <LocalisedFields
            label={type === 'panel' ? t('designer.element.panelTitle') : t('designer.element.title')}
            value={element.title}
            onChange={(value) => set('title', value)}
          />
          <LocalisedFields
            label={t('designer.element.description')}
            multiline
            value={element.description}
            onChange={(value) => set('description', value)}
          />
        </>
      )}
      {!layoutTypes.has(type) && type !== 'expression' && known && (
        <CheckboxField
          label={t('designer.element.requiredAnswer')}
          checked={element.isRequired === true}
          disabled={readOnly}
          onChange={(event) => set('isRequired', event.target.checked ? true : undefined)}
        />
      )}
      {type === 'text' && (
        <SelectField
          label={t('designer.element.inputType')}
          disabled={readOnly}
          value={typeof element.inputType === 'string' ? element.inputType : 'text'}
          onChange={(event) => set('inputType', event.target.value === 'text' ? undefined : event.target.value)}
          options={textInputTypes.map((inputType) => ({
            value: inputType,
            label: t(`designer.element.inputTypes.${inputType}`),
          }))}
        />
      )}
      {(type === 'text' || type === 'comment') && (
        <LocalisedFields
          label={t('designer.element.placeholder')}
          value={element.placeholder}
          onChange={(value) => set('placeholder', value)}
        />
      )}
      {choiceTypes.has(type) && (
        <ItemListEditor
          label={t('designer.items.choices')}
          list={itemsOf(element.choices)}
          onChange={setList('choices')}
        />
      )}
      {otherTypes.has(type) && (
        <>
          <CheckboxField
            label={t('designer.element.other')}
            checked={element.showOtherItem === true || element.hasOther === true}
            disabled={readOnly}
            onChange={(event) => {
              // `hasOther` is the older spelling of the same switch; keep one.
              const cleaned = updateElement(definition, path, (e) =>
                withProp(withProp(e, 'hasOther', undefined), 'showOtherItem', event.target.checked ? true : undefined),
              );
              edit(cleaned);
            }}
          />
          {(element.showOtherItem === true || element.hasOther === true) && (
            <LocalisedFields
              label={t('designer.element.otherText')}
              value={element.otherText}
              onChange={(value) => set('otherText', value)}
            />
          )}
        </>
      )}
      {type === 'boolean' && (
        <>
          <LocalisedFields
            label={t('designer.element.labelTrue')}
            value={element.labelTrue}
            onChange={(value) => set('labelTrue', value)}
          />
          <LocalisedFields
            label={t('designer.element.labelFalse')}
            value={element.labelFalse}
            onChange={(value) => set('labelFalse', value)}
          />
        </>
      )}
      {type === 'rating' && <RatingFields element={element} set={set} />}
      {type === 'matrix' && (
        <>
          <ItemListEditor label={t('designer.items.rows')} list={itemsOf(element.rows)} onChange={setList('rows')} />
          <ItemListEditor
            label={t('designer.items.columns')}
            list={itemsOf(element.columns)}
            onChange={setList('columns')}
          />
        </>
      )}
      {type === 'expression' && (
        <TextField
          label={t('designer.element.expression')}
          hint={t('designer.element.expressionHint')}
          className="input-code"
          spellCheck={false}
          readOnly={readOnly}
          value={typeof element.expression === 'string' ? element.expression : ''}
          onChange={(event) => set('expression', event.target.value === '' ? undefined : event.target.value)}
        />
      )}
      <ConditionBuilder path={path} />
    </>
  );
}

/**
 * The name changes only on "Rename": it is the question's identity across
 * versions, and conditions referring to it are rewritten along with it.
 */
function NameField({ path, name }: { path: ElementPath; name: string }) {
  const { t } = useTranslation();
  const { definition, edit, readOnly, focusRequest, takeFocus, announce, reveal } = useEditor();
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | undefined>();
  const [input, setInput] = useState<HTMLInputElement | null>(null);

  useEffect(() => setDraft(name), [name]);

  useEffect(() => {
    if (input && takeFocus(name)) {
      input.scrollIntoView({ block: 'center' });
      input.focus();
    }
  }, [focusRequest, input, name, takeFocus]);

  function rename(event: FormEvent) {
    event.preventDefault();
    const next = draft.trim();
    if (next === name) return;
    const taken = elementNames(definition);
    taken.delete(name);
    const problem = nameProblem(next, taken);
    if (problem) {
      setError(
        problem === 'pattern' ? t('designer.element.nameInvalid') : t('designer.element.nameTaken', { name: next }),
      );
      input?.focus();
      return;
    }
    setError(undefined);
    edit(renameElement(definition, path, next));
    announce(t('designer.element.renamed', { name: next }));
    reveal(next);
  }

  return (
    // Not a <form>: the editor may sit inside other forms' reach, and Enter is handled here.
    <div className="form-inline name-field">
      <div className="field-grow">
        <TextField
          ref={setInput}
          label={t('designer.element.name')}
          hint={t('designer.element.nameHint')}
          error={error}
          className="input-code"
          spellCheck={false}
          autoCapitalize="none"
          autoComplete="off"
          readOnly={readOnly}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') rename(event);
          }}
        />
      </div>
      {!readOnly && (
        <button type="button" disabled={draft.trim() === name} onClick={rename}>
          {t('designer.element.rename')}
        </button>
      )}
    </div>
  );
}

/** Scale from rateMin to rateMax in rateStep steps, with labels for both ends. */
function RatingFields({ element, set }: { element: JsonObject; set: (key: string, value: Json | undefined) => void }) {
  const { t } = useTranslation();
  if (Array.isArray(element.rateValues)) return <p className="muted">{t('designer.rating.ownValues')}</p>;
  return (
    <>
      <div className="field-row">
        <NumberField
          label={t('designer.rating.min')}
          value={element.rateMin}
          fallback={1}
          onChange={(v) => set('rateMin', v)}
        />
        <NumberField
          label={t('designer.rating.max')}
          value={element.rateMax}
          fallback={5}
          onChange={(v) => set('rateMax', v)}
        />
        <NumberField
          label={t('designer.rating.step')}
          value={element.rateStep}
          fallback={1}
          onChange={(v) => set('rateStep', v)}
        />
      </div>
      <LocalisedFields
        label={t('designer.rating.minDescription')}
        value={element.minRateDescription}
        onChange={(v) => set('minRateDescription', v)}
      />
      <LocalisedFields
        label={t('designer.rating.maxDescription')}
        value={element.maxRateDescription}
        onChange={(v) => set('maxRateDescription', v)}
      />
    </>
  );
}

/** A number property; text that is not (yet) a number is kept in the field but not written. */
function NumberField({
  label,
  value,
  fallback,
  onChange,
}: {
  label: string;
  value: Json | undefined;
  fallback: number;
  onChange: (value: number | undefined) => void;
}) {
  const { readOnly } = useEditor();
  const shown = typeof value === 'number' ? String(value) : '';
  const [text, setText] = useState(shown);
  // Only a change from elsewhere (the JSON view) replaces what is typed here.
  useEffect(() => {
    if (text.trim() === '' ? value !== undefined : Number(text) !== value) setText(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change from elsewhere (the JSON view) replaces what is typed here.
  }, [shown]);
  return (
    <TextField
      label={label}
      inputMode="decimal"
      className="input-short"
      readOnly={readOnly}
      placeholder={String(fallback)}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        if (next.trim() === '') onChange(undefined);
        else if (Number.isFinite(Number(next))) onChange(Number(next));
      }}
    />
  );
}
