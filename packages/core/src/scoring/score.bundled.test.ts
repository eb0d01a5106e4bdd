import { describe, expect, it } from 'vitest';
import { dropQuestion, withKey } from '../edit.js';
import type { Exam, MultipleScoring, Question } from '../model.js';
import { Rational } from '../rational.js';
import { bundledExam, PAPER_KEY, UNKNOWN_KEY_IDS } from '../test-support/bundled-exam.js';
import { DEFAULT_POLICY, invalidMarksPolicyNamed, type ScoringPolicy } from './policy.js';
import { BLANK, MISSING, type Grade, type InvalidMarkKind, type Response } from './responses.js';
import { score } from './score.js';

/**
 * Hand-computed scores on the bundled exam. Its key, as the paper marks it: 18 Beginner questions with a key
 * (0.5 each, −0.5 when wrong), 8 without (not scored), two 2-mark and one 3-mark free-response question:
 * the maximum is 18 × 0.5 + 2 + 2 + 3 = 16.
 */
const exam = bundledExam();
const keyed = Object.keys(PAPER_KEY);
const pick = (letter: string): Response => ({ kind: 'choice', selected: [letter] });
const wrongLetter = (letter: string) => (letter === 'a' ? 'b' : 'a');
const allRight = Object.fromEntries(keyed.map((id) => [id, pick(PAPER_KEY[id] ?? '')]));
const allWrong = Object.fromEntries(keyed.map((id) => [id, pick(wrongLetter(PAPER_KEY[id] ?? ''))]));
const fullGrades: Record<string, Grade> = {
  'wasserstein-vs-js': { kind: 'rubric', items: ['js-constant', 'w1-gradient'] },
  'causal-conv-autoregressive': { kind: 'points', points: Rational.of(2) },
  'fisher-pruning-loss': { kind: 'points', points: Rational.of(3) },
};
const fillAndMark = (fill: string, option: string, mark: InvalidMarkKind): Response => ({
  kind: 'choice',
  selected: [fill],
  invalidMarks: [{ option, mark }],
});
const markAlone = (option: string, mark: InvalidMarkKind): Response => ({
  kind: 'choice',
  selected: [],
  invalidMarks: [{ option, mark }],
});
const cross = (option: string) => ({ option, mark: 'cross' as const });
const unclear = (option: string) => ({ option, mark: 'unclear' as const });
const firstN = (n: number, answers: Record<string, Response>) =>
  Object.fromEntries(Object.entries(answers).slice(0, n));

/** The bundled exam with one question replaced. */
function replaceQuestion(base: Exam, id: string, change: (question: Question) => Question): Exam {
  return {
    ...base,
    sections: base.sections.map((section) => ({
      ...section,
      questions: section.questions.map((question) => (question.id === id ? change(question) : question)),
    })),
  };
}

/** The bundled exam with `wasserstein-vs-js` graded negatively: from its 2 marks, deductions of 0.5 and 2. */
const negativeGrading = replaceQuestion(exam, 'wasserstein-vs-js', (question) =>
  question.kind === 'free'
    ? {
        ...question,
        rubricFrom: 'full',
        rubric: [
          { id: 'sign-error', points: Rational.parse('-0.5') as Rational, text: 'Sign error in the gradient' },
          { id: 'no-example', points: Rational.of(-2), text: 'No example' },
        ],
      }
    : question,
);

/** `batched-matmul` asked as "which of these compute the batch products?": (a), (b) and (d) are all right. */
function withMultipleMatmul(scoring: MultipleScoring): Exam {
  return replaceQuestion(exam, 'batched-matmul', (question) => {
    if (question.kind !== 'single') throw new Error('expected a single-choice question');
    const options = question.options.map((option, index) => ({ ...option, correct: index !== 2 }));
    const { acceptAny: _unused, ...rest } = question;
    return { ...rest, kind: 'multiple', options, scoring };
  });
}

/** `depthwise-separable-params` asked as a numeric question: 32·9 + 32·64 = 2336 (no biases). */
function withNumericDepthwise(
  tolerance: { kind: 'absolute'; amount: number } | { kind: 'relative'; percent: number },
): Exam {
  return replaceQuestion(exam, 'depthwise-separable-params', (question) => {
    const { options: _options, acceptAny: _accept, ...rest } = question as Extract<Question, { kind: 'single' }>;
    return { ...rest, kind: 'numeric', keyUnknown: false, answer: { value: 2336, tolerance } };
  });
}

