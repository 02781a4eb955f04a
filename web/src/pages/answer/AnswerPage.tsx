import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/client';
import {
  usePartialResponse,
  usePublicWave,
  type AnswerData,
  type AnswerLocale,
  type AppLocale,
  type PublicWave,
  type SubmitResponseBody,
} from '../../api/public';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, errorText, Loading } from '../../components/Status';
import {
  appLanguage,
  defaultLanguage,
  languageName,
  languagesOf,
  matchLanguage,
  startLanguage,
  textFor,
} from '../../components/survey/locales';
import { AnswerIntro, ResumeLink } from './AnsweringParts';
import type { SendStatus } from './sender';
import { forgetAnswers, loadAnswers, newResponseId, storeAnswers } from './storage';
import { useAnswerSender } from './useAnswerSender';
import { useInvitationExchange } from './useInvitationExchange';

const SurveyRunner = lazy(() => import('./SurveyRunner'));

/** Autosave waits this long after the last change. */
const AUTOSAVE_DELAY_MS = 1000;

/** What the link's fragment carried: an invitation token and/or a response to continue. */
interface Fragment {
  invitation: string | null;
  resume: string | null;
  /** Counts the links opened in this page, so that a new one starts afresh. */
  generation: number;
}

const readFragment = (hash: string, generation: number): Fragment => {
  const params = new URLSearchParams(hash.slice(1));
  return { invitation: params.get('invitation') || null, resume: params.get('resume') || null, generation };
};

/**
 * Reads the fragment and removes it from the address bar, so that tokens
 * and resume ids stay out of the history, bookmarks and screenshots.
 */
function useAnswerFragment(): Fragment {
  const location = useLocation();
  const navigate = useNavigate();
  const [fragment, setFragment] = useState<Fragment>(() => readFragment(location.hash, 0));
  const handled = useRef(location.hash);
  useEffect(() => {
    if (!location.hash) {
      handled.current = '';
      return;
    }
    // The first fragment was read above; another one is a new link opened in this page.
    if (location.hash !== handled.current) {
      handled.current = location.hash;
      setFragment((previous) => readFragment(location.hash, previous.generation + 1));
    }
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location, navigate]);
  return fragment;
}

/** The app's own texts on this page (privacy notice, buttons around the survey): German or English. */
const appLocale = (language: string | undefined): AppLocale => (language === 'de' ? 'de' : 'en');

/**
 * The questionnaire's languages and the one the survey is shown in: the
 * browser's language when the questionnaire carries it, else the app's, else
 * the questionnaire's default, until the respondent picks another. With two
 * or more languages, the app's own texts follow the choice (German, else
 * English); with one, the app's language switch stays for them.
 */
