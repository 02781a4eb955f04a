import { useTranslation } from 'react-i18next';
import { codebookExportUrl, panelExportUrl, resultsExportUrl, responsesExportUrl } from '../../api/exports';

interface ExportPanelProps {
  ws: string;
  waveId: string;
  /** The dashboard's active filters: the results table is exported under them. */
  where: string[];
  locale: string;
  /** Raw responses are for organisers only; analysts export aggregates. */
  organiser: boolean;
  /** Dynamic panels and matrices, which also come as long tables of their own. */
  panels: Array<{ name: string; title: string }>;
}

/**
 * Downloads of a wave: the results table (everyone, with the active filters)
 * and, for organisers, the responses with their codebook. Plain links with
 * `download`, so the browser streams the file from the API to disk.
 */
export function ExportPanel({ ws, waveId, where, locale, organiser, panels }: ExportPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="panel results-controls" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title">{t('exports.title')}</h2>
      <h3 id="export-results-title">{t('exports.results.title')}</h3>
      <p className="muted">
        {where.length > 0 ? t('exports.results.filtered', { count: where.length }) : t('exports.results.text')}
      </p>
      <div className="actions" role="group" aria-labelledby="export-results-title">
        <a className="button-link" href={resultsExportUrl(ws, waveId, 'csv', where, locale)} download>
          {t('exports.results.csv')}
        </a>
        <a className="button-link" href={resultsExportUrl(ws, waveId, 'xlsx', where, locale)} download>
          {t('exports.results.xlsx')}
        </a>
      </div>
      {organiser && (
        <>
          <h3 id="export-responses-title">{t('exports.responses.title')}</h3>
          <p className="muted">{t('exports.responses.text')}</p>
          <div className="actions" role="group" aria-labelledby="export-responses-title">
            <a
              className="button-link"
              href={responsesExportUrl(ws, waveId, 'csv')}
              download
              data-testid="export-responses-csv"
            >
              {t('exports.responses.csv')}
            </a>
            <a className="button-link" href={responsesExportUrl(ws, waveId, 'xlsx')} download>
              {t('exports.responses.xlsx')}
            </a>
            <a className="button-link" href={codebookExportUrl(ws, waveId)} download>
              {t('exports.responses.codebook')}
            </a>
          </div>
          {panels.length > 0 && (
            <>
              <p className="muted" id="export-panels-text">
                {t('exports.responses.panelsText')}
              </p>
              <ul className="link-list" aria-labelledby="export-panels-text">
                {panels.map((p) => (
                  <li key={p.name}>
                    <a href={panelExportUrl(ws, waveId, p.name)} download>
                      {t('exports.responses.panelCsv', { title: p.title })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
