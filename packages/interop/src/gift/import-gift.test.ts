import { choice, listQuestions, optionLetter, score, BLANK, type Question } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import type { ImportedExam, KeptAs } from '../import-result.js';
import { importLintErrors } from '../question-builder.js';
import { ImportAssets } from '../import-assets.js';
import { sampleFile } from '../test-support/interop-samples.js';
import { importGift } from './import-gift.js';

/** What each sample bank gives: questions by kind, notes by what was kept, and the sections it makes. */
interface Expected {
  readonly kinds: Partial<Record<Question['kind'], number>>;
  readonly notes: Partial<Record<KeptAs, number>>;
  readonly sections: number;
}

/** The per-file import table of docs/interop.md for the 11 GIFT samples (../shared/interop-samples/gift/). */
const TABLE: Record<string, Expected> = {
  'giftpegjs_escapeAll.gift': { kinds: { single: 1 }, notes: {}, sections: 1 },
  'giftpegjs_giftFormatPhpExamples.gift': {
    kinds: { single: 5, numeric: 2, free: 3 },
    notes: { 'free-response': 3, partial: 1 },
    sections: 1,
  },
  'giftpegjs_mcHTMLComment.gift': { kinds: { single: 1 }, notes: {}, sections: 1 },
  'giftpegjs_multiLineFeedback1.gift': { kinds: { single: 2 }, notes: { content: 1 }, sections: 1 },
  'giftpegjs_multipleAnswersFloat.gift': { kinds: { multiple: 1 }, notes: {}, sections: 1 },
  'giftpegjs_numerical1.gift': { kinds: { numeric: 10 }, notes: { partial: 3 }, sections: 1 },
  'giftpegjs_tag_id_and_two_tags.gift': { kinds: { free: 1 }, notes: {}, sections: 1 },
  'moodle_fixture_questions.gift.txt': {
    kinds: { single: 4, multiple: 1, numeric: 1, free: 3 },
    notes: { 'free-response': 2, content: 2 },
    sections: 1,
  },
  'pygiftparser_test10_escapes_es.gift.txt': {
    kinds: { single: 3, multiple: 1, numeric: 1, free: 4 },
    notes: { 'free-response': 4, description: 1, partial: 1 },
    sections: 1,
  },
  'qas-editor_moodle_demo_export_all_types_tex.gift': {
    kinds: { single: 7, multiple: 2, numeric: 4, free: 8 },
    notes: { 'free-response': 6, description: 1, content: 3, partial: 1 },
    sections: 7,
  },
  'rgiftparser_epidemiology_fr_categories_negative_fractions.gift': {
    kinds: { single: 28, multiple: 11 },
    notes: {},
    sections: 7,
  },
};

/** Each bank imported once for the whole file (an import lints the exam, which is the slow part). */
const cache = new Map<string, ImportedExam>();
function imported(name: string): ImportedExam {
  const result = cache.get(name) ?? importGift(sampleFile(`gift/${name}`));
  cache.set(name, result);
  return result;
}

function question(result: ImportedExam, id: string): Question {
  const found = listQuestions(result.exam).find((placed) => placed.question.id === id)?.question;
  if (!found)
    throw new Error(
      `no question ${id}: ${listQuestions(result.exam)
        .map((p) => p.question.id)
        .join(', ')}`,
    );
  return found;
}

/** `x(1/3) -(-1)`: each option marked or not, with its weight. */
function options(result: ImportedExam, id: string): string {
  const found = question(result, id);
  if (found.kind !== 'single' && found.kind !== 'multiple') throw new Error(`${id} is ${found.kind}`);
  return found.options
    .map((option) => `${option.correct ? 'x' : '-'}${option.weight ? `(${option.weight.toString()})` : ''}`)
    .join(' ');
}

function key(result: ImportedExam, id: string): string {
  const found = question(result, id);
  if (found.kind !== 'single' && found.kind !== 'multiple') throw new Error(`${id} is ${found.kind}`);
  return found.options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : [])).join('');
}

