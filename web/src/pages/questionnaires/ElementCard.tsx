import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MoveWords } from './MoveWords';
import { ConfirmButton } from '../../components/ConfirmButton';
import {
  addElement,
  duplicateElement,
  elementTypes,
  moveElement,
  moveElementToPage,
  nameOf,
  pagesOf,
  removeElement,
  typeOf,
  type ElementPath,
  type ElementType,
} from '../../designer/elements';
import { isObject, type Json, type JsonObject } from '../../designer/json';
import { defaultLanguage } from '../../components/survey/locales';
import { shownText, type Lang } from '../../designer/text';
import { focusSoon, useEditor } from './EditorContext';
import { ElementFields } from './ElementFields';

/** React keys for elements: their names, made unique where the JSON repeats one. */
function elementKeys(elements: Json[]): string[] {
  const seen = new Map<string, number>();
  return elements.map((element, index) => {
    const name = isObject(element) ? nameOf(element) : '';
    if (!name) return `#${index}`;
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}#${index}`;
  });
}

/** The elements of a page or panel, each as a card, and a way to add one. */
export function ElementList({
  parentPath,
  elements,
  placeLabel,
}: {
  parentPath: ElementPath;
  elements: Json[];
  placeLabel: string;
}) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  const keys = elementKeys(elements);
  return (
    <>
      {elements.length === 0 ? (
        <p className="muted">
          {parentPath.length === 1 ? t('designer.pages.empty') : t('designer.element.panelEmpty')}
        </p>
      ) : (
        <ol className="element-list">
          {elements.map((element, index) =>
            isObject(element) ? (
              <ElementCard
                key={keys[index]}
                path={[...parentPath, index]}
                element={element}
                siblings={elements.length}
              />
            ) : null,
          )}
        </ol>
      )}
      {!readOnly && <AddElement parentPath={parentPath} placeLabel={placeLabel} />}
    </>
  );
}

