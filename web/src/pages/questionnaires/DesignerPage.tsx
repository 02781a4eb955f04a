import { useCallback, useMemo, useReducer, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDiscardDraft, useFetchVersion, useQuestionnaire, useSaveDraft, useVersion } from '../../api/questionnaires';
import type { DefinitionProblem, Questionnaire, Workspace } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading, SuccessStatus } from '../../components/Status';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import { UnsavedChangesGuard } from '../../components/UnsavedChanges';
import { useDateFormat } from '../../format';
import {
  draftReducer,
  initialDraftState,
  isDirty,
  readJson,
  type DraftAction,
  type DraftState,
} from '../../designer/draft-state';
import { allElements, findElementPath, nameOf } from '../../designer/elements';
import type { JsonObject } from '../../designer/json';
import { defaultLanguage } from '../../components/survey/locales';
import { shownText } from '../../designer/text';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { EditorContext, focusSoon, type EditorApi } from './EditorContext';
import { EditorTab } from './EditorTab';
import { downloadJson } from './fileTransfer';
import { JsonTab } from './JsonTab';
import { PreviewTab } from './PreviewTab';
import { ProblemList, WarningList } from './ProblemList';
import { PublishDialog } from './PublishDialog';
import { VersionsTab } from './VersionsTab';

const views = ['editor', 'json', 'preview', 'versions'] as const;
type View = (typeof views)[number];

