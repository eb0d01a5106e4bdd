import fc from 'fast-check';
import {
  MULTIPLE_SCORING_STRATEGIES,
  type ChoiceOption,
  type Exam,
  type MultipleScoring,
  type Question,
  type RubricItem,
  type Section,
} from '../model.js';
import { Rational } from '../rational.js';
import type { Grade, Response, StudentResponses } from '../scoring/responses.js';

/**
 * fast-check generators of exams and responses for property tests. Texts are Markdown the format can hold: lines do
 * not start with the characters that open a heading, a list item or a code fence.
 */
const WORDS = [
  'loss',
  'gradient',
  '$x^2$',
  '$\\frac{a}{b}$',
  'the',
  'of',
  'ReLU',
  '`torch.bmm`',
  '**bold**',
  'σ',
  'ü',
  '(a)',
  '50%',
  '{b}',
  'x=1',
  '"quoted"',
  '\\',
  'end.',
];
const word = fc.constantFrom(...WORDS);
const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
/** Text of one or more lines, with blank lines between paragraphs when `paragraphs` is set. */
const text = (maxLines: number, paragraphs: boolean) =>
  fc
    .array(
      paragraphs
        ? fc.oneof(
            line,
            line.map((l) => `\n${l}`),
          )
        : line,
      { minLength: 1, maxLength: maxLines },
    )
    .map((lines) => lines.join('\n').replace(/^\n+/, ''));
const id = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(?:-[a-z0-9]{1,3})?$/);
const title = fc
  .array(fc.constantFrom('Loss', 'Gradient', 'of', 'the', 'σ', '2D', 'ReLU'), { minLength: 1, maxLength: 4 })
  .map((w) => w.join(' '));
const mark = fc.constantFrom('0.25', '0.5', '1', '2', '3', '1/3', '2.5').map((m) => Rational.parse(m) as Rational);
const penalty = fc.constantFrom('0', '0.25', '0.5', '1/3').map((m) => Rational.parse(m) as Rational);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const option: fc.Arbitrary<ChoiceOption> = fc
  .record({
    text: text(2, false),
    correct: fc.boolean(),
    fixed: fc.boolean(),
    value: optional(
      fc.oneof(
        fc.stringMatching(/^[\w.,-]{1,6}(?: [\w.]{1,4})?$/),
        fc.constantFrom('[[0,1],[1,0]]', '[-1, -1, null]', '[]', '1e-3'),
      ),
    ),
  })
  .map(withoutUndefined);

const scoring: fc.Arbitrary<MultipleScoring> = fc.oneof(
  fc.constantFrom(...MULTIPLE_SCORING_STRATEGIES).map((strategy) => ({ strategy })),
  fc
    .record({
      strategy: fc.constant('per-option' as const),
      right: optional(mark),
      wrong: optional(mark.map((m) => m.negated())),
      floor: optional(penalty.map((p) => p.negated())),
      ceiling: optional(mark),
    })
    .map(withoutUndefined),
);

const base = fc
  .record({
    title: optional(title),
    stem: text(4, true),
    marks: optional(mark),
    penalty: optional(penalty),
    keyUnknown: fc.boolean(),
    dropped: optional(fc.constantFrom('full-marks' as const, 'exclude' as const)),
    bonus: fc.boolean(),
    explanation: optional(text(3, true)),
    note: optional(text(2, true)),
    check: optional(answerCheck()),
    noCheck: optional(text(2, true)),
  })
  .map(({ check, noCheck, ...rest }) => ({ ...rest, ...(check ? { check } : { noCheck }) }));

/** Check code: TypeScript-looking lines, including ones that look like headings, options and fences. */
function answerCheck() {
  return fc
    .record({
      source: codeSource(),
      convention: optional(fc.constantFrom('cross-correlation, zero padding', 'PyTorch', 'a "quoted" word')),
    })
    .map(withoutUndefined);
}

