import { useState, type ChangeEvent, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiscardDraft, useFetchVersion, useSaveDraft } from '../../api/questionnaires';
import type { DefinitionProblem } from '../../api/types';
import { isDirty, readJson, type DraftAction, type DraftState } from '../../designer/draft-state';
import type { JsonObject } from '../../designer/json';
import { focusSoon } from './EditorContext';

/**
 * The designer's requests on the draft (save, discard, start from a version,
 * import a file) and the messages they leave: a notice, survey-core's
 * warnings, an error, or a problem found in the browser.
 */
export function useDraftActions(
  ws: string,
  slug: string,
  state: DraftState | null,
  dispatch: Dispatch<DraftAction>,
  latest: number | null,
) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  /** What survey-core said of the last saved definition: kept, but worth a look. */
  const [warnings, setWarnings] = useState<DefinitionProblem[]>([]);
  const [actionError, setActionError] = useState<unknown>(null);
  /** A problem found here rather than by the server (an unreadable import, unreadable JSON). */
  const [localProblem, setLocalProblem] = useState('');
  const [startingDraft, setStartingDraft] = useState(false);
  const save = useSaveDraft(ws, slug);
  const discard = useDiscardDraft(ws, slug);
  const fetchVersion = useFetchVersion(ws, slug);

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
      onSuccess: () => {
        if (latest === null) return;
        fetchVersion(latest).then(
          (detail) => {
            dispatch({ type: 'load', definition: detail.definition as JsonObject });
            setNotice(t('designer.discarded'));
            // The discard button is gone; continue from the page's heading.
            focusSoon('h1');
          },
          (error: unknown) => setActionError(error),
        );
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

  return {
    save,
    discard,
    notice,
    setNotice,
    warnings,
    actionError,
    localProblem,
    startingDraft,
    saveDraft,
    startDraftFrom,
    discardDraft,
    importFile,
  };
}
