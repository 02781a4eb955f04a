import { useRef, type ChangeEvent, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { defaultLanguage } from '../../components/survey/locales';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import type { DraftAction, DraftState } from '../../designer/draft-state';
import type { JsonObject } from '../../designer/json';
import { useDateFormat } from '../../format';
import { EditorContext, type EditorApi } from './EditorContext';
import { EditorTab } from './EditorTab';
import { downloadJson } from './fileTransfer';
import { JsonTab } from './JsonTab';
import { PreviewTab } from './PreviewTab';
import { views, type View } from './useDesignerView';
import { VersionsTab } from './VersionsTab';

// The parts of the designer page below its heading, in page order.

/** The questionnaire's address name, newest version and draft. */
export function DesignerFacts({ questionnaire, latest }: { questionnaire: Questionnaire; latest: number | null }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const slug = questionnaire.slug;
  return (
    <dl className="facts">
      <dt>{t('designer.facts.slug')}</dt>
      <dd>
        <code>{slug}</code>
      </dd>
      <dt>{t('designer.facts.latest')}</dt>
      <dd>{latest === null ? t('designer.facts.neverPublished') : t('questionnaires.version', { version: latest })}</dd>
      <dt>{t('designer.facts.draft')}</dt>
      <dd>
        {questionnaire.draft
          ? t('designer.facts.draftSaved', { date: format.dateTime(questionnaire.draft.updatedAt) })
          : t('designer.facts.noDraft')}
      </dd>
    </dl>
  );
}

/** Save, publish and discard (organisers). */
export function DesignerToolbar(props: {
  dirty: boolean;
  saving: boolean;
  publishDisabled: boolean;
  hasDraft: boolean;
  latest: number | null;
  discarding: boolean;
  onSave: () => void;
  onPublish: () => void;
  onDiscard: () => void;
}) {
  const { dirty, saving, publishDisabled, hasDraft, latest, discarding, onSave, onPublish, onDiscard } = props;
  const { t } = useTranslation();
  return (
    <div className="designer-toolbar">
      <p className={dirty ? 'save-state save-state-dirty' : 'save-state'} role="status">
        {dirty ? t('designer.unsaved') : t('designer.allSaved')}
      </p>
      {/* Never disabled: a keyboard user who saves keeps the focus here. */}
      <button type="button" className="button-primary" aria-disabled={saving || undefined} onClick={onSave}>
        {saving ? t('common.pleaseWait') : t('designer.save')}
      </button>
      <button type="button" disabled={publishDisabled} onClick={onPublish}>
        {t('designer.publish')}
      </button>
      {hasDraft && latest !== null && (
        <ConfirmButton
          label={t('designer.discard')}
          question={t('designer.discardQuestion', { version: latest })}
          confirmLabel={t('designer.discardConfirm')}
          pending={discarding}
          onConfirm={onDiscard}
        />
      )}
    </div>
  );
}

/** The definition as a JSON file to download, and (organisers) one to import. */
export function TransferPanel(props: {
  fileName: string;
  definition: JsonObject;
  canEdit: boolean;
  onImport: (event: ChangeEvent<HTMLInputElement>) => Promise<void>;
}) {
  const { fileName, definition, canEdit, onImport } = props;
  const { t } = useTranslation();
  const fileInputRef = useRef<HTMLInputElement>(null);
  return (
    <details className="transfer">
      <summary>{t('designer.transfer.title')}</summary>
      <div className="transfer-body">
        <button type="button" onClick={() => downloadJson(fileName, definition)}>
          {t('designer.transfer.export')}
        </button>
        {canEdit && (
          <div className="field">
            <label htmlFor="designer-import">{t('designer.transfer.import')}</label>
            <p id="designer-import-hint" className="field-hint">
              {t('designer.transfer.importHint')}
            </p>
            <input
              ref={fileInputRef}
              id="designer-import"
              type="file"
              accept=".json,application/json"
              aria-describedby="designer-import-hint"
              onChange={(event) => void onImport(event)}
            />
          </div>
        )}
      </div>
    </details>
  );
}

/** The four views of the draft as tabs: structured editor, JSON, preview, versions. */
export function DesignerViews(props: {
  view: View;
  setView: (view: View) => void;
  editor: EditorApi | null;
  announcement: string;
  state: DraftState;
  dispatch: Dispatch<DraftAction>;
  ws: string;
  questionnaire: Questionnaire;
  canEdit: boolean;
  startingDraft: boolean;
  onStartDraft: (version: number) => void;
}) {
  const { view, setView, editor, announcement, state, dispatch, ws, questionnaire, canEdit } = props;
  const { startingDraft, onStartDraft } = props;
  const { t } = useTranslation();
  const tabs = views.map((id) => ({ id, label: t(`designer.tabs.${id}`) }));
  const idPrefix = 'designer';
  return (
    <>
      <Tabs label={t('designer.views')} tabs={tabs} selected={view} onSelect={setView} idPrefix={idPrefix} />
      <div {...tabPanelProps(idPrefix, view)} className="tab-panel">
        {view === 'editor' && editor && (
          <EditorContext.Provider value={editor}>
            {state.jsonError && <p className="alert alert-error">{t('designer.json.stale')}</p>}
            <div className="visually-hidden" role="status">
              {announcement}
            </div>
            <EditorTab />
          </EditorContext.Provider>
        )}
        {view === 'json' && (
          <JsonTab
            text={state.jsonText}
            error={state.jsonError}
            readOnly={!canEdit}
            onChange={(text) => dispatch({ type: 'json', text })}
          />
        )}
        {view === 'preview' && (
          <>
            {state.jsonError && <p className="alert alert-error">{t('designer.json.stale')}</p>}
            <PreviewTab definition={state.definition} />
          </>
        )}
        {view === 'versions' && (
          <VersionsTab
            ws={ws}
            questionnaire={questionnaire}
            canEdit={canEdit}
            onStartDraft={onStartDraft}
            startingDraft={startingDraft}
            baseLanguage={defaultLanguage(state.definition)}
          />
        )}
      </div>
    </>
  );
}
