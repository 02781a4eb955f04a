import fs from 'node:fs';
import path from 'node:path';
import { checkDefinition } from './definition-rules.js';
import { questionsOf, type JsonObject } from './definition-walk.js';

export type Template = { id: string; definition: JsonObject; questionCount: number };

/**
 * Reads the template library (`surveys/*.json`) once at start. A template that
 * breaks the definition rules stops the server: it is shipped code. Its HTML is
 * sanitised when a questionnaire is made from it, not here, so that the start
 * does not load the sanitiser.
 */
export function loadTemplates(dir: string): Map<string, Template> {
  const templates = new Map<string, Template>();
  if (!fs.existsSync(dir)) return templates;
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const id = file.replace(/\.json$/, '');
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const checked = checkDefinition(raw, { sanitize: false });
    if (!checked.ok) {
      const lines = checked.problems.map((p) => `  ${p.question ?? p.path}: ${p.message.en}`);
      throw new Error(`Template surveys/${file} breaks the definition rules:\n${lines.join('\n')}`);
    }
    templates.set(id, { id, definition: checked.definition, questionCount: questionsOf(checked.definition).length });
  }
  return templates;
}
