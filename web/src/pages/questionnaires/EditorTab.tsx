import { useTranslation } from 'react-i18next';
import { MoveWords } from './MoveWords';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TextField } from '../../components/TextField';
import { addPage, elementsOntoPage, movePage, nameOf, pagesOf, removePage, updatePage } from '../../designer/elements';
import { isObject, withProp, type JsonObject } from '../../designer/json';
import { defaultLanguage, languageName, languagesOf } from '../../components/survey/locales';
import { shownText } from '../../designer/text';
import { focusSoon, useEditor } from './EditorContext';
import { ElementList } from './ElementCard';
import { LocalisedFields } from './LocalisedFields';

/** The structured editor: questionnaire texts, then each page with its elements. */
export function EditorTab() {
  const { t, i18n } = useTranslation();
  const { definition, edit, readOnly } = useEditor();
  const pages = pagesOf(definition);
  const uiLang = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const base = defaultLanguage(definition);
  const others = languagesOf(definition).filter((l) => l !== 'de' && l !== 'en');

  function add() {
    const result = addPage(definition);
    edit(result.definition);
    focusSoon(`[data-focus="page-${result.index}-heading"]`);
  }

  return (
    <div className="editor">
      <section className="panel" aria-labelledby="survey-settings">
        <h2 id="survey-settings">{t('designer.survey.title')}</h2>
        <p className="muted">
          {t('designer.survey.defaultLanguage', { language: languageName(base, uiLang) })}
          {others.length > 0 &&
            ` ${t('designer.survey.otherLanguages', { languages: others.map((l) => languageName(l, uiLang)).join(', ') })}`}
        </p>
        <LocalisedFields
          label={t('designer.survey.titleField')}
          value={definition.title}
          onChange={(value) => edit(withProp(definition, 'title', value))}
        />
        <LocalisedFields
          label={t('designer.survey.description')}
          multiline
          value={definition.description}
          onChange={(value) => edit(withProp(definition, 'description', value))}
        />
        <LocalisedFields
          label={t('designer.survey.completedHtml')}
          hint={t('designer.element.htmlHint')}
          multiline
          value={definition.completedHtml}
          onChange={(value) => edit(withProp(definition, 'completedHtml', value))}
        />
      </section>

      {Array.isArray(definition.elements) && (
        <div className="alert alert-error">
          <p>{t('designer.pages.missing')}</p>
          {!readOnly && (
            <button type="button" onClick={() => edit(elementsOntoPage(definition))}>
              {t('designer.pages.putOnPage')}
            </button>
          )}
        </div>
      )}
      {pages.length === 0 && <p className="empty">{t('designer.pages.none')}</p>}
      {pages.map((page, index) =>
        isObject(page) ? <PageCard key={index} index={index} page={page} count={pages.length} /> : null,
      )}
      {!readOnly && (
        <button type="button" onClick={add}>
          {t('designer.pages.add')}
        </button>
      )}
    </div>
  );
}

function PageCard({ index, page, count }: { index: number; page: JsonObject; count: number }) {
  const { t, i18n } = useTranslation();
  const { definition, edit, readOnly } = useEditor();
  const number = index + 1;
  const headingId = `page-${index}-title`;
  const title = shownText(page.title, i18n.resolvedLanguage === 'de' ? 'de' : 'en', defaultLanguage(definition));

  function move(delta: -1 | 1) {
    const result = movePage(definition, index, delta);
    edit(result.definition);
    focusSoon(`[data-focus="page-${result.index}-${delta < 0 ? 'up' : 'down'}"]`);
  }

  return (
    <section className="page-card" aria-labelledby={headingId}>
      <div className="page-card-header">
        <h2 id={headingId} tabIndex={-1} data-focus={`page-${index}-heading`}>
          {t('designer.pages.title', { number })}
          {title && <span className="page-card-title">{title}</span>}
        </h2>
        {!readOnly && (
          <div className="actions">
            <button
              type="button"
              className="button-small"
              aria-label={t('designer.pages.moveUp', { number })}
              data-focus={`page-${index}-up`}
              disabled={index === 0}
              onClick={() => move(-1)}
            >
              <MoveWords direction="up" />
            </button>
            <button
              type="button"
              className="button-small"
              aria-label={t('designer.pages.moveDown', { number })}
              data-focus={`page-${index}-down`}
              disabled={index === count - 1}
              onClick={() => move(1)}
            >
              <MoveWords direction="down" />
            </button>
            <ConfirmButton
              label={t('designer.pages.remove')}
              accessibleLabel={t('designer.pages.removeNamed', { number })}
              question={t('designer.pages.removeQuestion', { number })}
              confirmLabel={t('designer.pages.removeConfirm')}
              pending={false}
              onConfirm={() => {
                edit(removePage(definition, index));
                focusSoon(`[data-focus="page-${Math.max(0, index - 1)}-heading"]`);
              }}
            />
          </div>
        )}
      </div>
      <div className="field-pair">
        <TextField
          label={t('designer.pages.name')}
          className="input-code"
          spellCheck={false}
          readOnly={readOnly}
          value={nameOf(page)}
          onChange={(event) =>
            edit(updatePage(definition, index, (p) => withProp(p, 'name', event.target.value || undefined)))
          }
        />
      </div>
      <LocalisedFields
        label={t('designer.pages.pageTitle')}
        value={page.title}
        onChange={(value) => edit(updatePage(definition, index, (p) => withProp(p, 'title', value)))}
      />
      <ElementList
        parentPath={[index]}
        elements={Array.isArray(page.elements) ? page.elements : []}
        placeLabel={t('designer.add.toPage', { number })}
      />
    </section>
  );
}
