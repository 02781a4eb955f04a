import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useAnswers,
  useCreateCode,
  useDeleteCode,
  useRenameCode,
  useSetAnswerCodes,
  type CodeCount,
  type OpenAnswer,
} from '../../api/answers';
import { ConfirmButton } from '../../components/ConfirmButton';
import { MISSING, PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading, SuccessStatus } from '../../components/Status';
import { TextField } from '../../components/TextField';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { useWaveOpenQuestions, type OpenQuestion } from './openQuestions';

const SEARCH_DELAY_MS = 300;

/**
 * `/w/:ws/waves/:id/answers/:question`: the open answers board. Read the
 * texts of one open question, search them, code them with the
 * questionnaire's codebook and see how often each code occurs.
 */
export function AnswersPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const params = useParams();
  const waveId = params.id ?? '';
  const question = params.question ?? '';
  const { wave, version, questions } = useWaveOpenQuestions(workspace.slug, waveId);

  const back = (
    <p className="back-link">
      <Link to={`/w/${workspace.slug}/waves/${waveId}`}>{t('answers.back')}</Link>
    </p>
  );
  if (wave.isPending) return <Loading />;
  if (wave.isError) {
    return (
      <>
        {back}
        <PageError error={wave.error} notFoundStatuses={MISSING} />
      </>
    );
  }
  if (version.isError) {
    return (
      <>
        {back}
        <PageError error={version.error} />
      </>
    );
  }
  if (!questions) return <Loading />;
  // Without a question in the address: the first open one, or a note that there is none.
  if (!question) {
    if (questions.length > 0) return <Navigate to={encodeURIComponent(questions[0]!.name)} replace />;
    return (
      <>
        {back}
        <PageHeading title={t('answers.title')} />
        <p className="empty">{t('answers.noOpenQuestions')}</p>
      </>
    );
  }
  const current = questions.find((q) => q.name === question);
  return (
    <>
      {back}
      <Board
        key={question}
        ws={workspace.slug}
        waveId={waveId}
        waveTitle={wave.data.wave.title}
        slug={wave.data.wave.questionnaire}
        question={question}
        fallbackTitle={current?.title ?? question}
        questions={questions}
      />
    </>
  );
}

interface BoardProps {
  ws: string;
  waveId: string;
  waveTitle: string;
  slug: string;
  question: string;
  fallbackTitle: string;
  questions: OpenQuestion[];
}

function Board({ ws, waveId, waveTitle, slug, question, fallbackTitle, questions }: BoardProps) {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('search') ?? '';
  const codeFilter = searchParams.get('code') ?? '';
  const query = useAnswers(ws, waveId, question, search.trim(), i18n.resolvedLanguage ?? 'en');

  const setParam = (name: string, value: string) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const title = query.data?.question.title ?? fallbackTitle;
  const codes = query.data?.codes ?? [];
  const activeCode = codes.find((c) => c.id === codeFilter);

  return (
    <>
      <p className="answers-eyebrow muted">{t('answers.eyebrow', { wave: waveTitle })}</p>
      <PageHeading title={t('answers.heading', { question: title })} />
      <QuestionSwitcher ws={ws} waveId={waveId} questions={questions} current={question} />
      <div className="answers-layout">
        <section aria-labelledby="answers-list-title" className="answers-main">
          <h2 id="answers-list-title">{t('answers.list.title')}</h2>
          <SearchBox initial={search} onSearch={(value) => setParam('search', value)} />
          {query.isPending ? (
            <Loading />
          ) : query.isError ? (
            <ErrorAlert error={query.error} />
          ) : (
            <AnswerList
              ws={ws}
              waveId={waveId}
              slug={slug}
              question={question}
              total={query.data.total}
              answers={query.data.answers}
              codes={codes}
              search={search.trim()}
              activeCode={activeCode}
              onClearFilter={() => setParam('code', '')}
            />
          )}
        </section>
        <Codebook
          ws={ws}
          waveId={waveId}
          slug={slug}
          codes={codes}
          loading={query.isPending}
          activeCode={activeCode?.id ?? ''}
          onFilter={(id) => setParam('code', id === codeFilter ? '' : id)}
        />
      </div>
    </>
  );
}

