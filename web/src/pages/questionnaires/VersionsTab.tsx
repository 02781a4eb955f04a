import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiff, useFetchVersion, useVersion } from '../../api/questionnaires';
import type { Questionnaire, VersionRef, VersionSummary } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert, Loading } from '../../components/Status';
import { useDateFormat } from '../../format';
import { prettyJson, type Json } from '../../designer/json';
import { DiffView } from './DiffView';
import { versionExportUrl } from '../../api/exports';
import { downloadJson } from './fileTransfer';

interface VersionsTabProps {
  ws: string;
  questionnaire: Questionnaire;
  canEdit: boolean;
  /** Takes a version over into the draft; resolves when the draft is saved. */
  onStartDraft: (version: number) => void;
  startingDraft: boolean;
  /** The language of the definition's `default` texts, to name the languages of changed texts. */
  baseLanguage: string;
}

/** Version history, any two versions (or the draft) compared, and each version's JSON. */
export function VersionsTab({
  ws,
  questionnaire,
  canEdit,
  onStartDraft,
  startingDraft,
  baseLanguage,
}: VersionsTabProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<number | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const fetchVersion = useFetchVersion(ws, questionnaire.slug);
  const versions = questionnaire.versions;

  async function exportVersion(version: number) {
    setExportError(null);
    try {
      const detail = await fetchVersion(version);
      downloadJson(`${questionnaire.slug}-v${version}.json`, detail.definition);
    } catch (error) {
      setExportError(error);
    }
  }

  return (
    <>
      <section aria-labelledby="version-history">
        <h2 id="version-history">{t('designer.versions.title')}</h2>
        {versions.length === 0 ? (
          <p className="empty">{t('designer.versions.empty')}</p>
        ) : (
          <VersionTable
            ws={ws}
            slug={questionnaire.slug}
            versions={versions}
            canEdit={canEdit}
            shown={shown}
            onShow={(v) => setShown(shown === v ? null : v)}
            onExport={(v) => void exportVersion(v)}
            onStartDraft={onStartDraft}
            startingDraft={startingDraft}
          />
        )}
        <ErrorAlert error={exportError} />
      </section>
      {shown !== null && <VersionJson ws={ws} slug={questionnaire.slug} version={shown} />}
      <Compare ws={ws} questionnaire={questionnaire} baseLanguage={baseLanguage} />
    </>
  );
}

function VersionTable(props: {
  ws: string;
  slug: string;
  versions: VersionSummary[];
  canEdit: boolean;
  shown: number | null;
  onShow: (version: number) => void;
  onExport: (version: number) => void;
  onStartDraft: (version: number) => void;
  startingDraft: boolean;
}) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const newestFirst = [...props.versions].reverse();
  return (
    <div className="table-wrap" role="region" aria-labelledby="version-history" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('designer.versions.version')}</th>
            <th scope="col">{t('designer.versions.published')}</th>
            <th scope="col">{t('designer.versions.changeNote')}</th>
            <th scope="col">{t('designer.versions.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <th scope="row" className="nowrap">
                {v.version}
                {v.breaking && <span className="badge badge-warning">{t('designer.versions.breaking')}</span>}
              </th>
              <td className="nowrap">{format.dateTime(v.publishedAt)}</td>
              <td>{v.changeNote ?? <span className="muted">–</span>}</td>
              <td>
                <div className="actions">
                  <button
                    type="button"
                    className="button-small"
                    aria-expanded={props.shown === v.version}
                    aria-label={t('designer.versions.showJsonNamed', { version: v.version })}
                    onClick={() => props.onShow(v.version)}
                  >
                    {t('designer.versions.showJson')}
                  </button>
                  <button
                    type="button"
                    className="button-small"
                    aria-label={t('designer.versions.exportNamed', { version: v.version })}
                    onClick={() => props.onExport(v.version)}
                  >
                    {t('designer.versions.export')}
                  </button>
                  {/* The API's file: the definition with slug, version, publication day and change note. */}
                  <a
                    className="button-link"
                    href={versionExportUrl(props.ws, props.slug, v.version)}
                    download
                    aria-label={t('exports.version.downloadNamed', { version: v.version })}
                  >
                    {t('exports.version.download')}
                  </a>
                  {props.canEdit && (
                    <ConfirmButton
                      label={t('designer.versions.startDraft')}
                      accessibleLabel={t('designer.versions.startDraftNamed', { version: v.version })}
                      question={t('designer.versions.startDraftQuestion', { version: v.version })}
                      confirmLabel={t('designer.versions.startDraftConfirm')}
                      pending={props.startingDraft}
                      danger={false}
                      onConfirm={() => props.onStartDraft(v.version)}
                    />
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VersionJson({ ws, slug, version }: { ws: string; slug: string; version: number }) {
  const { t } = useTranslation();
  const query = useVersion(ws, slug, version);
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h3 id={id}>{t('designer.versions.jsonOf', { version })}</h3>
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.data && (
        <>
          <button type="button" onClick={() => downloadJson(`${slug}-v${version}.json`, query.data.definition)}>
            {t('designer.versions.exportNamed', { version })}
          </button>
          <pre className="json-view" role="region" tabIndex={0} aria-labelledby={id}>
            {prettyJson(query.data.definition as Json)}
          </pre>
        </>
      )}
    </section>
  );
}

const refOf = (text: string): VersionRef => (text === 'draft' ? 'draft' : Number(text));

function Compare({
  ws,
  questionnaire,
  baseLanguage,
}: {
  ws: string;
  questionnaire: Questionnaire;
  baseLanguage: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const refs: VersionRef[] = [
    ...questionnaire.versions.map((v) => v.version),
    ...(questionnaire.draft ? ['draft' as const] : []),
  ];
  const [pickedFrom, setFrom] = useState<VersionRef | null>(null);
  const [pickedTo, setTo] = useState<VersionRef | null>(null);
  // Until picked (or when a pick disappears, like a published draft): the two newest.
  const from = pickedFrom !== null && refs.includes(pickedFrom) ? pickedFrom : (refs[refs.length - 2] ?? null);
  const to = pickedTo !== null && refs.includes(pickedTo) ? pickedTo : (refs[refs.length - 1] ?? null);
  const diff = useDiff(ws, questionnaire.slug, from, to);
  if (refs.length < 2) {
    return (
      <section aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('designer.versions.compare')}</h2>
        <p className="empty">{t('designer.versions.needTwo')}</p>
      </section>
    );
  }
  const option = (ref: VersionRef) => (
    <option key={String(ref)} value={String(ref)}>
      {ref === 'draft' ? t('designer.versions.draftOption') : t('designer.versions.versionOption', { version: ref })}
    </option>
  );
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('designer.versions.compare')}</h2>
      <div className="form-inline compare-pick">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('designer.versions.from')}</label>
          <select id={`${id}-from`} value={String(from)} onChange={(event) => setFrom(refOf(event.target.value))}>
            {refs.map(option)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('designer.versions.to')}</label>
          <select id={`${id}-to`} value={String(to)} onChange={(event) => setTo(refOf(event.target.value))}>
            {refs.map(option)}
          </select>
        </div>
      </div>
      <div aria-live="polite">
        {from === to && <p className="muted">{t('designer.versions.pickTwo')}</p>}
        {from !== to && diff.isPending && <Loading />}
        <ErrorAlert error={diff.error} />
        {from !== to && diff.data && <DiffView diff={diff.data} baseLanguage={baseLanguage} />}
      </div>
    </section>
  );
}