/** A computed question's generator: code like a check's. */
const generator = optional(fc.record({ source: codeSource() }));

function codeSource() {
  const codeLine = fc.constantFrom(
    'const x = tensor([[1, 2], [3, 4]]);',
    '  return option("b");',
    '# not a heading',
    '- [x] not an option',
    '```',
    '  ~~~',
    '',
    '// convention: {x}',
    'return conv2dOutputSize(7, 3, { dilation: 2 });',
  );
  return fc
    .array(codeLine, { minLength: 1, maxLength: 5 })
    .map((lines) => lines.join('\n').trim())
    .filter((code) => code !== '');
}

const rubric: fc.Arbitrary<RubricItem[]> = fc
  .tuple(
    fc.array(
      fc.record({
        points: fc.oneof(
          mark,
          mark.map((m) => m.negated()),
        ),
        text: text(2, false),
      }),
      { maxLength: 4 },
    ),
    fc.boolean(),
  )
  .map(([items, named]) =>
    items.map((item, index) => ({ id: named ? `item-${index + 1}` : `r${index + 1}`, ...item })),
  );

const weightOf = (text: string | undefined) => (text === undefined ? undefined : (Rational.parse(text) as Rational));
/** Weights for a choice question's options, in agreement with its key as lint wants (docs/decisions/0015). */
const weightChoices = fc.array(fc.nat(3), { minLength: 5, maxLength: 5 });
const WEIGHTS = {
  singleCorrect: ['1', '1', '1', '1'],
  singleOther: ['0.5', '0', '-1/3', undefined],
  multipleCorrect: ['1', '1/3', '0.5', '0.25'],
  multipleOther: ['0', '-0.5', '-1', undefined],
} as const;

/** A quarter of choice questions are weighted: each option gets a weight that agrees with whether it is correct. */
const weighting = fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: weightChoices, weight: 1 });

function withWeights(
  options: readonly ChoiceOption[],
  picks: readonly number[] | undefined,
  kind: 'single' | 'multiple',
): ChoiceOption[] {
  if (!picks) return [...options];
  return options.map((option, index) => {
    const table = option.correct ? WEIGHTS[`${kind}Correct`] : WEIGHTS[`${kind}Other`];
    const weight = weightOf(table[picks[index] ?? 0]);
    return weight === undefined ? option : { ...option, weight };
  });
}

const question = (questionId: string): fc.Arbitrary<Question> =>
  fc.oneof(
    fc
      .record({
        b: base,
        options: fc.array(option, { minLength: 2, maxLength: 5 }),
        acceptAny: fc.boolean(),
        generator,
        weights: weighting,
      })
      .map(({ b, options, acceptAny, generator: g, weights }) =>
        withoutUndefined({
          ...b,
          id: questionId,
          kind: 'single' as const,
          options: withWeights(options, weights, 'single'),
          acceptAny,
          generator: g,
        }),
      ),
    fc
      .record({
        b: base,
        options: fc.array(option, { minLength: 2, maxLength: 5 }),
        scoring: optional(scoring),
        weights: weighting,
      })
      .map(({ b, options, scoring: s, weights }) =>
        withoutUndefined({
          ...b,
          id: questionId,
          kind: 'multiple' as const,
          options: withWeights(options, weights, 'multiple'),
          scoring: s,
        }),
      ),
    fc
      .record({
        b: base,
        generator,
        answer: optional(
          fc.record({
            value: fc.integer({ min: -100000, max: 100000 }).map((v) => v / 100),
            tolerance: fc.oneof(
              fc.record({
                kind: fc.constant('absolute' as const),
                amount: fc.integer({ min: 0, max: 500 }).map((v) => v / 100),
              }),
              fc.record({ kind: fc.constant('relative' as const), percent: fc.integer({ min: 0, max: 20 }) }),
            ),
          }),
        ),
      })
      .map(({ b, answer, generator: g }) =>
        withoutUndefined({ ...b, id: questionId, kind: 'numeric' as const, answer, generator: g }),
      ),
    fc
      .record({
        b: base,
        solution: optional(text(3, true)),
        rubric,
        rubricFrom: optional(fc.constant('full' as const)),
      })
      .map(({ b, solution, rubric: r, rubricFrom }) =>
        withoutUndefined({ ...b, id: questionId, kind: 'free' as const, solution, rubric: r, rubricFrom }),
      ),
  );

