import {
  listQuestions,
  optionLetter,
  optionWeights,
  Rational,
  score,
  type Exam,
  type MultipleScoring,
  type Question,
} from '@examforge/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importBank } from '../import-bank.js';
import type { ImportedExam } from '../import-result.js';
import { exportQti30 } from './export-qti30.js';
import { qtiRational } from './qti-number.js';

const r = (text: string) => Rational.parse(text) ?? Rational.ZERO;

describe('a long decimal is read as the simple fraction it rounds', () => {
  test.each([
    [0.1666667, '1/6'],
    [0.3333333, '1/3'],
    [-0.3333333333333333, '-1/3'],
    [0.8333333333333334, '5/6'],
    [12.333333333333334, '37/3'],
    [0.1428571, '1/7'],
  ])('%s is %s', (value, fraction) => {
    expect(qtiRational(value)?.toString()).toBe(fraction);
  });

  test.each([
    [0.25, '0.25'],
    [0.3333, '0.3333'],
    [0.123456, '0.123456'],
    [0.1234567, '0.1234567'],
    [2, '2'],
  ])('%s stays as written', (value, written) => {
    expect(qtiRational(value)?.toString()).toBe(written);
  });
});

/** A one-question exam: a multiple-answer question with `correct` right options of `count`, scored by `scoring`. */
function examOf(marks: string, correct: number, count: number, scoring: MultipleScoring): Exam {
  const options = Array.from({ length: count }, (_, index) => ({
    text: `option ${index + 1}`,
    correct: index < correct,
    fixed: false,
  }));
  const question: Question = {
    id: 'q1',
    kind: 'multiple',
    stem: 'Which?',
    keyUnknown: false,
    bonus: false,
    options,
    scoring,
  };
  return {
    id: 'mapped',
    title: 'Mapped',
    duration: 10,
    sections: [{ id: 's1', title: 'S', marks: r(marks), penalty: Rational.ZERO, questions: [question] }],
  };
}

/** Points of every non-empty selection of a question's options, under the exam's own scoring. */
function pointsOfEverySelection(exam: Exam): string[] {
  const [{ question } = { question: undefined }] = listQuestions(exam);
  if (question?.kind !== 'multiple') throw new Error('expected a multiple-answer question');
  const letters = question.options.map((_, index) => optionLetter(index));
  const selections = Array.from({ length: 2 ** letters.length - 1 }, (_, mask) =>
    letters.filter((_, index) => ((mask + 1) >> index) & 1),
  );
  return selections.map((selected) => {
    const result = score(exam, { answers: { [question.id]: { kind: 'choice', selected } } });
    return `${selected.join('')} ${result.questions[0]?.points.toString() ?? '?'}`;
  });
}

function onlyQuestion(imported: ImportedExam): Question {
  const [found] = listQuestions(imported.exam);
  if (!found) throw new Error('no question imported');
  return found.question;
}

describe('Examforge → QTI 3.0 → Examforge keeps the strategy and its parameters', () => {
  test.each<[string, string, number, number, MultipleScoring]>([
    // 1/3 of the marks per decision is written as a long decimal and comes back as 1/3.
    ['every-decision, thirds', '1', 1, 3, { strategy: 'every-decision' }],
    ['every-decision', '2', 2, 5, { strategy: 'every-decision' }],
    ['per-option, defaults', '2', 1, 4, { strategy: 'per-option' }],
    [
      'per-option, every parameter',
      '2',
      2,
      4,
      // A parameter equal to its default (wrong = −2/4 here) would come back left out, which means the same.
      { strategy: 'per-option', right: r('1'), wrong: r('-0.25'), floor: r('-1'), ceiling: r('1.5') },
    ],
    ['per-option, right and floor', '3', 1, 3, { strategy: 'per-option', right: r('1/3'), floor: r('-0.5') }],
    ['partial-credit', '2', 2, 5, { strategy: 'partial-credit' }],
    ['net-correct', '1', 3, 4, { strategy: 'net-correct' }],
  ])('%s', (_, marks, correct, count, scoring) => {
    const exam = examOf(marks, correct, count, scoring);
    const exported = exportQti30(exam);
    const imported = importBank({ name: exported.fileName, bytes: exported.bytes });
    const question = onlyQuestion(imported);
    expect(question).toMatchObject({ kind: 'multiple', scoring });
    expect(question.kind === 'multiple' && question.options.map((option) => option.correct)).toEqual(
      Array.from({ length: count }, (_, index) => index < correct),
    );
    expect(question.kind === 'multiple' && optionWeights(question)).toBeUndefined();
    expect(imported.notes.filter((note) => note.keptAs === 'partial')).toEqual([]);
    expect(pointsOfEverySelection(imported.exam)).toEqual(pointsOfEverySelection(exam));
  });
});