function count<T extends string>(values: readonly T[]): Partial<Record<T, number>> {
  const counts: Partial<Record<T, number>> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe('importGift on the sample banks', () => {
  it.each(Object.entries(TABLE))('%s', (name, expected) => {
    const result = imported(name);
    const questions = listQuestions(result.exam).map((placed) => placed.question);
    expect(count(questions.map((q) => q.kind))).toEqual(expected.kinds);
    expect(count(result.notes.map((note) => note.keptAs))).toEqual(expected.notes);
    expect(result.exam.sections).toHaveLength(expected.sections);
    const assets = new ImportAssets();
    for (const asset of result.assets) assets.add(asset.path, asset.bytes);
    expect(importLintErrors(result.exam, assets)).toEqual([]);
    for (const note of result.notes) {
      expect(note.location.file).toBe(name);
      expect(note.location.line).toBeGreaterThan(0);
    }
  });

  it('reads Moodle weights exactly: 33.33333 % is 1/3, and negative weights take marks off', () => {
    const floats = imported('giftpegjs_multipleAnswersFloat.gift');
    expect(options(floats, 'select-all-of-the-options-below-which')).toBe('x(1/3) x(1/3) -(-1) x(1/3) -(-1)');
    const moodle = imported('moodle_fixture_questions.gift.txt');
    expect(options(moodle, 'colours')).toBe('x(0.5) -(-1) x(0.5) -(-1)');
    const epidemiology = imported('rgiftparser_epidemiology_fr_categories_negative_fractions.gift');
    expect(options(epidemiology, 'ai-types-signaux')).toBe('x(1/3) x(1/3) x(1/3) -(-0.5) -(-0.5)');
    expect(options(epidemiology, 'stat-pr-signif-prevalence')).toBe('-(-1/3) x(0.5) -(-1/3) -(-1/3) x(0.5)');
    expect(options(epidemiology, 'surv-objectifs')).toBe('-(-1) x(0.25) x(0.25) x(0.25) x(0.25)');
    // Two `=` answers: a single choice where either is right.
    expect(question(epidemiology, 'envir-preoccupations')).toMatchObject({ kind: 'single', acceptAny: true });
    expect(key(epidemiology, 'envir-preoccupations')).toBe('bc');
  });

  it('keeps `=` single choice with a %50% partial-credit distractor as weights', () => {
    const php = imported('giftpegjs_giftFormatPhpExamples.gift');
    expect(options(php, 'difficult-multiple-choice-question')).toBe('-(0) -(0.5) x(1)');
    expect(key(php, 'grant-s-tomb')).toBe('b');
    expect(question(php, 'grant-s-tomb').stem).toBe("Grant is \\_\\_\\_\\_ in Grant's tomb.");
  });

  it('reads every escape: the correct answer of escapeAll is a lone backslash', () => {
    const result = imported('giftpegjs_escapeAll.gift');
    const found = question(result, 'gift-control-characters');
    expect(found.kind === 'single' && found.options.map((option) => option.text)).toEqual([
      '\\~',
      '\\=',
      '\\#',
      '{',
      '}',
      ':',
      '\\\\',
    ]);
    expect(key(result, 'gift-control-characters')).toBe('g');
    const escapes = imported('pygiftparser_test10_escapes_es.gift.txt');
    const lines = question(escapes, 'varias-lineas');
    expect(lines.kind === 'single' && lines.options.map((option) => option.text)).toEqual([
      '\\~\\~\\~\\#\\\\',
      '===\\#\\\\',
    ]);
  });

  it('true-false, numeric forms and ranges', () => {
    const moodle = imported('moodle_fixture_questions.gift.txt');
    expect(key(moodle, 'q1')).toBe('b');
    expect(key(moodle, '2-08-tsl')).toBe('a');
    expect(key(moodle, '2-08-tsl-2')).toBe('a');
    expect(question(moodle, 'q5')).toMatchObject({ answer: { value: 3, tolerance: { kind: 'absolute', amount: 2 } } });
    const numerical = imported('giftpegjs_numerical1.gift');
    const answers = listQuestions(numerical.exam).map((placed) =>
      placed.question.kind === 'numeric' ? placed.question.answer : undefined,
    );
    expect(answers.map((answer) => answer && [answer.value, answer.tolerance])).toEqual([
      [1822, { kind: 'absolute', amount: 0 }],
      [-1, { kind: 'absolute', amount: 0 }],
      [3.1415, { kind: 'absolute', amount: 0.0005 }],
      [-3.142, { kind: 'absolute', amount: 0.001 }],
      [3.1415, { kind: 'absolute', amount: 0.0005 }],
      [-3.1415, { kind: 'absolute', amount: 0.0005 }],
      [3, { kind: 'absolute', amount: 2 }],
      [0, { kind: 'absolute', amount: 5 }],
      [1822, { kind: 'absolute', amount: 0 }],
      [9, { kind: 'absolute', amount: 0 }],
    ]);
    expect(numerical.notes.map((note) => note.reason)).toContain(
      'the answer 1822:2 worth 50 % was not kept: an Examforge numeric question has one answer, the 100 % one (1822:0)',
    );
  });

  it('short answer and matching become written questions whose rubric lists what Moodle accepted', () => {
    const php = imported('giftpegjs_giftFormatPhpExamples.gift');
    const hometown = question(php, 'jesus-hometown-short-answer-ex');
    expect(hometown.kind).toBe('free');
    expect(hometown.kind === 'free' && hometown.rubric.map((item) => [item.points.toString(), item.text])).toEqual([
      ['1', 'The answer is “Nazareth”'],
      ['0.75', 'The answer is “Nazereth”'],
      ['0.25', 'The answer is “Bethlehem”'],
    ]);
    const moodle = imported('moodle_fixture_questions.gift.txt');
    const match = question(moodle, 'moodle-activities');
    expect(match.kind === 'free' && match.rubric.map((item) => item.points.toString())).toEqual([
      '0.25',
      '0.25',
      '0.25',
      '0.25',
    ]);
    expect(match.stem).toContain('“Chat”');
  });

  it('TeX written with GIFT escapes comes back as exam math', () => {
    const qas = imported('qas-editor_moodle_demo_export_all_types_tex.gift');
    expect(question(qas, 'numeric-2').stem).toContain('$$x^2 + 3x - 28 = 0$$');
    expect(question(qas, 'numeric-2').explanation).toContain('$$\\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}$$');
  });

  it('keeps Moodle 4 metadata in the instructor note, and descriptions in the instructions', () => {
    const tags = imported('giftpegjs_tag_id_and_two_tags.gift');
    expect(question(tags, '393').note).toBe('Moodle id number: 393. Moodle tags: fred, barney-wilma');
    const qas = imported('qas-editor_moodle_demo_export_all_types_tex.gift');
    expect(qas.exam.instructions).toContain('This is an example of a description question type');
    expect(qas.exam.sections.map((section) => section.title)).toEqual([
      'Essays',
      'True-False',
      'Numericals',
      'Missing Words',
      'Matching',
      'Shorts',
      'Multichoice',
    ]);
  });

  it('reports a second answer block and stray text after a block at their line and column', () => {
    const escapes = imported('pygiftparser_test10_escapes_es.gift.txt');
    expect(escapes.notes.find((note) => note.keptAs === 'partial')).toMatchObject({
      location: { line: 27, column: 70 },
      questionId: 'con-continuacion-a-ver-que-tal-veremos',
    });
    const moodle = imported('moodle_fixture_questions.gift.txt');
    expect(moodle.notes.filter((note) => note.keptAs === 'content').map((note) => note.location.line)).toEqual([
      31, 43,
    ]);
  });
});

/**
 * Moodle's multichoice rule, computed by hand: a multiple-answer response earns the sum of its options' fractions,
 * clamped to [0, 1]; a single answer earns its option's fraction. Each question is worth 1 mark.
 */
const MOODLE_SCORES: readonly (readonly [string, string, readonly string[], string])[] = [
  ['giftpegjs_multipleAnswersFloat.gift', 'select-all-of-the-options-below-which', ['a', 'b', 'd'], '1'],
  ['giftpegjs_multipleAnswersFloat.gift', 'select-all-of-the-options-below-which', ['a'], '1/3'],
  ['giftpegjs_multipleAnswersFloat.gift', 'select-all-of-the-options-below-which', ['a', 'b'], '2/3'],
  ['giftpegjs_multipleAnswersFloat.gift', 'select-all-of-the-options-below-which', ['a', 'b', 'c'], '0'],
  ['giftpegjs_multipleAnswersFloat.gift', 'select-all-of-the-options-below-which', ['a', 'b', 'd', 'e'], '0'],
  ['giftpegjs_multipleAnswersFloat.gift', 'select-all-of-the-options-below-which', [], '0'],
  ['moodle_fixture_questions.gift.txt', 'colours', ['a', 'c'], '1'],
  ['moodle_fixture_questions.gift.txt', 'colours', ['a'], '0.5'],
  ['moodle_fixture_questions.gift.txt', 'colours', ['a', 'b'], '0'],
  ['moodle_fixture_questions.gift.txt', 'colours', ['a', 'c', 'd'], '0'],
  ['rgiftparser_epidemiology_fr_categories_negative_fractions.gift', 'schema-pr-temoins', ['a', 'd'], '1'],
  ['rgiftparser_epidemiology_fr_categories_negative_fractions.gift', 'schema-pr-temoins', ['a', 'b'], '0'],
  ['rgiftparser_epidemiology_fr_categories_negative_fractions.gift', 'schema-pr-temoins', ['a', 'd', 'e'], '1'],
  ['rgiftparser_epidemiology_fr_categories_negative_fractions.gift', 'schema-pr-temoins', ['a', 'b', 'd'], '0.5'],
  [
    'rgiftparser_epidemiology_fr_categories_negative_fractions.gift',
    'stat-pr-signif-prevalence',
    ['a', 'b', 'e'],
    '2/3',
  ],
  ['rgiftparser_epidemiology_fr_categories_negative_fractions.gift', 'stat-pr-signif-prevalence', ['b'], '0.5'],
  ['rgiftparser_epidemiology_fr_categories_negative_fractions.gift', 'surv-objectifs', ['b', 'c', 'd', 'e'], '1'],
  ['rgiftparser_epidemiology_fr_categories_negative_fractions.gift', 'surv-objectifs', ['a', 'b', 'c', 'd', 'e'], '0'],
  ['giftpegjs_giftFormatPhpExamples.gift', 'difficult-multiple-choice-question', ['b'], '0.5'],
  ['giftpegjs_giftFormatPhpExamples.gift', 'difficult-multiple-choice-question', ['c'], '1'],
  ['giftpegjs_giftFormatPhpExamples.gift', 'difficult-multiple-choice-question', ['a'], '0'],
];

describe('imported GIFT weights score as Moodle scores them', () => {
  it.each(MOODLE_SCORES)('%s %s: %j earns %s', (file, id, selected, expected) => {
    const { exam } = imported(file);
    const answer = selected.length === 0 ? BLANK : choice(...selected);
    const points = score(exam, { answers: { [id]: answer } }).questions.find((q) => q.questionId === id)?.points;
    expect(points?.toString()).toBe(expected);
  });
});