function useSurveyLanguage(wave: PublicWave | undefined) {
  const { i18n } = useTranslation();
  const languages = useMemo(() => (wave ? languagesOf(wave.definition) : []), [wave]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [initial] = useState(() => ({ browser: [...navigator.languages], app: i18n.resolvedLanguage }));
  const language =
    (chosen !== null ? matchLanguage(chosen, languages) : undefined) ??
    startLanguage(languages, initial.browser, initial.app);
  const several = languages.length > 1;
  useEffect(() => {
    if (!several) return;
    const app = appLanguage(language);
    if (i18n.resolvedLanguage !== app) void i18n.changeLanguage(app);
  }, [several, language, i18n]);
  return { languages, language, choose: setChosen };
}

/** `/s/:key`: a wave's public answering page, phone first, without the app's navigation. */
export function AnswerPage() {
  const { t } = useTranslation();
  const waveKey = useParams().key ?? '';
  const fragment = useAnswerFragment();
  const wave = usePublicWave(waveKey);
  const survey = useSurveyLanguage(wave.data);

  useEffect(() => {
    // Fetch the survey renderer while the respondent reads the privacy notice.
    if (wave.data) void import('./SurveyRunner');
  }, [wave.data]);

  return (
    <div className="answer-layout">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <header className="answer-header">
        <span className="answer-brand">{t('shell.productName')}</span>
        {survey.languages.length > 1 ? (
          <SurveyLanguageSelect languages={survey.languages} value={survey.language} onChange={survey.choose} />
        ) : (
          <LanguageSwitch />
        )}
      </header>
      <main id="main" tabIndex={-1} className="answer-page">
        {wave.isPending ? (
          <Loading />
        ) : wave.isError ? (
          <WaveUnavailable error={wave.error} retry={() => void wave.refetch()} />
        ) : (
          <Answering
            key={fragment.generation}
            waveKey={waveKey}
            wave={wave.data}
            fragment={fragment}
            language={survey.language}
            onLanguage={survey.choose}
          />
        )}
      </main>
    </div>
  );
}

/** The questionnaire's languages, each named in itself; the survey and the page around it follow the choice. */
function SurveyLanguageSelect({
  languages,
  value,
  onChange,
}: {
  languages: string[];
  value: string;
  onChange: (language: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="answer-language">
      <label htmlFor="answer-language">{t('answer.language')}</label>
      <select id="answer-language" value={value} onChange={(event) => onChange(event.target.value)}>
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageName(language)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Unknown link, closed or not yet open: the server's message says which and when. */
function WaveUnavailable({ error, retry }: { error: unknown; retry: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const firstRender = useRef(true);

  // The server's message comes in the language of the request: ask again after a switch.
  useEffect(() => {
    if (firstRender.current) firstRender.current = false;
    else retry();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a language switch alone asks again, not a new retry callback.
  }, [language]);

  const status = error instanceof ApiError ? error.status : null;
  const code = error instanceof ApiError ? error.code : null;
  const unknown = status === 404 || status === 400;
  const title = unknown
    ? t('answer.unavailable.notFoundTitle')
    : code === 'wave_closed'
      ? t('answer.unavailable.closedTitle')
      : code === 'wave_not_open'
        ? t('answer.unavailable.notOpenTitle')
        : t('errors.title');
  // A malformed key gets a technical 400 message; say it in plain words.
  const message = status === 400 ? t('answer.unavailable.notFoundText') : errorText(error, t);

  return (
    <div className="answer-message">
      <PageHeading title={title} />
      <p>{message}</p>
      {code === 'wave_not_open' && <p>{t('answer.unavailable.notOpenHint')}</p>}
      {error instanceof NetworkError && (
        <button type="button" onClick={retry}>
          {t('answer.retry')}
        </button>
      )}
    </div>
  );
}

interface Session {
  id: string;
  data: AnswerData | null;
  pageNo: number | null;
}

type Stage = 'intro' | 'survey' | 'done';

interface AnsweringProps {
  waveKey: string;
  wave: PublicWave;
  fragment: Fragment;
  /** The language the survey is shown in, one the questionnaire carries. */
  language: AnswerLocale;
  onLanguage: (language: AnswerLocale) => void;
}

function Answering({ waveKey, wave, fragment, language, onLanguage }: AnsweringProps) {
  const { t, i18n } = useTranslation();
  const appText = appLocale(i18n.resolvedLanguage);
  const base = defaultLanguage(wave.definition);
  const title = textFor(wave.definition.title, language, base)?.trim() || wave.title;
  const description = textFor(wave.definition.description, language, base) ?? '';

  const [local] = useState(() => loadAnswers(waveKey));
  const token = fragment.invitation ?? local?.token ?? null;
  const invitation = useInvitationExchange(waveKey, fragment.invitation);
  const remote = usePartialResponse(waveKey, fragment.resume);
  const [discarded, setDiscarded] = useState(false);
  const restored: (Session & { locale: AnswerLocale | null; onServer: boolean }) | null = discarded
    ? null
    : remote.data
      ? { id: remote.data.id, data: remote.data.data, pageNo: null, locale: remote.data.locale, onServer: true }
      : local
        ? { ...local, onServer: false }
        : null;

  const [stage, setStage] = useState<Stage>('intro');
  const [session, setSession] = useState<Session | null>(null);
  const { status, onServer, setOnServer, problems, failure, sender, complete } = useAnswerSender(waveKey, session?.id);

  // Continue in the language the answers were given in, when the questionnaire still carries it.
  const restoredLocale = restored?.locale ?? null;
  const localeApplied = useRef(false);
  useEffect(() => {
    if (localeApplied.current || !restoredLocale) return;
    localeApplied.current = true;
    if (restoredLocale !== language) onLanguage(restoredLocale);
  }, [restoredLocale, language, onLanguage]);

  function start() {
    setSession({ id: restored?.id ?? newResponseId(), data: restored?.data ?? null, pageNo: restored?.pageNo ?? null });
    setOnServer(restored?.onServer ?? false);
    setStage('survey');
  }

  function startOver() {
    forgetAnswers(waveKey);
    setDiscarded(true);
  }

  const body = (data: AnswerData, responseStatus: 'partial' | 'complete'): SubmitResponseBody => ({
    id: session?.id ?? '',
    data,
    status: responseStatus,
    locale: language,
    ...(token && { token }),
  });

  function keepLocally(data: AnswerData, pageNo: number) {
    if (!session) return;
    storeAnswers(waveKey, { id: session.id, data, pageNo, locale: language, ...(token && { token }) });
  }

  function onChange(data: AnswerData, pageNo: number, urgent: boolean) {
    keepLocally(data, pageNo);
    sender.current?.savePartial(body(data, 'partial'), urgent ? 0 : AUTOSAVE_DELAY_MS);
  }

  async function onComplete(data: AnswerData): Promise<boolean> {
    if (!(await complete(body(data, 'complete')))) return false;
    forgetAnswers(waveKey);
    setStage('done');
    return true;
  }

  if (invitation.error instanceof ApiError && invitation.error.status === 403) {
    return (
      <div className="answer-message">
        <PageHeading title={t('answer.invitation.invalidTitle')} />
        <p>{invitation.error.message}</p>
        <p>{t('answer.invitation.invalidHint')}</p>
      </div>
    );
  }
  if (invitation.error instanceof ApiError && invitation.error.status === 410) {
    return <WaveUnavailable error={invitation.error} retry={() => void invitation.refetch()} />;
  }

  const resumeUrl = session
    ? `${window.location.origin}/s/${encodeURIComponent(waveKey)}#${new URLSearchParams({
        resume: session.id,
        ...(token && { invitation: token }),
      }).toString()}`
    : '';

  return (
    <>
      <div lang={language}>
        <PageHeading title={title} />
      </div>
      {stage === 'intro' && (
        <AnswerIntro
          description={description}
          language={language}
          resuming={Boolean(fragment.resume)}
          remote={remote}
          restored={restored !== null}
          privacyNotice={wave.privacyNotice[appText]}
          invitation={invitation}
          onStart={start}
          onStartOver={startOver}
        />
      )}
      {stage !== 'intro' && session && (
        <>
          {stage === 'survey' && <ProgressNote status={status} onRetry={() => sender.current?.retryNow()} />}
          {stage === 'survey' && <ErrorAlert error={failure} />}
          <Suspense fallback={<Loading />}>
            <SurveyRunner
              definition={wave.definition}
              locale={language}
              initialData={session.data}
              initialPageNo={session.pageNo}
              problems={problems}
              onChange={onChange}
              onComplete={onComplete}
            />
          </Suspense>
          {stage === 'survey' && onServer && <ResumeLink url={resumeUrl} />}
          {stage === 'done' && <p className="muted answer-done">{t('answer.done')}</p>}
        </>
      )}
    </>
  );
}

/** Where the answers are: saving, saved, or waiting on this device for the connection or for the server. */
function ProgressNote({ status, onRetry }: { status: SendStatus; onRetry: () => void }) {
  const { t } = useTranslation();
  const offline = status.kind === 'offline';
  const busy = status.kind === 'busy';
  return (
    <div className="answer-progress">
      {/* Routine saving is shown, not announced: it happens after every answer. */}
      <p className="answer-save-state" aria-live="off">
        {status.kind === 'saving' ? t('answer.saving') : status.kind === 'saved' ? t('answer.saved') : ''}
      </p>
      <div role="status">
        {status.kind === 'sending' && <p className="note">{t('answer.sending')}</p>}
        {offline && (
          <div className="answer-offline">
            <p>
              {status.completing
                ? t('answer.offlineCompleting', { count: status.retryInSeconds })
                : t('answer.offline', { count: status.retryInSeconds })}
            </p>
            <button type="button" onClick={onRetry}>
              {t('answer.retryNow')}
            </button>
          </div>
        )}
        {/* No "try again now" here: the server asked to wait, and the page tries again by itself. */}
        {busy && (
          <p className="note">
            {t(status.completing ? 'answer.busyCompleting' : 'answer.busy', { count: status.retryInSeconds })}
          </p>
        )}
      </div>
    </div>
  );
}