test('every-decision and per-option with random parameters score every selection the same after QTI 3.0 (property)', () => {
  const mark = (values: string[]) => fc.constantFrom(...values).map(r);
  const optional = (values: string[]) => fc.option(mark(values), { nil: undefined });
  const scoring = fc.oneof(
    fc.constant<MultipleScoring>({ strategy: 'every-decision' }),
    fc
      .record({
        right: optional(['1', '0.5', '1/3', '2/7']),
        wrong: optional(['0', '-0.5', '-1/4', '-1/6']),
        floor: optional(['0', '-0.5', '-1', '-2']),
        ceiling: optional(['0.5', '1', '1.5']),
      })
      .map((parameters): MultipleScoring => ({
        strategy: 'per-option',
        ...Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined)),
      })),
  );
  let runs = 0;
  fc.assert(
    fc.property(
      fc.constantFrom('0.5', '1', '2', '2.5', '3'),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 3 }),
      scoring,
      (marks, correct, incorrect, strategy) => {
        fc.pre(correct + incorrect >= 2);
        const exam = examOf(marks, correct, correct + incorrect, strategy);
        const exported = exportQti30(exam);
        const imported = importBank({ name: exported.fileName, bytes: exported.bytes });
        const question = onlyQuestion(imported);
        // A named strategy, not weights: the mapping was recognised.
        expect(question.kind === 'multiple' && question.scoring !== undefined && !optionWeights(question)).toBe(true);
        expect(pointsOfEverySelection(imported.exam)).toEqual(pointsOfEverySelection(exam));
        runs += 1;
      },
    ),
    { numRuns: 80, seed: 20261207 },
  );
  expect(runs).toBe(80);
});

