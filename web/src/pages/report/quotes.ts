/** One entry of the quote picker: a text and every answer that says it. */
export interface QuoteChoice {
  text: string;
  /** The answers with this text, in the order they came; the first is the one a pick refers to. */
  ids: string[];
  /** The codes of any of these answers, each once. */
  codes: string[];
}

/** A text as people read it: the same words with other spacing or case are the same quote. */
const sameText = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * Answers merged by their text: the same quote given by several respondents
 * is one entry with a count (their number of ids), not a list of duplicates.
 */
export function quoteChoices(answers: Array<{ id: string; text: string; codes: string[] }>): QuoteChoice[] {
  const byText = new Map<string, QuoteChoice>();
  for (const a of answers) {
    const key = sameText(a.text);
    const entry = byText.get(key);
    if (entry) {
      entry.ids.push(a.id);
      for (const c of a.codes) if (!entry.codes.includes(c)) entry.codes.push(c);
    } else byText.set(key, { text: a.text.trim(), ids: [a.id], codes: [...a.codes] });
  }
  return [...byText.values()];
}
