import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request, segment } from './client';
import type { Trend, WaveResults } from './types';

export type {
  CellResult,
  ChoiceCell,
  ChoiceValue,
  Count,
  FigureKind,
  Filter,
  ItemResult,
  MatrixRow,
  QuestionResult,
  QuestionTypeInfo,
  QuestionTypes,
  Trend,
  TrendEntry,
  WaveResults,
} from './types';

// Results and trends (DESIGN.md §3, §4): aggregates only, small groups suppressed.

const resultsPath = (ws: string, id: string, where: string[], locale: string) => {
  const query = new URLSearchParams([...where.map((w): [string, string] => ['where', w]), ['locale', locale]]);
  return `/workspaces/${segment(ws)}/waves/${segment(id)}/results?${query.toString()}`;
};

/** A wave's results under `where` filters (`question:value`), labels in `locale`. */
export function useResults(ws: string, id: string, where: string[], locale: string, enabled = true) {
  return useQuery({
    queryKey: ['workspace', ws, 'waves', id, 'results', where, locale],
    queryFn: () => request<WaveResults>('GET', resultsPath(ws, id, where, locale)),
    // Keeps the figures on screen while a new filter loads, instead of flashing "loading".
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One question across all waves of a questionnaire, oldest first. */
export function useTrend(ws: string, questionnaire: string, question: string, locale: string) {
  return useQuery({
    queryKey: ['workspace', ws, 'questionnaires', questionnaire, 'trend', question, locale],
    queryFn: () =>
      request<Trend>(
        'GET',
        `/workspaces/${segment(ws)}/questionnaires/${segment(questionnaire)}/trend?${new URLSearchParams({ question, locale }).toString()}`,
      ),
    enabled: questionnaire !== '' && question !== '',
  });
}