/** A QTI 2.2 multiple-choice item as other tools write it: four or five choices, a mapping, the given processing. */
function qti22Item(mapping: string, processing: string, outcomes = ''): Uint8Array {
  const choices = ['H2O', 'H2O2', 'CO2', 'NaCl', 'O3']
    .map((text, index) => `<simpleChoice identifier="${String.fromCharCode(65 + index)}">${text}</simpleChoice>`)
    .join('');
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="molecules" title="Molecules"
    adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">
    <correctResponse><value>A</value><value>B</value></correctResponse>
    ${mapping}
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  ${outcomes}
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="0">
      <prompt>Which contain hydrogen and oxygen only?</prompt>
      ${choices}
    </choiceInteraction>
  </itemBody>
  ${processing}
</assessmentItem>`);
}

const MAP_RESPONSE_TEMPLATE =
  '<responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/map_response"/>';

function importItem(bytes: Uint8Array): ImportedExam {
  return importBank({ name: 'molecules.xml', bytes });
}

/** The points of one selection (letters) of the imported item. */
function pointsOf(imported: ImportedExam, selected: string[]): string {
  const question = onlyQuestion(imported);
  return (
    score(imported.exam, {
      answers: { [question.id]: { kind: 'choice', selected } },
    }).questions[0]?.points.toString() ?? ''
  );
}

describe('a real-world QTI 2.2 mapping with bounds comes in as the strategy it is', () => {
  test('right +1, wrong −1, bounded to [0, 2]: net correct out of 2', () => {
    const imported = importItem(
      qti22Item(
        `<mapping lowerBound="0" upperBound="2" defaultValue="0">
          <mapEntry mapKey="A" mappedValue="1"/><mapEntry mapKey="B" mappedValue="1"/>
          <mapEntry mapKey="C" mappedValue="-1"/><mapEntry mapKey="D" mappedValue="-1"/><mapEntry mapKey="E" mappedValue="-1"/>
        </mapping>`,
        MAP_RESPONSE_TEMPLATE,
      ),
    );
    expect(onlyQuestion(imported)).toMatchObject({ kind: 'multiple', scoring: { strategy: 'net-correct' } });
    expect(listQuestions(imported.exam)[0]?.section.marks.toString()).toBe('2');
    expect(imported.notes).toEqual([]);
    expect(pointsOf(imported, ['a', 'b'])).toBe('2');
    expect(pointsOf(imported, ['a', 'c'])).toBe('0');
    expect(pointsOf(imported, ['a', 'b', 'c'])).toBe('1');
  });

  test('right +0.5, wrong −0.3333333 (a third written to seven places), bounded to [0, 1]: partial credit', () => {
    const imported = importItem(
      qti22Item(
        `<mapping lowerBound="0.0" upperBound="1.0" defaultValue="-0.3333333">
          <mapEntry mapKey="A" mappedValue="0.5"/><mapEntry mapKey="B" mappedValue="0.5"/>
        </mapping>`,
        MAP_RESPONSE_TEMPLATE,
      ),
    );
    expect(onlyQuestion(imported)).toMatchObject({ kind: 'multiple', scoring: { strategy: 'partial-credit' } });
    expect(imported.notes).toEqual([]);
    // 1/2 − 1/3 of 1 mark, exactly: the snapped third keeps the score a simple fraction.
    expect(pointsOf(imported, ['a', 'c'])).toBe('1/6');
    expect(pointsOf(imported, ['a', 'b', 'c', 'd', 'e'])).toBe('0');
  });

  test('written-out rules with no lower bound: the score goes below 0 as in QTI (per-option with a floor)', () => {
    const imported = importItem(
      qti22Item(
        `<mapping defaultValue="0">
          <mapEntry mapKey="A" mappedValue="1"/><mapEntry mapKey="B" mappedValue="1"/>
          <mapEntry mapKey="C" mappedValue="-1"/><mapEntry mapKey="D" mappedValue="-1"/><mapEntry mapKey="E" mappedValue="-1"/>
        </mapping>`,
        `<responseProcessing>
          <responseCondition>
            <responseIf><isNull><variable identifier="RESPONSE"/></isNull>
              <setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue></responseIf>
            <responseElse><setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/></setOutcomeValue></responseElse>
          </responseCondition>
        </responseProcessing>`,
        '<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float"><defaultValue><value>2</value></defaultValue></outcomeDeclaration>',
      ),
    );
    // right = 2/5 is the default (marks over options); each choice swings the score by right − wrong = 1.
    const question = onlyQuestion(imported);
    expect(question.kind === 'multiple' && question.scoring).toEqual({
      strategy: 'per-option',
      wrong: r('-3/5'),
      floor: r('-3'),
    });
    expect(imported.notes).toEqual([]);
    expect(pointsOf(imported, ['c', 'd', 'e'])).toBe('-3');
    expect(pointsOf(imported, ['a', 'b', 'c'])).toBe('1');
    expect(pointsOf(imported, ['a', 'b'])).toBe('2');
  });

  test('a mapping plus a constant that no strategy matches keeps the weights and says what was lost, where', () => {
    const imported = importItem(
      qti22Item(
        `<mapping defaultValue="0">
          <mapEntry mapKey="A" mappedValue="1"/><mapEntry mapKey="B" mappedValue="0.5"/>
          <mapEntry mapKey="C" mappedValue="-1"/>
        </mapping>`,
        `<responseProcessing>
          <setOutcomeValue identifier="SCORE">
            <max><baseValue baseType="float">0</baseValue>
              <sum><mapResponse identifier="RESPONSE"/><baseValue baseType="float">0.5</baseValue></sum></max>
          </setOutcomeValue>
        </responseProcessing>`,
      ),
    );
    const question = onlyQuestion(imported);
    expect(question.kind === 'multiple' && optionWeights(question)).toBeTruthy();
    const lost = imported.notes.find((note) => /adds 0\.5 to the mapped value/.test(note.reason));
    expect(lost).toMatchObject({ keptAs: 'partial', location: { file: 'molecules.xml' } });
    expect(lost?.location.xmlPath).toBe('/assessmentItem');
  });
});
