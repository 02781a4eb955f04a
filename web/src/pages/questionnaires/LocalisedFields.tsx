import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../components/TextField';
import type { Json } from '../../designer/json';
import { langs, textOf, withText } from '../../designer/text';
import { defaultLanguage } from '../../components/survey/locales';
import { useEditor } from './EditorContext';

interface LocalisedFieldsProps {
  label: string;
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
  multiline?: boolean;
  hint?: string;
}

/** One text in German and English side by side, e.g. "Question (German)", "Question (English)". */
export function LocalisedFields({ label, value, onChange, multiline, hint }: LocalisedFieldsProps) {
  const { t } = useTranslation();
  const { readOnly, definition } = useEditor();
  const base = defaultLanguage(definition);
  return (
    <div className="field-pair">
      {langs.map((lang) => {
        const props = {
          label: t('designer.inLanguage', { field: label, language: t(`designer.lang.${lang}`) }),
          hint: lang === 'de' ? hint : undefined,
          lang,
          readOnly,
          value: textOf(value, lang, base),
          onChange: (event: { target: { value: string } }) => onChange(withText(value, lang, event.target.value, base)),
        };
        return multiline ? <TextAreaField key={lang} rows={3} {...props} /> : <TextField key={lang} {...props} />;
      })}
    </div>
  );
}
