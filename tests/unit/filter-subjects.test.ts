import { describe, expect, it } from 'vitest';
import type { QuestionResult, QuestionTypes } from '../../web/src/api/types.js';
import { describeFilter, filterSubjects, subjectGroups } from '../../web/src/pages/waves/filterSubjects.js';

const types: QuestionTypes = {
  radiogroup: { filterable: true, filter: 'value', openText: false, figures: 'choices', export: 'value' },
  comment: { filterable: false, filter: 'none', openText: true, figures: 'count', export: 'value' },
  matrix: { filterable: true, filter: 'cells', openText: false, figures: 'matrix', export: 'rows' },
  matrixdropdown: { filterable: true, filter: 'cells', openText: false, figures: 'cells', export: 'cells' },
  paneldynamic: { filterable: true, filter: 'cells', openText: false, figures: 'panels', export: 'panels' },
  dropdown: { filterable: true, filter: 'value', openText: false, figures: 'choices', export: 'value' },
  rating: { filterable: true, filter: 'value', openText: false, figures: 'scale', export: 'value' },
  slider: { filterable: false, filter: 'none', openText: false, figures: 'numbers', export: 'value' },
  text: { filterable: false, filter: 'none', openText: true, figures: 'count', export: 'value' },
};
const choices = (...values: string[]) => values.map((v) => ({ value: v, label: v.toUpperCase(), count: 1 }));
const base = { n: 6, suppressed: false };
const questions: QuestionResult[] = [
  { ...base, name: 'sector', type: 'radiogroup', title: 'Sector', choices: choices('civic', 'municipal') },
  { ...base, name: 'note', type: 'comment', title: 'Note' },
  {
    ...base,
    name: 'grid',
    type: 'matrix',
    title: 'Grid',
    rows: [{ value: 'r1', label: 'Row 1', n: 6, suppressed: false, choices: choices('1', '2') }],
  },
  {
    ...base,
    name: 'tools',
    type: 'matrixdropdown',
    title: 'Tools',
    cells: [
      {
        row: 'mail',
        rowLabel: 'Mail',
        column: 'use',
        columnLabel: 'Use',
        type: 'dropdown',
        n: 6,
        suppressed: false,
        choices: choices('daily'),
      },
      {
        row: 'mail',
        rowLabel: 'Mail',
        column: 'level',
        columnLabel: 'Level',
        type: 'slider',
        n: 6,
        suppressed: false,
        choices: choices('1', '2'),
      },
    ],
  },
  {
    ...base,
    name: 'events',
    type: 'paneldynamic',
    title: 'Events',
    inner: [
      { ...base, name: 'format', type: 'rating', title: 'Format', choices: choices('1') },
      { ...base, name: 'nick', type: 'text', title: 'Nick' },
    ],
  },
];

describe('filterSubjects', () => {
  it('offers choice questions and choice cells, as the registry allows, with the prefix the API reads', () => {
    expect(filterSubjects({ questions, questionTypes: types }).map((s) => [s.key, s.label])).toEqual([
      ['sector', 'Sector'],
      ['grid:r1', 'Grid – Row 1'],
      ['tools:mail:use', 'Tools – Mail – Use'],
      ['events:format', 'Events – Format'],
    ]);
  });

  it('groups cells under their question for the select, and questions stand alone', () => {
    const groups = subjectGroups(filterSubjects({ questions, questionTypes: types }));
    expect(groups.map((g) => [g.group ?? null, g.subjects.map((s) => s.cell ?? s.label)])).toEqual([
      [null, ['Sector']],
      ['Grid', ['Row 1']],
      ['Tools', ['Mail – Use']],
      ['Events', ['Format']],
    ]);
  });

  it('names a filter by its longest matching subject and the choice label, and falls back to the raw text', () => {
    const subjects = filterSubjects({ questions, questionTypes: types });
    expect(describeFilter(subjects, 'tools:mail:use:daily')).toEqual({ subject: 'Tools – Mail – Use', value: 'DAILY' });
    expect(describeFilter(subjects, 'sector:civic')).toEqual({ subject: 'Sector', value: 'CIVIC' });
    expect(describeFilter(subjects, 'gone:x')).toEqual({ subject: 'gone', value: 'x' });
  });
});
