import { useTranslation } from 'react-i18next';
import { useVersionQuestions } from '../../api/questionnaires';
import { useWave } from '../../api/waves';

export interface OpenQuestion {
  name: string;
  title: string;
}

/**
 * The wave, and the open questions of its questionnaire version: free text
 * to read and code, as the server's question type registry says (comment
 * boxes, text fields without a number or date input), titled in the UI
 * language (else the questionnaire's own).
 */
export function useWaveOpenQuestions(ws: string, waveId: string) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const wave = useWave(ws, waveId);
  const detail = wave.data?.wave;
  const version = useVersionQuestions(ws, detail?.questionnaire ?? '', detail ? detail.version : null, lang);
  return {
    wave,
    version,
    questions: version.data?.questions
      .filter((q) => q.openText)
      .map((q): OpenQuestion => ({ name: q.name, title: q.title })),
  };
}