/** The view is part of the address, so that reloading or sharing keeps it. */
function useView(): [View, (view: View) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('view');
  const view = (views as readonly string[]).includes(raw ?? '') ? (raw as View) : 'editor';
  const setView = useCallback(
    (next: View) =>
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          if (next === 'editor') updated.delete('view');
          else updated.set('view', next);
          return updated;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );
  return [view, setView];
}

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
  const format = useDateFormat();
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

  const [view, setView] = useView();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focusRequest, setFocusRequest] = useState<EditorApi['focusRequest']>(null);
  const [notice, setNotice] = useState('');
  /** What survey-core said of the last saved definition: kept, but worth a look. */
  const [warnings, setWarnings] = useState<DefinitionProblem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  /** A problem found here rather than by the server (an unreadable import, unreadable JSON). */
  const [localProblem, setLocalProblem] = useState('');
  const [publishOpen, setPublishOpen] = useState(false);
  const [startingDraft, setStartingDraft] = useState(false);
  const save = useSaveDraft(ws, slug);
  const discard = useDiscardDraft(ws, slug);
  const fetchVersion = useFetchVersion(ws, slug);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const focusTaken = useRef(0);

  const dirty = state !== null && isDirty(state);
  const definition = state?.definition;

  const reveal = useCallback(
    (name: string) => {
      setView('editor');
      setExpanded((open) => new Set(open).add(name));
      setFocusRequest((previous) => ({ name, serial: (previous?.serial ?? 0) + 1 }));
    },
    [setView],
  );

  const editor = useMemo<EditorApi | null>(
    () =>
      definition
        ? {
            definition,
            edit: (next) => dispatch({ type: 'edit', definition: next }),
            readOnly: !canEdit,
            isOpen: (name) => expanded.has(name),
            setOpen: (name, open) =>
              setExpanded((current) => {
                const next = new Set(current);
                if (open) next.add(name);
                else next.delete(name);
                return next;
              }),
            reveal,
            focusRequest,
            takeFocus: (name) => {
              if (!focusRequest || focusRequest.name !== name || focusRequest.serial === focusTaken.current)
                return false;
              focusTaken.current = focusRequest.serial;
              return true;
            },
            announce: setAnnouncement,
          }
        : null,
    [definition, canEdit, expanded, reveal, focusRequest],
  );

  if (state === null) {
    return (
      <>
        <PageHeading title={questionnaire.title || slug} />
        {latestVersion.isError ? <ErrorAlert error={latestVersion.error} /> : <Loading />}
      </>
    );
  }

  function clearMessages() {
    setNotice('');
    setActionError(null);
    setLocalProblem('');
  }

  function saveDraft(after?: () => void, dropRemoteProperties = false) {
    if (!state || save.isPending) return;
    clearMessages();
    if (state.jsonError) {
      setLocalProblem(t('designer.jsonBlocksSave'));
      return;
    }
    if (!isDirty(state)) {
      setNotice(t('common.nothingChanged'));
      return;
    }
    const sent = state.definition;
    save.mutate(
      { definition: sent, dropRemoteProperties },
      {
        onSuccess: ({ draft, warnings = [], removed = [] }) => {
          // The stored draft differs from what was sent when properties were removed: take it over.
          if (removed.length > 0) dispatch({ type: 'load', definition: draft.definition as JsonObject });
          else dispatch({ type: 'saved', sent, stored: draft.definition as JsonObject });
          setWarnings(warnings);
          setNotice(
            removed.length > 0
              ? t('designer.savedWithoutRemote', { count: removed.length, paths: removed.join(', ') })
              : t('designer.saved'),
          );
          after?.();
        },
      },
    );
  }

  function openPublish() {
    if (dirty) saveDraft(() => setPublishOpen(true));
    else setPublishOpen(true);
  }

  async function startDraftFrom(version: number) {
    clearMessages();
    setStartingDraft(true);
    try {
      const detail = await fetchVersion(version);
      const stored = await save.mutateAsync({ definition: detail.definition });
      dispatch({ type: 'load', definition: stored.draft.definition as JsonObject });
      setNotice(t('designer.versions.draftStarted', { version }));
    } catch (error) {
      setActionError(error);
    } finally {
      setStartingDraft(false);
    }
  }

  function discardDraft() {
    clearMessages();
    discard.mutate(undefined, {
      onSuccess: async () => {
        if (latest === null) return;
        try {
          const detail = await fetchVersion(latest);
          dispatch({ type: 'load', definition: detail.definition as JsonObject });
          setNotice(t('designer.discarded'));
          // The discard button is gone; continue from the page's heading.
          focusSoon('h1');
        } catch (error) {
          setActionError(error);
        }
      },
    });
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    clearMessages();
    const read = readJson(await file.text());
    if ('error' in read) {
      const reason = read.error.kind === 'syntax' ? read.error.message : t('designer.json.notObject');
      setLocalProblem(t('designer.transfer.importFailed', { name: file.name, reason }));
      return;
    }
    dispatch({ type: 'edit', definition: read.definition });
    setNotice(t('designer.transfer.imported', { name: file.name }));
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
  const tabs = views.map((id) => ({ id, label: t(`designer.tabs.${id}`) }));
  const idPrefix = 'designer';

  return (
    <div className="designer" onKeyDown={onKeyDown}>
      <UnsavedChangesGuard dirty={dirty} />
      <PageHeading title={questionnaire.title || slug} />
      <dl className="facts">
        <dt>{t('designer.facts.slug')}</dt>
        <dd>
          <code>{slug}</code>
        </dd>
        <dt>{t('designer.facts.latest')}</dt>
        <dd>
          {latest === null ? t('designer.facts.neverPublished') : t('questionnaires.version', { version: latest })}
        </dd>
        <dt>{t('designer.facts.draft')}</dt>
        <dd>
          {questionnaire.draft
            ? t('designer.facts.draftSaved', { date: format.dateTime(questionnaire.draft.updatedAt) })
            : t('designer.facts.noDraft')}
        </dd>
      </dl>
      {!canEdit && <p className="muted">{t('designer.readOnly')}</p>}
      {canEdit && !questionnaire.draft && latest !== null && !dirty && (
        <p className="muted">{t('designer.basedOnVersion', { version: latest })}</p>
      )}

      {canEdit && (
        <div className="designer-toolbar">
          <p className={dirty ? 'save-state save-state-dirty' : 'save-state'} role="status">
            {dirty ? t('designer.unsaved') : t('designer.allSaved')}
          </p>
          {/* Never disabled: a keyboard user who saves keeps the focus here. */}
          <button
            type="button"
            className="button-primary"
            aria-disabled={save.isPending || undefined}
            onClick={() => saveDraft()}
          >
            {save.isPending ? t('common.pleaseWait') : t('designer.save')}
          </button>
          <button
            type="button"
            disabled={(!questionnaire.draft && !dirty) || save.isPending || state.jsonError !== null}
            onClick={openPublish}
          >
            {t('designer.publish')}
          </button>
          {questionnaire.draft && latest !== null && (
            <ConfirmButton
              label={t('designer.discard')}
              question={t('designer.discardQuestion', { version: latest })}
              confirmLabel={t('designer.discardConfirm')}
              pending={discard.isPending}
              onConfirm={discardDraft}
            />
          )}
        </div>
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

      <details className="transfer">
        <summary>{t('designer.transfer.title')}</summary>
        <div className="transfer-body">
          <button
            type="button"
            onClick={() =>
              downloadJson(`${slug}${questionnaire.draft || dirty ? '-draft' : ''}.json`, state.definition)
            }
          >
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
                onChange={(event) => void importFile(event)}
              />
            </div>
          )}
        </div>
      </details>

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
            onStartDraft={(v) => void startDraftFrom(v)}
            startingDraft={startingDraft}
            baseLanguage={defaultLanguage(state.definition)}
          />
        )}
      </div>

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
