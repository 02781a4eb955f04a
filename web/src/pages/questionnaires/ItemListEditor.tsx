import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MoveWords } from './MoveWords';
import {
  addItem,
  itemLabel,
  itemValue,
  moveItem,
  removeItem,
  valueText,
  withItemLabel,
  withItemValue,
  type ItemList,
} from '../../designer/items';
import { langs, textOf } from '../../designer/text';
import { defaultLanguage } from '../../components/survey/locales';
import { focusSoon, useEditor } from './EditorContext';

interface ItemListEditorProps {
  /** "Choices", "Rows" or "Columns". */
  label: string;
  list: ItemList;
  onChange: (list: ItemList) => void;
}

/** A choice list (or matrix rows/columns): value and German/English label per entry. */
export function ItemListEditor({ label, list, onChange }: ItemListEditorProps) {
  const { t } = useTranslation();
  const { readOnly, definition } = useEditor();
  const base = defaultLanguage(definition);
  const id = useId();
  const focusKey = (index: number, what: string) => `[data-focus="${id}-${index}-${what}"]`;

  function move(index: number, delta: -1 | 1) {
    onChange(moveItem(list, index, delta));
    focusSoon(focusKey(index + delta, delta < 0 ? 'up' : 'down'));
  }

  function add() {
    onChange(addItem(list));
    focusSoon(focusKey(list.length, 'value'));
  }

  function remove(index: number) {
    onChange(removeItem(list, index));
    focusSoon(list.length > 1 ? focusKey(Math.max(0, index - 1), 'value') : `[data-focus="${id}-add"]`);
  }

  const fieldLabel = (field: string, number: number) => t('designer.items.fieldOfEntry', { field, number });

  return (
    <fieldset className="item-list">
      <legend>{label}</legend>
      {list.length === 0 && <p className="muted">{t('designer.items.empty')}</p>}
      {list.length > 0 && (
        <ol className="item-rows">
          {list.map((item, index) => {
            const number = index + 1;
            const label = itemLabel(item);
            return (
              <li key={index} className="item-row">
                <span className="item-number" aria-hidden="true">
                  {number}
                </span>
                <input
                  aria-label={fieldLabel(t('designer.items.value'), number)}
                  className="item-value"
                  data-focus={`${id}-${index}-value`}
                  readOnly={readOnly}
                  spellCheck={false}
                  value={valueText(itemValue(item))}
                  onChange={(event) => onChange(withItemValue(list, index, event.target.value))}
                />
                {langs.map((lang) => (
                  <input
                    key={lang}
                    lang={lang}
                    aria-label={fieldLabel(
                      t('designer.inLanguage', {
                        field: t('designer.items.label'),
                        language: t(`designer.lang.${lang}`),
                      }),
                      number,
                    )}
                    placeholder={t('designer.inLanguage', {
                      field: t('designer.items.label'),
                      language: t(`designer.lang.${lang}`),
                    })}
                    readOnly={readOnly}
                    value={textOf(label, lang, base)}
                    onChange={(event) => onChange(withItemLabel(list, index, lang, event.target.value, base))}
                  />
                ))}
                {!readOnly && (
                  <span className="actions item-actions">
                    <button
                      type="button"
                      className="button-small"
                      aria-label={t('designer.items.moveUp', { number })}
                      data-focus={`${id}-${index}-up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <MoveWords direction="up" />
                    </button>
                    <button
                      type="button"
                      className="button-small"
                      aria-label={t('designer.items.moveDown', { number })}
                      data-focus={`${id}-${index}-down`}
                      disabled={index === list.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <MoveWords direction="down" />
                    </button>
                    <button
                      type="button"
                      className="button-small button-danger"
                      aria-label={t('designer.items.removeNamed', { number })}
                      onClick={() => remove(index)}
                    >
                      {t('designer.items.remove')}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {list.length > 0 && <p className="field-hint">{t('designer.items.valueHint')}</p>}
      {!readOnly && (
        <button
          type="button"
          className="button-small"
          data-focus={`${id}-add`}
          aria-label={t('designer.items.addTo', { list: label })}
          onClick={add}
        >
          {t('designer.items.add')}
        </button>
      )}
    </fieldset>
  );
}