function AddElement({ parentPath, placeLabel }: { parentPath: ElementPath; placeLabel: string }) {
  const { t } = useTranslation();
  const { definition, edit, reveal } = useEditor();
  const id = useId();
  const [type, setType] = useState<ElementType>('radiogroup');

  function add(event: FormEvent) {
    event.preventDefault();
    const result = addElement(definition, parentPath, type);
    edit(result.definition);
    reveal(result.name);
  }

  return (
    <div className="add-element" role="group" aria-label={t('designer.add.named', { place: placeLabel })}>
      <label htmlFor={`${id}-type`}>{t('designer.add.type')}</label>
      <select id={`${id}-type`} value={type} onChange={(event) => setType(event.target.value as ElementType)}>
        {elementTypes.map((option) => (
          <option key={option} value={option}>
            {t(`designer.types.${option}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={add}>
        {t('designer.add.submit')}
      </button>
    </div>
  );
}

/** One element: a summary line with its actions, and its fields when opened. */
function ElementCard({ path, element, siblings }: { path: ElementPath; element: JsonObject; siblings: number }) {
  const { t, i18n } = useTranslation();
  const { definition, edit, readOnly, isOpen, setOpen, announce, reveal } = useEditor();
  const id = useId();
  const name = nameOf(element);
  const type = typeOf(element);
  const open = isOpen(name);
  const index = path[path.length - 1] ?? 0;
  const uiLang: Lang = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const base = defaultLanguage(definition);
  const title = shownText(element.title, uiLang, base);
  const typeLabel = (elementTypes as readonly string[]).includes(type)
    ? t(`designer.types.${type as ElementType}`)
    : t('designer.types.unknown', { type });
  const focusKey = (action: string) => `[data-focus="element-${name}-${action}"]`;
  const label = name || typeLabel;

  function move(delta: -1 | 1) {
    edit(moveElement(definition, path, delta).definition);
    focusSoon(focusKey(delta < 0 ? 'up' : 'down'));
  }

  function duplicate() {
    const result = duplicateElement(definition, path);
    if (!result) return;
    edit(result.definition);
    announce(t('designer.element.duplicated', { name: result.name }));
    reveal(result.name);
  }

  return (
    <li className="element-card" id={name ? `element-${name}` : undefined}>
      <div className="element-summary">
        <button
          type="button"
          className="element-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          data-focus={`element-${name}-toggle`}
          onClick={() => setOpen(name, !open)}
        >
          <span className="element-type">{typeLabel}</span>
          <span className="element-title">
            {type === 'html'
              ? shownText(element.html, uiLang, base)
                  .replace(/<[^>]*>/g, ' ')
                  .slice(0, 80)
              : title || t('designer.element.noTitle')}
          </span>
          <code className="element-name">{name}</code>
          {element.isRequired === true && <span className="badge">{t('designer.element.required')}</span>}
          {typeof element.visibleIf === 'string' && element.visibleIf !== '' && (
            <span className="badge">{t('designer.element.conditional')}</span>
          )}
        </button>
        {!readOnly && (
          <div className="actions element-actions">
            <button
              type="button"
              className="button-small"
              aria-label={t('designer.element.moveUpNamed', { name: label })}
              data-focus={`element-${name}-up`}
              disabled={index === 0}
              onClick={() => move(-1)}
            >
              <MoveWords direction="up" />
            </button>
            <button
              type="button"
              className="button-small"
              aria-label={t('designer.element.moveDownNamed', { name: label })}
              data-focus={`element-${name}-down`}
              disabled={index === siblings - 1}
              onClick={() => move(1)}
            >
              <MoveWords direction="down" />
            </button>
            <button
              type="button"
              className="button-small"
              aria-label={t('designer.element.duplicateNamed', { name: label })}
              onClick={duplicate}
            >
              {t('designer.element.duplicate')}
            </button>
            <MoveToPage path={path} label={label} />
            <ConfirmButton
              label={t('designer.element.remove')}
              accessibleLabel={t('designer.element.removeNamed', { name: label })}
              question={t('designer.element.removeQuestion', { name: label })}
              confirmLabel={t('designer.element.removeConfirm')}
              pending={false}
              onConfirm={() => {
                edit(removeElement(definition, path));
                focusSoon(`[data-focus="page-${path[0]}-heading"]`);
              }}
            />
          </div>
        )}
      </div>
      <div id={`${id}-body`} className="element-body" hidden={!open}>
        {open && (
          <>
            <ElementFields path={path} element={element} />
            {type === 'panel' && (
              <section className="panel-elements" aria-label={t('designer.element.panelElements', { name: label })}>
                <h4>{t('designer.element.panelElements', { name: label })}</h4>
                <ElementList
                  parentPath={path}
                  elements={Array.isArray(element.elements) ? element.elements : []}
                  placeLabel={t('designer.add.toPanel', { name: label })}
                />
              </section>
            )}
          </>
        )}
      </div>
    </li>
  );
}

function MoveToPage({ path, label }: { path: ElementPath; label: string }) {
  const { t } = useTranslation();
  const { definition, edit, reveal } = useEditor();
  const id = useId();
  const pages = pagesOf(definition);
  const others = pages.map((_, i) => i).filter((i) => i !== path[0] || path.length > 2);
  const [target, setTarget] = useState<number>(others[0] ?? -1);
  if (pages.length < 2 && path.length <= 2) return null;
  const chosen = others.includes(target) ? target : (others[0] ?? -1);

  return (
    <span className="move-to-page">
      <label htmlFor={`${id}-page`} className="visually-hidden">
        {t('designer.element.moveToPageNamed', { name: label })}
      </label>
      <select
        id={`${id}-page`}
        className="select-small"
        value={chosen}
        onChange={(event) => setTarget(Number(event.target.value))}
      >
        {others.map((i) => (
          <option key={i} value={i}>
            {t('designer.element.pageOption', { number: i + 1 })}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button-small"
        aria-label={t('designer.element.moveToPageNamed', { name: label })}
        onClick={() => {
          if (chosen < 0) return;
          edit(moveElementToPage(definition, path, chosen).definition);
          reveal(label);
        }}
      >
        {t('designer.element.move')}
      </button>
    </span>
  );
}