function QuestionSwitcher({
  ws,
  waveId,
  questions,
  current,
}: {
  ws: string;
  waveId: string;
  questions: OpenQuestion[];
  current: string;
}) {
  const { t } = useTranslation();
  if (questions.length < 2) return null;
  return (
    <nav aria-label={t('answers.switcher')} className="answers-switcher">
      <ul>
        {questions.map((q) => (
          <li key={q.name}>
            <Link
              to={`/w/${ws}/waves/${waveId}/answers/${encodeURIComponent(q.name)}`}
              aria-current={q.name === current ? 'page' : undefined}
            >
              {q.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Searches as the user types, after a short pause; the address keeps the search. */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (value: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  useEffect(() => {
    if (value === initial) return;
    const timer = window.setTimeout(() => onSearch(value), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onSearch changes with every render; the text alone decides.
  }, [value]);
  return (
    <div className="answers-search" role="search">
      <TextField
        label={t('answers.search.label')}
        type="search"
        name="search"
        maxLength={200}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
    </div>
  );
}

interface AnswerListProps {
  ws: string;
  waveId: string;
  slug: string;
  question: string;
  total: number;
  answers: OpenAnswer[];
  codes: CodeCount[];
  search: string;
  activeCode: CodeCount | undefined;
  onClearFilter: () => void;
}

function AnswerList({
  ws,
  waveId,
  slug,
  question,
  total,
  answers,
  codes,
  search,
  activeCode,
  onClearFilter,
}: AnswerListProps) {
  const { t } = useTranslation();
  const setCodes = useSetAnswerCodes(ws, waveId, slug, question);
  const shown = activeCode ? answers.filter((a) => a.codes.includes(activeCode.id)) : answers;

  if (total === 0) return <p className="empty">{t('answers.list.empty')}</p>;
  return (
    <>
      <p role="status" className="answers-count">
        {search || activeCode
          ? t('answers.list.countOf', { count: shown.length, total })
          : t('answers.list.count', { count: total })}
      </p>
      {activeCode && (
        <p className="answers-filter">
          {t('answers.list.filtered', { code: activeCode.label })}{' '}
          <button type="button" className="button-small" onClick={onClearFilter}>
            {t('answers.list.clearFilter')}
          </button>
        </p>
      )}
      <ErrorAlert error={setCodes.error} />
      {shown.length === 0 ? (
        <p className="empty">{search ? t('answers.list.noMatch') : t('answers.list.noneWithCode')}</p>
      ) : (
        <ol className="answers-list">
          {shown.map((answer, index) => (
            <AnswerItem
              key={answer.id}
              answer={answer}
              number={index + 1}
              codes={codes}
              pending={setCodes.isPending && setCodes.variables.responseId === answer.id}
              onChange={(next) => setCodes.mutate({ responseId: answer.id, codes: next })}
            />
          ))}
        </ol>
      )}
    </>
  );
}

interface AnswerItemProps {
  answer: OpenAnswer;
  number: number;
  codes: CodeCount[];
  pending: boolean;
  onChange: (codes: string[]) => void;
}

function AnswerItem({ answer, number, codes, pending, onChange }: AnswerItemProps) {
  const { t } = useTranslation();
  const assigned = codes.filter((c) => answer.codes.includes(c.id));
  const toggle = (id: string) =>
    onChange(answer.codes.includes(id) ? answer.codes.filter((c) => c !== id) : [...answer.codes, id]);
  return (
    <li className="answer-item" data-testid="answer">
      {/* Plain text, never HTML: React escapes it. */}
      <p className="answer-text">{answer.text}</p>
      {assigned.length > 0 && (
        <ul className="code-chips" aria-label={t('answers.item.assigned')}>
          {assigned.map((c) => (
            <li key={c.id} className="code-chip">
              {c.label}
            </li>
          ))}
        </ul>
      )}
      {codes.length > 0 && (
        <div role="group" aria-label={t('answers.item.codesFor', { number })} className="code-toggles">
          {codes.map((c) => {
            const on = answer.codes.includes(c.id);
            return (
              <button
                key={c.id}
                type="button"
                className="button-small code-toggle"
                aria-pressed={on}
                disabled={pending}
                onClick={() => toggle(c.id)}
              >
                {c.label}
              </button>
            );
          })}
        </div>
      )}
    </li>
  );
}

interface CodebookProps {
  ws: string;
  waveId: string;
  slug: string;
  codes: CodeCount[];
  loading: boolean;
  activeCode: string;
  onFilter: (id: string) => void;
}

function Codebook({ ws, waveId, slug, codes, loading, activeCode, onFilter }: CodebookProps) {
  const { t } = useTranslation();
  const create = useCreateCode(ws, waveId, slug);
  const remove = useDeleteCode(ws, waveId, slug);
  const [label, setLabel] = useState('');
  const [notice, setNotice] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice('');
    const text = label.trim();
    if (!text) return;
    create.mutate(text, {
      onSuccess: (code) => {
        setLabel('');
        setNotice(t('answers.codebook.created', { label: code.label }));
      },
    });
  }

  return (
    <section aria-labelledby="codebook-title" className="panel answers-codebook">
      <h2 id="codebook-title">{t('answers.codebook.title')}</h2>
      <p className="muted">{t('answers.codebook.intro')}</p>
      {loading ? null : codes.length === 0 ? (
        <p className="empty">{t('answers.codebook.empty')}</p>
      ) : (
        <ul className="codebook-list">
          {codes.map((code) => (
            <CodeRow
              key={code.id}
              ws={ws}
              waveId={waveId}
              slug={slug}
              code={code}
              active={code.id === activeCode}
              onFilter={() => onFilter(code.id)}
              deleting={remove.isPending}
              onDelete={() => {
                setNotice('');
                remove.mutate(code.id, {
                  onSuccess: () => {
                    if (code.id === activeCode) onFilter(code.id);
                    setNotice(t('answers.codebook.deleted', { label: code.label }));
                  },
                });
              }}
            />
          ))}
        </ul>
      )}
      <ErrorAlert error={remove.error} />
      <form className="form-inline codebook-create" onSubmit={submit} noValidate>
        <TextField
          label={t('answers.codebook.newLabel')}
          name="label"
          maxLength={80}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
        <button type="submit" className="button-primary" disabled={create.isPending || !label.trim()}>
          {t('answers.codebook.create')}
        </button>
      </form>
      <ErrorAlert error={create.error} />
      <SuccessStatus>{notice}</SuccessStatus>
    </section>
  );
}

interface CodeRowProps {
  ws: string;
  waveId: string;
  slug: string;
  code: CodeCount;
  active: boolean;
  onFilter: () => void;
  deleting: boolean;
  onDelete: () => void;
}

function CodeRow({ ws, waveId, slug, code, active, onFilter, deleting, onDelete }: CodeRowProps) {
  const { t } = useTranslation();
  const rename = useRenameCode(ws, waveId, slug);
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(code.label);
  const errorId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = label.trim();
    if (!text || text === code.label) {
      setEditing(false);
      return;
    }
    rename.mutate({ id: code.id, label: text }, { onSuccess: () => setEditing(false) });
  }

  if (editing) {
    return (
      <li className="codebook-row">
        <form className="form-inline" onSubmit={submit} noValidate>
          <TextField
            label={t('answers.codebook.renameLabel', { label: code.label })}
            name="label"
            maxLength={80}
            value={label}
            // The field replaces the rename button just pressed, so the focus follows it there.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            aria-errormessage={rename.error ? errorId : undefined}
            onChange={(event) => setLabel(event.target.value)}
          />
          <button type="submit" className="button-small" disabled={rename.isPending}>
            {t('common.save')}
          </button>
          <button
            type="button"
            className="button-small"
            onClick={() => {
              setEditing(false);
              setLabel(code.label);
              rename.reset();
            }}
          >
            {t('common.cancel')}
          </button>
        </form>
        <ErrorAlert error={rename.error} id={errorId} />
      </li>
    );
  }
  return (
    <li className="codebook-row">
      <button type="button" className="code-filter" aria-pressed={active} onClick={onFilter}>
        <span className="code-filter-label">{code.label}</span> <span className="code-count">{code.count}</span>
      </button>
      <span className="codebook-actions">
        <button
          type="button"
          className="button-small"
          aria-label={t('answers.codebook.renameButton', { label: code.label })}
          onClick={() => {
            setLabel(code.label);
            setEditing(true);
          }}
        >
          {t('answers.codebook.rename')}
        </button>
        <ConfirmButton
          label={t('answers.codebook.delete')}
          accessibleLabel={t('answers.codebook.deleteButton', { label: code.label })}
          question={t('answers.codebook.deleteQuestion', { label: code.label })}
          confirmLabel={t('answers.codebook.deleteConfirm')}
          pending={deleting}
          onConfirm={onDelete}
        />
      </span>
    </li>
  );
}
