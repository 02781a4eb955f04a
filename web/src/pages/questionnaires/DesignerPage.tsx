import { useReducer, useState, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuestionnaire, useVersion } from '../../api/questionnaires';
import type { Questionnaire, Workspace } from '../../api/types';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading, SuccessStatus } from '../../components/Status';
import { UnsavedChangesGuard } from '../../components/UnsavedChanges';
import {
  draftReducer,
  initialDraftState,
  isDirty,
  type DraftAction,
  type DraftState,
} from '../../designer/draft-state';
import { allElements, findElementPath, nameOf } from '../../designer/elements';
import type { JsonObject } from '../../designer/json';
import { defaultLanguage } from '../../components/survey/locales';
import { shownText } from '../../designer/text';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { DesignerFacts, DesignerToolbar, DesignerViews, TransferPanel } from './DesignerSections';
import { focusSoon } from './EditorContext';
import { ProblemList, WarningList } from './ProblemList';
import { PublishDialog } from './PublishDialog';
import { useDesignerView } from './useDesignerView';
import { useDraftActions } from './useDraftActions';
import { useEditorApi } from './useEditorApi';

export function DesignerPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const slug = useParams().slug ?? '';
  const questionnaire = useQuestionnaire(workspace.slug, slug);

  if (questionnaire.isPending) return <Loading />;
  if (questionnaire.isError) {
    return (
      <PageError
        error={questionnaire.error}
        notFoundStatuses={[404]}
        notFound={
          <>
            <PageHeading title={t('designer.notFound.title')} />
            <p>{t('designer.notFound.text')}</p>
            <p>
              <Link to={`/w/${workspace.slug}/questionnaires`}>{t('designer.notFound.back')}</Link>
            </p>
          </>
        }
      />
    );
  }
  return <Designer key={slug} workspace={workspace} questionnaire={questionnaire.data} />;
}

/** `load` starts the state; every other action needs one. */
function designerReducer(state: DraftState | null, action: DraftAction): DraftState | null {
  if (action.type === 'load') return initialDraftState(action.definition);
  return state && draftReducer(state, action);
}

function Designer({ workspace, questionnaire }: { workspace: Workspace; questionnaire: Questionnaire }) {
  const { t, i18n } = useTranslation();
  const ws = workspace.slug;
  const slug = questionnaire.slug;
  const canEdit = workspace.role === 'organiser';
  const latest = questionnaire.versions.at(-1)?.version ?? null;

  const [state, dispatch] = useReducer(designerReducer, questionnaire.draft, (draft) =>
    draft ? initialDraftState(draft.definition as JsonObject) : latest === null ? initialDraftState({}) : null,
  );
  // Without a draft the editor starts from the newest version.
  const latestVersion = useVersion(ws, slug, state === null ? latest : null);
  if (state === null && latestVersion.data)
    dispatch({ type: 'load', definition: latestVersion.data.definition as JsonObject });
  const [view, setView] = useDesignerView();
  const [publishOpen, setPublishOpen] = useState(false);
  const { editor, reveal, announcement } = useEditorApi(state?.definition, dispatch, canEdit, setView);
  const { save, discard, notice, setNotice, warnings, actionError, localProblem, startingDraft, ...actions } =
    useDraftActions(ws, slug, state, dispatch, latest);
  const { saveDraft, startDraftFrom, discardDraft, importFile } = actions;

  const dirty = state !== null && isDirty(state);

  if (state === null) {
    return (
      <>
        <PageHeading title={questionnaire.title || slug} />
        {latestVersion.isError ? <ErrorAlert error={latestVersion.error} /> : <Loading />}
      </>
    );
  }

  function openPublish() {
    if (dirty) saveDraft(() => setPublishOpen(true));
    else setPublishOpen(true);
  }

  function onKeyDown(event: KeyboardEvent) {
    // Ctrl+S / ⌘+S saves, as in any editor.
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && canEdit) {
      event.preventDefault();
      saveDraft();
    }
  }

  const titleOf = (name: string) => {
    const element = allElements(state.definition).find((e) => nameOf(e.element) === name)?.element;
    return element
      ? shownText(element.title, i18n.resolvedLanguage === 'de' ? 'de' : 'en', defaultLanguage(state.definition)) ||
          undefined
      : undefined;
  };
  return (
    // The designer's keyboard shortcuts, pressed in any of its fields.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="designer" onKeyDown={onKeyDown}>
      <UnsavedChangesGuard dirty={dirty} />
      <PageHeading title={questionnaire.title || slug} />
      <DesignerFacts questionnaire={questionnaire} latest={latest} />
      {!canEdit && <p className="muted">{t('designer.readOnly')}</p>}
      {canEdit && !questionnaire.draft && latest !== null && !dirty && (
        <p className="muted">{t('designer.basedOnVersion', { version: latest })}</p>
      )}

      {canEdit && (
        <DesignerToolbar
          dirty={dirty}
          saving={save.isPending}
          publishDisabled={(!questionnaire.draft && !dirty) || save.isPending || state.jsonError !== null}
          hasDraft={Boolean(questionnaire.draft)}
          latest={latest}
          discarding={discard.isPending}
          onSave={() => saveDraft()}
          onPublish={openPublish}
          onDiscard={discardDraft}
        />
      )}
      {state.jsonError && canEdit && <p className="field-error">{t('designer.jsonBlocksSave')}</p>}
      <SuccessStatus>{notice}</SuccessStatus>
      {localProblem && (
        <p role="alert" className="alert alert-error">
          {localProblem}
        </p>
      )}
      <ProblemList
        error={save.error}
        canShow={(name) => findElementPath(state.definition, name) !== undefined}
        onShow={reveal}
        {...(canEdit && { onDropRemote: () => saveDraft(undefined, true) })}
      />
      <WarningList warnings={warnings} />
      <ErrorAlert error={discard.error ?? actionError} />
      <TransferPanel
        fileName={`${slug}${questionnaire.draft || dirty ? '-draft' : ''}.json`}
        definition={state.definition}
        canEdit={canEdit}
        onImport={importFile}
      />

      <DesignerViews
        view={view}
        setView={setView}
        editor={editor}
        announcement={announcement}
        state={state}
        dispatch={dispatch}
        ws={ws}
        questionnaire={questionnaire}
        canEdit={canEdit}
        startingDraft={startingDraft}
        onStartDraft={(v) => void startDraftFrom(v)}
      />

      {publishOpen && (
        <PublishDialog
          ws={ws}
          slug={slug}
          latestVersion={latest}
          titleOf={titleOf}
          baseLanguage={defaultLanguage(state.definition)}
          onClose={() => setPublishOpen(false)}
          onPublished={(version) => {
            setPublishOpen(false);
            setNotice(t('designer.published', { version }));
            // Without a draft the publish button is disabled; continue from the page's heading.
            focusSoon('h1');
          }}
          onShowQuestion={(name) => {
            setPublishOpen(false);
            reveal(name);
          }}
        />
      )}
    </div>
  );
}
