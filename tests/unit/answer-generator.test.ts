import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileValidator } from '../../api/src/modules/responses/answer-validator.js';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';

// The generator feeds benchmarks and example data; its answers must pass the server's rules.
describe('generateAnswers', () => {
  for (const file of fs.readdirSync('surveys').filter((f) => f.endsWith('.json'))) {
    it(`gives valid complete answers for surveys/${file}`, () => {
      const definition = JSON.parse(fs.readFileSync(`surveys/${file}`, 'utf8')) as JsonObject;
      const validator = compileValidator(definition);
      const random = seededRandom(42);
      for (let i = 0; i < 300; i++) {
        const data = generateAnswers(definition, random);
        expect(validator.validate(data, true)).toEqual([]);
      }
    });
  }
});
