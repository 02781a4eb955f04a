import { useTranslation } from 'react-i18next';
import { useVersion } from '../../api/questionnaires';
import { useWave } from '../../api/waves';
import { allElements, nameOf, typeOf } from '../../designer/elements';
import { isObject, type JsonObject } from '../../designer/json';
import { defaultLanguage, textFor } from '../../components/survey/locales';

export interface OpenQuestion {
  name: string;
  title: string;
}

/** Text inputs that hold numbers or dates: not free text to read and code. */
const NON_TEXT_INPUTS = new Set(['number', 'range', 'date', 'datetime-local', 'month', 'week', 'time']);

/** The open questions of a definition (comment boxes and plain text inputs), titled in one language (else the definition's own). */
export function openQuestionsOf(definition: JsonObject, lang: string): OpenQuestion[] {
  const base = defaultLanguage(definition);
  return allElements(definition)
    .map(({ element }) => element)
    .filter((element) => {
      const type = typeOf(element);
      if (type === 'comment') return true;
      return type === 'text' && !(typeof element.inputType === 'string' && NON_TEXT_INPUTS.has(element.inputType));
    })
    .map((element) => {
      const name = nameOf(element);
      const title = textFor(element.title, lang, base) || name;
      return { name, title };
    });
}

/** The wave, and the open questions of its questionnaire version. */
export function useWaveOpenQuestions(ws: string, waveId: string) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const wave = useWave(ws, waveId);
  const detail = wave.data?.wave;
  const version = useVersion(ws, detail?.questionnaire ?? '', detail ? detail.version : null);
  const definition = version.data?.definition;
  return {
    wave,
    version,
    questions: isObject(definition) ? openQuestionsOf(definition, lang) : undefined,
  };
}