interface Case {
  readonly name: string;
  readonly exam?: Exam;
  readonly answers: Record<string, Response>;
  readonly grades?: Record<string, Grade>;
  readonly policy?: Partial<ScoringPolicy>;
  readonly total: string;
  readonly maximum: string;
  /** Expected status and points of single questions. */
  readonly questions?: Record<string, readonly [status: string, points: string]>;
  readonly flagged?: readonly string[];
}

const matmul = (
  strategy: MultipleScoring['strategy'],
  selected: string[],
  expected: string,
  extra: Partial<MultipleScoring> = {},
): Case => ({
  name: `multiple answer, ${strategy}${Object.keys(extra).length ? ' (custom)' : ''}: chose ${selected.join('') || 'nothing'} of key abd`,
  exam: withMultipleMatmul({ strategy, ...extra }),
  answers: { 'batched-matmul': { kind: 'choice', selected } },
  total: expected,
  maximum: '16',
  questions: {
    'batched-matmul': [
      selected.length === 0
        ? 'blank'
        : expected === '1/2'
          ? 'correct'
          : Rational.parse(expected)?.isPositive()
            ? 'partial'
            : 'wrong',
      expected,
    ],
  },
});

const cases: Case[] = [
  {
    name: 'all correct, free responses graded full',
    answers: allRight,
    grades: fullGrades,
    total: '16',
    maximum: '16',
  },
  {
    name: 'all Beginner correct, free responses ungraded',
    answers: allRight,
    total: '9',
    maximum: '16',
    questions: { 'wasserstein-vs-js': ['blank', '0'] },
  },
  {
    name: 'all blank',
    answers: {},
    total: '0',
    maximum: '16',
    questions: { 'l2-prior': ['blank', '0'], 'conv-grad-valid': ['not-scored', '0'] },
  },
  {
    name: 'all keyed Beginner wrong: 18 × −0.5',
    answers: allWrong,
    total: '-9',
    maximum: '16',
    questions: { 'l2-prior': ['wrong', '-0.5'] },
  },
  {
    name: 'questions without a key earn nothing, whatever is marked',
    answers: Object.fromEntries(UNKNOWN_KEY_IDS.map((id) => [id, pick('a')])),
    total: '0',
    maximum: '16',
    questions: { 'dilated-conv-output-size': ['not-scored', '0'], 'depthwise-separable-params': ['not-scored', '0'] },
  },
  {
    name: 'mixture: 10 right, 5 wrong, 3 blank',
    answers: { ...firstN(10, allRight), ...Object.fromEntries(Object.entries(allWrong).slice(10, 15)) },
    total: '2.5',
    maximum: '16',
  },
  {
    name: 'mixture: 12 right, 6 wrong, free 1 + 0.5 + 2',
    answers: { ...firstN(12, allRight), ...Object.fromEntries(Object.entries(allWrong).slice(12)) },
    grades: {
      'wasserstein-vs-js': { kind: 'rubric', items: ['w1-gradient'] },
      'causal-conv-autoregressive': { kind: 'rubric', items: ['chain-rule'] },
      'fisher-pruning-loss': { kind: 'points', points: Rational.of(2) },
    },
    total: '6.5',
    maximum: '16',
  },
  {
    name: 'a single wrong answer costs the penalty',
    answers: { 'masked-softmax': pick('a') },
    total: '-0.5',
    maximum: '16',
    questions: { 'masked-softmax': ['wrong', '-0.5'] },
  },
  // Marks that are not complete fills, under each invalid-marks policy: (a) a right fill with a tick elsewhere,
  // (b) a tick alone on the right option. The default is the source's rule: they are not answers, and cancel nothing.
  {
    name: 'default: a right fill with a tick elsewhere is the answer (the tick recorded, flagged)',
    answers: { 'l2-prior': fillAndMark('b', 'c', 'tick') },
    total: '0.5',
    maximum: '16',
    questions: { 'l2-prior': ['correct', '0.5'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'default: a tick alone on the right option is not an answer: unanswered, 0, no penalty, flagged',
    answers: { 'l2-prior': markAlone('b', 'tick') },
    total: '0',
    maximum: '16',
    questions: { 'l2-prior': ['blank', '0'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'default: a wrong fill with a partial fill on the right option is still wrong (the penalty applies)',
    answers: { 'l2-prior': fillAndMark('a', 'b', 'partial') },
    total: '-0.5',
    maximum: '16',
    questions: { 'l2-prior': ['wrong', '-0.5'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'default: an unclear mark beside a right fill does not cancel it until a person decides (flagged)',
    answers: { 'l2-prior': fillAndMark('b', 'c', 'unclear') },
    total: '0.5',
    maximum: '16',
    questions: { 'l2-prior': ['correct', '0.5'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'default: an unclear mark alone is not an answer until a person decides: 0, flagged',
    answers: { 'l2-prior': markAlone('b', 'unclear') },
    total: '0',
    maximum: '16',
    questions: { 'l2-prior': ['blank', '0'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'default: a cross beside fills on a multiple-answer question leaves the fills to the strategy',
    exam: withMultipleMatmul({ strategy: 'per-option' }),
    answers: { 'batched-matmul': { kind: 'choice', selected: ['a', 'b', 'd'], invalidMarks: [cross('c')] } },
    total: '1/2',
    maximum: '16',
    questions: { 'batched-matmul': ['correct', '1/2'] },
    flagged: ['batched-matmul'],
  },
  {
    name: 'not-answers named explicitly is the default',
    answers: { 'l2-prior': fillAndMark('b', 'c', 'tick') },
    policy: { invalidMarks: 'not-answers' },
    total: '0.5',
    maximum: '16',
    questions: { 'l2-prior': ['correct', '0.5'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'zero policy: a right fill with a partial fill elsewhere scores 0, no penalty, flagged',
    answers: { 'l2-prior': fillAndMark('b', 'c', 'partial') },
    policy: { invalidMarks: 'zero' },
    total: '0',
    maximum: '16',
    questions: { 'l2-prior': ['invalid', '0'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'zero policy: a tick alone on the right option scores 0, no penalty, flagged',
    answers: { 'l2-prior': markAlone('b', 'tick') },
    policy: { invalidMarks: 'zero' },
    total: '0',
    maximum: '16',
    questions: { 'l2-prior': ['invalid', '0'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'wrong policy: a right fill with a tick elsewhere costs the penalty',
    answers: { 'l2-prior': fillAndMark('b', 'c', 'tick') },
    policy: { invalidMarks: 'wrong' },
    total: '-0.5',
    maximum: '16',
    questions: { 'l2-prior': ['invalid', '-0.5'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'wrong policy: a cross alone costs the penalty',
    answers: { 'l2-prior': markAlone('b', 'cross') },
    policy: { invalidMarks: 'wrong' },
    total: '-0.5',
    maximum: '16',
    questions: { 'l2-prior': ['invalid', '-0.5'] },
    flagged: ['l2-prior'],
  },
  // Answers not read from the scan: 0, never a penalty, flagged, and never called blank.
  {
    name: 'an answer not read from the scan: 0, no penalty, flagged as missing',
    answers: { 'l2-prior': MISSING, 'masked-softmax': MISSING },
    total: '0',
    maximum: '16',
    questions: { 'l2-prior': ['missing', '0'], 'masked-softmax': ['missing', '0'] },
    flagged: ['l2-prior', 'masked-softmax'],
  },
  {
    name: 'an answer not read on a question without a key: not scored, as any answer there',
    answers: { 'dilated-conv-output-size': MISSING },
    total: '0',
    maximum: '16',
    questions: { 'dilated-conv-output-size': ['not-scored', '0'] },
    flagged: [],
  },
  {
    name: 'an answer not read on a question dropped with full marks: full marks, as for everyone',
    exam: dropQuestion(exam, 'l2-prior', 'full-marks'),
    answers: { 'l2-prior': MISSING },
    total: '0.5',
    maximum: '16',
    questions: { 'l2-prior': ['dropped', '0.5'] },
    flagged: [],
  },
  {
    name: 'a free-response answer not read: 0, flagged as missing, not waiting for a grader',
    answers: { 'wasserstein-vs-js': MISSING },
    total: '0',
    maximum: '16',
    questions: { 'wasserstein-vs-js': ['missing', '0'] },
    flagged: ['wasserstein-vs-js'],
  },
  {
    name: 'two fills on a single-choice question: 0, no penalty, flagged',
    answers: { 'l2-prior': { kind: 'choice', selected: ['b', 'c'] } },
    total: '0',
    maximum: '16',
    questions: { 'l2-prior': ['invalid', '0'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'two fills counted as wrong under that policy',
    answers: { 'l2-prior': { kind: 'choice', selected: ['a', 'b'] } },
    policy: { severalMarks: 'wrong' },
    total: '-0.5',
    maximum: '16',
    questions: { 'l2-prior': ['invalid', '-0.5'] },
  },
  {
    name: 'an option the question does not have is invalid',
    answers: { 'l2-prior': pick('e') },
    total: '0',
    maximum: '16',
    questions: { 'l2-prior': ['invalid', '0'] },
    flagged: ['l2-prior'],
  },
  {
    name: 'a number given to a choice question is invalid',
    answers: { 'l2-prior': { kind: 'numeric', value: 2 } },
    total: '0',
    maximum: '16',
    flagged: ['l2-prior'],
  },
  {
    name: 'dropped with full marks: a blank earns 0.5',
    exam: dropQuestion(exam, 'masked-softmax', 'full-marks'),
    answers: {},
    total: '0.5',
    maximum: '16',
    questions: { 'masked-softmax': ['dropped', '0.5'] },
  },
  {
    name: 'dropped with full marks: a wrong answer earns 0.5 too',
    exam: dropQuestion(exam, 'masked-softmax', 'full-marks'),
    answers: { 'masked-softmax': pick('a') },
    total: '0.5',
    maximum: '16',
  },
  {
    name: 'dropped and excluded: leaves the maximum, a right answer earns nothing',
    exam: dropQuestion(exam, 'masked-softmax', 'exclude'),
    answers: allRight,
    total: '8.5',
    maximum: '15.5',
    questions: { 'masked-softmax': ['dropped', '0'] },
  },
  {
    name: 'a key set where the paper had none: the question joins the maximum',
    exam: withKey(exam, 'dilated-conv-output-size', ['a']),
    answers: { 'dilated-conv-output-size': pick('a') },
    total: '0.5',
    maximum: '16.5',
  },
  {
    name: 'a key set where the paper had none: a wrong answer now costs 0.5',
    exam: withKey(exam, 'dilated-conv-output-size', ['a']),
    answers: { 'dilated-conv-output-size': pick('b') },
    total: '-0.5',
    maximum: '16.5',
  },
  {
    name: 'a changed key: the old right answer is now wrong',
    exam: withKey(exam, 'l2-prior', ['a']),
    answers: allRight,
    total: '8',
    maximum: '16',
    questions: { 'l2-prior': ['wrong', '-0.5'] },
  },
  {
    name: 'a changed key: the new right answer earns the marks',
    exam: withKey(exam, 'l2-prior', ['a']),
    answers: { 'l2-prior': pick('a') },
    total: '0.5',
    maximum: '16',
  },
  {
    name: 'several accepted keys: either earns the marks',
    exam: withKey(exam, 'l2-prior', ['a', 'b']),
    answers: { 'l2-prior': pick('a'), 'perceptron-update-loss': pick('b') },
    total: '1',
    maximum: '16',
  },
  {
    name: 'several accepted keys: another option is still wrong',
    exam: withKey(exam, 'l2-prior', ['a', 'b']),
    answers: { 'l2-prior': pick('c') },
    total: '-0.5',
    maximum: '16',
  },
  {
    name: 'a bonus question counts in the total, not in the maximum',
    exam: replaceQuestion(exam, 'mixed-precision-amp', (question) => ({ ...question, bonus: true })),
    answers: allRight,
    grades: fullGrades,
    total: '16',
    maximum: '15.5',
  },
  {
    name: 'rubric: one item of two',
    answers: {},
    grades: { 'wasserstein-vs-js': { kind: 'rubric', items: ['js-constant'] } },
    total: '1',
    maximum: '16',
    questions: { 'wasserstein-vs-js': ['partial', '1'] },
  },
  {
    name: 'rubric: items and an adjustment',
    answers: {},
    grades: {
      'fisher-pruning-loss': {
        kind: 'rubric',
        items: ['taylor-expansion', 'fisher-diagonal'],
        adjustment: Rational.parse('0.25') as Rational,
      },
    },
    total: '1.25',
    maximum: '16',
  },
  {
    name: 'negative grading: a deduction is taken from the full marks',
    exam: negativeGrading,
    answers: {},
    grades: { 'wasserstein-vs-js': { kind: 'rubric', items: ['sign-error'] } },
    total: '1.5',
    maximum: '16',
    questions: { 'wasserstein-vs-js': ['partial', '1.5'] },
  },
  {
    name: 'negative grading: deductions past the marks stop at 0, flagged',
    exam: negativeGrading,
    answers: {},
    grades: { 'wasserstein-vs-js': { kind: 'rubric', items: ['sign-error', 'no-example'] } },
    total: '0',
    maximum: '16',
    flagged: ['wasserstein-vs-js'],
  },
  {
    name: 'points over the marks are limited to the marks, flagged',
    answers: {},
    grades: { 'wasserstein-vs-js': { kind: 'points', points: Rational.of(5) } },
    total: '2',
    maximum: '16',
    flagged: ['wasserstein-vs-js'],
  },
  {
    name: 'an unknown rubric item is ignored and flagged',
    answers: {},
    grades: { 'wasserstein-vs-js': { kind: 'rubric', items: ['js-constant', 'typo'] } },
    total: '1',
    maximum: '16',
    flagged: ['wasserstein-vs-js'],
  },
  {
    name: 'numeric: the exact value',
    exam: withNumericDepthwise({ kind: 'absolute', amount: 0 }),
    answers: { 'depthwise-separable-params': { kind: 'numeric', value: 2336 } },
    total: '0.5',
    maximum: '16.5',
  },
  {
    name: 'numeric: off without tolerance is wrong',
    exam: withNumericDepthwise({ kind: 'absolute', amount: 0 }),
    answers: { 'depthwise-separable-params': { kind: 'numeric', value: 2300 } },
    total: '-0.5',
    maximum: '16.5',
  },
  {
    name: 'numeric: within ±2 % (46.72)',
    exam: withNumericDepthwise({ kind: 'relative', percent: 2 }),
    answers: { 'depthwise-separable-params': { kind: 'numeric', value: 2290 } },
    total: '0.5',
    maximum: '16.5',
  },
  {
    name: 'numeric: outside ±2 %',
    exam: withNumericDepthwise({ kind: 'relative', percent: 2 }),
    answers: { 'depthwise-separable-params': { kind: 'numeric', value: 2282 } },
    total: '-0.5',
    maximum: '16.5',
  },
  {
    name: 'numeric: within ±10 absolute',
    exam: withNumericDepthwise({ kind: 'absolute', amount: 10 }),
    answers: { 'depthwise-separable-params': { kind: 'numeric', value: 2346 } },
    total: '0.5',
    maximum: '16.5',
  },
  matmul('all-or-nothing', ['a', 'b', 'd'], '1/2'),
  matmul('all-or-nothing', ['b'], '-1/2'),
  matmul('all-or-nothing', [], '0'),
  matmul('per-option', ['a', 'b', 'd'], '1/2'),
  matmul('per-option', ['b'], '0'),
  matmul('per-option', ['c'], '0'),
  matmul('per-option', ['b'], '-1/4', {
    right: Rational.parse('0.125') as Rational,
    wrong: Rational.parse('-0.25') as Rational,
    floor: Rational.parse('-0.25') as Rational,
  }),
  matmul('per-option', ['c'], '-1/4', {
    right: Rational.parse('0.125') as Rational,
    wrong: Rational.parse('-0.25') as Rational,
    floor: Rational.parse('-0.25') as Rational,
  }),
  matmul('partial-credit', ['b'], '1/6'),
  matmul('partial-credit', ['a', 'b'], '1/3'),
  matmul('partial-credit', ['a', 'b', 'c'], '0'),
  matmul('net-correct', ['b'], '1/6'),
  matmul('net-correct', ['a', 'b', 'c'], '1/6'),
  matmul('net-correct', ['c'], '0'),
  matmul('coverage', ['a', 'b', 'c'], '2/9'),
  matmul('coverage', ['a', 'b', 'c', 'd'], '3/8'),
  matmul('every-decision', ['b'], '1/4'),
  matmul('every-decision', ['a', 'b', 'd'], '1/2'),
];

describe('score: hand-computed cases on the bundled exam', () => {
  it.each(cases)('$name', (testCase) => {
    const report = score(
      testCase.exam ?? exam,
      { answers: testCase.answers, grades: testCase.grades ?? {} },
      { ...DEFAULT_POLICY, ...testCase.policy },
    );
    expect(report.total.toString()).toBe(Rational.parse(testCase.total)?.toString());
    expect(report.maximum.toString()).toBe(testCase.maximum);
    for (const [id, [status, points]] of Object.entries(testCase.questions ?? {})) {
      const question = report.questions.find((q) => q.questionId === id);
      expect({ id, status: question?.status, points: question?.points.toString() }).toEqual({
        id,
        status,
        points: Rational.parse(points)?.toString(),
      });
    }
    if (testCase.flagged) expect(report.flagged).toEqual(testCase.flagged);
    expect(Rational.sum(report.sections.map((s) => s.points)).equals(report.total)).toBe(true);
  });

  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('reports the questions without a key as not scored, never as wrong or right', () => {
    const report = score(exam, { answers: allWrong });
    expect(report.notScored).toEqual(UNKNOWN_KEY_IDS);
    for (const id of UNKNOWN_KEY_IDS)
      expect(report.questions.find((q) => q.questionId === id)?.reason).toMatch(/not scored/);
  });

  it('gives each point a reason a student can read', () => {
    const report = score(exam, { answers: { 'l2-prior': pick('c'), 'masked-softmax': pick('d') } });
    const reasons = Object.fromEntries(report.questions.map((q) => [q.questionId, q.reason]));
    expect(reasons['l2-prior']).toBe('(c) is wrong, the key is (b): −0.5 (negative marking)');
    expect(reasons['masked-softmax']).toBe('(d) is correct: +0.5');
    expect(reasons['perceptron-update-loss']).toBe('blank: 0');
  });

  it('says in the reason what each mark that is not an answer is, and what an unclear one waits for', () => {
    const report = score(exam, {
      answers: {
        'l2-prior': fillAndMark('b', 'c', 'tick'),
        'masked-softmax': markAlone('a', 'partial'),
        'perceptron-update-loss': { kind: 'choice', selected: ['a'], invalidMarks: [cross('b'), unclear('c')] },
      },
    });
    const reasons = Object.fromEntries(report.questions.map((q) => [q.questionId, q.reason]));
    expect(reasons['l2-prior']).toBe('tick on (c): not a complete fill, so not an answer; (b) is correct: +0.5');
    expect(reasons['masked-softmax']).toBe(
      'partial fill on (a): not a complete fill, so not an answer; no complete fill, so unanswered: 0, no penalty',
    );
    expect(reasons['perceptron-update-loss']).toMatch(
      /^cross on \(b\): not a complete fill, so not an answer; unclear mark on \(c\): awaits a person's review, not an answer until then; \(a\) is /,
    );
  });

  it('says why an answer that was not read scores 0, and lists it apart from blanks', () => {
    const report = score(exam, { answers: { 'l2-prior': MISSING, 'masked-softmax': BLANK } });
    const l2 = report.questions.find((q) => q.questionId === 'l2-prior');
    expect(l2?.reason).toBe('the page with this question was not read from the scan: 0 until it is read');
    expect(report.missing).toEqual(['l2-prior']);
    expect(report.questions.find((q) => q.questionId === 'masked-softmax')?.status).toBe('blank');
  });

  it('lists an answer not read on a question without a key (it counts once a key is set), not on a dropped one', () => {
    const answers = { 'dilated-conv-output-size': MISSING, 'masked-softmax': MISSING };
    expect(score(exam, { answers }).missing).toEqual(['dilated-conv-output-size', 'masked-softmax']);
    expect(score(dropQuestion(exam, 'masked-softmax', 'exclude'), { answers }).missing).toEqual([
      'dilated-conv-output-size',
    ]);
  });
});

describe('invalid-marks policy names', () => {
  it('accepts the policies, and `ignore` as the former name of not-answers', () => {
    expect(DEFAULT_POLICY.invalidMarks).toBe('not-answers');
    expect(['not-answers', 'zero', 'wrong', 'ignore'].map(invalidMarksPolicyNamed)).toEqual([
      'not-answers',
      'zero',
      'wrong',
      'not-answers',
    ]);
    expect(['half', 'constructor', ''].map(invalidMarksPolicyNamed)).toEqual([undefined, undefined, undefined]);
  });
});
