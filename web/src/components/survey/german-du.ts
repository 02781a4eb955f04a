import { surveyLocalization } from 'survey-core';

/**
 * SurveyJS's German texts address respondents with "Sie"; Bilanz says "du"
 * everywhere. These are the texts a respondent can meet in the question types
 * Bilanz offers (messages, placeholders, the default thank-you).
 */
const du: Record<string, string> = {
  commentText: 'Hier ist Platz für einen Kommentar',
  completingSurvey: 'Vielen Dank, dass du mitgemacht hast!',
  completingSurveyBefore: 'Du hast diese Befragung schon abgeschlossen.',
  ratingOptionsCaption: 'Tippe hier, um zu bewerten …',
  requiredError: 'Bitte beantworte diese Frage.',
  requiredErrorInPanel: 'Bitte beantworte mindestens eine Frage.',
  requiredInAllRowsError: 'Bitte beantworte jede Zeile.',
  stepError: 'Gib einen Wert ein, der zur Schrittweite {0} passt.',
  incompletePatternError: 'Bitte fülle das Feld im verlangten Format aus.',
  textMinLength: 'Bitte gib mindestens {0} Zeichen ein.',
  textMaxLength: 'Bitte gib höchstens {0} Zeichen ein.',
  textMinMaxLength: 'Bitte gib mindestens {0} und höchstens {1} Zeichen ein.',
  minRowCountError: 'Bitte fülle mindestens {0} Zeilen aus.',
  minSelectError: 'Bitte wähle mindestens {0} Antwort(en) aus.',
  maxSelectError: 'Bitte wähle höchstens {0} Antwort(en) aus.',
  invalidEmail: 'Bitte gib eine gültige E-Mail-Adresse ein.',
  otherRequiredError: 'Bitte beschreibe deine Antwort „Sonstiges“.',
  confirmDelete: 'Möchtest du den Eintrag löschen?',
  filterStringPlaceholder: 'Tippe, um zu suchen …',
  noEntriesText: 'Es gibt noch keine Einträge.\nMit der Schaltfläche unten fügst du einen hinzu.',
};

/** Puts the "du" texts over survey-core's German ones; call after those have loaded. */
export function applyGermanDu(): void {
  const german = surveyLocalization.locales['de'] as Record<string, string> | undefined;
  if (german) Object.assign(german, du);
}