/** An exam of 1–3 sections with 1–6 questions each; ids unique. */
export const arbitraryExam: fc.Arbitrary<Exam> = fc.uniqueArray(id, { minLength: 4, maxLength: 22 }).chain((ids) => {
  const sectionIds = ids.slice(0, Math.min(3, Math.max(1, Math.floor(ids.length / 4))));
  const questionIds = ids.slice(sectionIds.length);
  const perSection = Math.ceil(questionIds.length / sectionIds.length);
  const sections = sectionIds.map((sectionId, index) =>
    fc
      .record({
        title,
        marks: mark,
        penalty,
        scoring: optional(scoring),
        questions: fc.tuple(...questionIds.slice(index * perSection, (index + 1) * perSection).map(question)),
      })
      .map((s): Section => withoutUndefined({ id: sectionId, ...s })),
  );
  return fc
    .record({
      id,
      title: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() === t && t !== ''),
      term: optional(fc.constantFrom('Winter 2025', 'Summer: 2026', '#1 term')),
      duration: fc.integer({ min: 1, max: 600 }),
      declaredTotal: optional(mark),
      instructions: optional(text(3, true)),
      sections: fc.tuple(...sections),
    })
    .map((exam): Exam => withoutUndefined(exam));
});

const choiceResponse = (letters: readonly string[]): fc.Arbitrary<Response> =>
  fc
    .record({
      selected: fc.subarray([...letters, 'z']),
      invalid: fc.subarray(letters.map((letter) => ({ option: letter, mark: 'tick' as const }))),
    })
    .map(({ selected, invalid }) =>
      invalid.length > 0
        ? { kind: 'choice' as const, selected, invalidMarks: invalid }
        : { kind: 'choice' as const, selected },
    );

/** Any responses to an exam, including invalid marks, unknown letters, answers not read and mismatched kinds. */
export function arbitraryResponses(exam: Exam): fc.Arbitrary<StudentResponses> {
  const questions = exam.sections.flatMap((section) => section.questions);
  const answers = questions.map((q) => {
    const letters =
      q.kind === 'single' || q.kind === 'multiple' ? q.options.map((_, i) => String.fromCharCode(97 + i)) : [];
    return fc.oneof(
      fc.constant<Response>({ kind: 'blank' }),
      fc.constant<Response>({ kind: 'missing' }),
      choiceResponse(letters),
      fc.integer({ min: -1000, max: 1000 }).map((v): Response => ({ kind: 'numeric', value: v / 10 })),
      fc.constant<Response>({ kind: 'text', text: 'answer' }),
    );
  });
  const grades = questions.map((q) =>
    fc.oneof(
      fc.constant<Grade | undefined>(undefined),
      fc
        .subarray(q.kind === 'free' ? q.rubric.map((item) => item.id) : ['x'])
        .map((items): Grade => ({ kind: 'rubric', items })),
      fc.integer({ min: -4, max: 8 }).map((points): Grade => ({ kind: 'points', points: Rational.of(points, 2) })),
    ),
  );
  return fc.record({ answers: fc.tuple(...answers), grades: fc.tuple(...grades) }).map(({ answers: a, grades: g }) => ({
    answers: Object.fromEntries(questions.map((q, i) => [q.id, a[i]])),
    grades: Object.fromEntries(questions.flatMap((q, i) => (g[i] ? [[q.id, g[i]]] : []))),
  }));
}
