import {
  Rational,
  type ChoiceOption,
  type Exam,
  type Grade,
  type MultipleScoring,
  type Question,
  type Response,
  type Section,
  type StudentResponses,
} from '@examforge/core';
import fc from 'fast-check';

/**
 * fast-check exams of what Moodle XML and QTI 3.0 can both express, for the round-trip property: single-choice
 * questions with a penalty that is a Moodle grade of the marks, multiple-answer questions scored by weights, partial
 * credit or net correct (all-or-nothing with one correct option and no penalty), numeric answers with an absolute or
 * relative tolerance, and written questions. Marks are decimals; keys are known; nothing is dropped or a bonus.
 * `target` widens it to what only QTI can express (all-or-nothing with a penalty, every-decision, per-option with or
 * without its parameters).
 */
export type RoundTripTarget = 'moodle-xml' | 'qti30';

const r = (text: string) => Rational.parse(text) ?? Rational.ZERO;
const WORDS = ['loss', 'gradient', '$x^2$', 'the', 'of', 'ReLU', '**bold**', 'σ', '50%', '$\\frac{a}{b}$', 'x < y'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

/** Section marks and penalties whose ratio is a Moodle grade (a wrong single answer's fraction). */
const MARKS_AND_PENALTIES: readonly (readonly [string, string])[] = [
  ['0.5', '0'],
  ['0.5', '0.5'],
  ['0.5', '0.25'],
  ['1', '0'],
  ['1', '0.25'],
  ['1', '0.5'],
  ['2', '0.5'],
  ['2', '1'],
  ['2.5', '0.5'],
  ['3', '0'],
  ['3', '1'],
];

const option = (correct: boolean, weight?: Rational): ChoiceOption => ({
  text: 'option',
  correct,
  fixed: false,
  ...(weight !== undefined && { weight }),
});

const single = (id: string): fc.Arbitrary<Question> =>
  fc
    .record({
      stem: text,
      count: fc.integer({ min: 2, max: 5 }),
      key: fc.nat(),
      texts: fc.array(text, { minLength: 5, maxLength: 5 }),
    })
    .map(({ stem, count, key, texts }) => ({
      id,
      kind: 'single',
      stem,
      keyUnknown: false,
      bonus: false,
      acceptAny: false,
      options: Array.from({ length: count }, (_, index) => ({
        ...option(index === key % count),
        text: texts[index] ?? 'x',
      })),
    }));

const NEGATIVE_WEIGHTS = ['0', '-1', '-0.5', '-1/3', '-0.25'].map(r);

/** Per-option parameters (in marks): all defaults, or each left at its default or set; right stays above wrong. */
const perOptionParameters = fc.oneof(
  fc.constant({}),
  fc.record({
    right: fc.option(fc.constantFrom('1', '0.5', '1/3').map(r), { nil: undefined }),
    wrong: fc.option(fc.constantFrom('0', '-0.5', '-1/4').map(r), { nil: undefined }),
    floor: fc.option(fc.constantFrom('0', '-0.5', '-1').map(r), { nil: undefined }),
    ceiling: fc.option(fc.constantFrom('1', '1.5').map(r), { nil: undefined }),
  }),
);

const multiple = (id: string, target: RoundTripTarget): fc.Arbitrary<Question> =>
  fc
    .record({
      stem: text,
      correct: fc.integer({ min: 1, max: 3 }),
      incorrect: fc.integer({ min: 0, max: 3 }),
      // At least two options: a choice of one is no question.
      how: fc.constantFrom(
        'weights',
        'partial-credit',
        'net-correct',
        'all-or-nothing',
        ...(target === 'qti30' ? (['every-decision', 'per-option'] as const) : []),
      ),
      negatives: fc.array(fc.constantFrom(...NEGATIVE_WEIGHTS), { minLength: 3, maxLength: 3 }),
      parameters: perOptionParameters,
    })
    .filter(({ correct, incorrect }) => correct + incorrect >= 2)
    .map(({ stem, correct, incorrect, how, negatives, parameters }) => {
      const weighted = how === 'weights';
      const options = [
        ...Array.from({ length: correct }, () => option(true, weighted ? Rational.of(1, correct) : undefined)),
        ...Array.from({ length: incorrect }, (_, index) =>
          option(false, weighted ? (negatives[index] ?? Rational.ZERO) : undefined),
        ),
      ];
      const given = Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined));
      const scoring: MultipleScoring | undefined = weighted
        ? undefined
        : { strategy: how, ...(how === 'per-option' && given) };
      return { id, kind: 'multiple', stem, keyUnknown: false, bonus: false, options, ...(scoring && { scoring }) };
    });

const numeric = (id: string): fc.Arbitrary<Question> =>
  fc
    .record({
      stem: text,
      value: fc.integer({ min: -500, max: 500 }).map((v) => v / 10),
      tolerance: fc.oneof(
        fc.constantFrom(0, 0.5, 1).map((amount) => ({ kind: 'absolute' as const, amount })),
        fc.constantFrom(5, 10).map((percent) => ({ kind: 'relative' as const, percent })),
      ),
    })
    .map(({ stem, value, tolerance }) => ({
      id,
      kind: 'numeric',
      stem,
      keyUnknown: false,
      bonus: false,
      answer: { value, tolerance },
    }));

const free = (id: string): fc.Arbitrary<Question> =>
  text.map((stem) => ({ id, kind: 'free', stem, keyUnknown: false, bonus: false, rubric: [] }));

/** An exam of 1–3 sections of 1–5 questions each. */
export function arbitraryExpressibleExam(target: RoundTripTarget): fc.Arbitrary<Exam> {
  const section = (index: number): fc.Arbitrary<Section> =>
    fc
      .record({
        marksAndPenalty: fc.constantFrom(...MARKS_AND_PENALTIES),
        kinds: fc.array(fc.constantFrom('single', 'multiple', 'numeric', 'free'), { minLength: 1, maxLength: 5 }),
      })
      .chain(({ marksAndPenalty: [marks, penalty], kinds }) =>
        fc
          .tuple(
            ...kinds.map((kind, q) => {
              const id = `s${index + 1}-q${q + 1}`;
              if (kind === 'single') return single(id);
              if (kind === 'multiple') return multiple(id, target);
              return kind === 'numeric' ? numeric(id) : free(id);
            }),
          )
          .map((questions) => ({
            id: `section-${index + 1}`,
            title: `Section ${index + 1}`,
            marks: r(marks),
            penalty: r(penalty),
            // Moodle cannot take all-or-nothing with a penalty or several correct options; QTI can.
            questions: questions.map((question) =>
              target === 'moodle-xml' ? moodleSafe(question, r(penalty)) : question,
            ),
          })),
      );
  return fc
    .integer({ min: 1, max: 3 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => section(index))))
    .map((sections) => ({ id: 'round-trip', title: 'Round trip', duration: 60, sections }));
}

/**
 * All-or-nothing that Moodle can express: one correct option and no penalty (else partial credit is used). A numeric
 * question's penalty goes out and comes back as a catch-all `*` answer with a negative grade.
 */
function moodleSafe(question: Question, penalty: Rational): Question {
  if (question.kind !== 'multiple' || question.scoring?.strategy !== 'all-or-nothing') return question;
  const correct = question.options.filter((o) => o.correct).length;
  if (correct === 1 && penalty.isZero()) return question;
  return { ...question, scoring: { strategy: 'partial-credit' } };
}

/** One student's answers to every question: blanks, any subset of the options, numbers near the key, points. */
export function arbitraryAnswers(exam: Exam): fc.Arbitrary<StudentResponses> {
  const questions = exam.sections.flatMap((section) => section.questions.map((question) => ({ question, section })));
  const answers = questions.map(({ question }): fc.Arbitrary<Response> => {
    const blank = fc.constant<Response>({ kind: 'blank' });
    switch (question.kind) {
      case 'single':
      case 'multiple': {
        const letters = question.options.map((_, index) => String.fromCharCode(97 + index));
        const selected =
          question.kind === 'single'
            ? fc.constantFrom(...letters).map((letter) => [letter])
            : fc.subarray(letters, { minLength: 1 });
        return fc.oneof(
          blank,
          selected.map((s): Response => ({ kind: 'choice', selected: s })),
        );
      }
      case 'numeric': {
        const key = question.answer?.value ?? 0;
        return fc.oneof(
          blank,
          fc.integer({ min: -12, max: 12 }).map((step): Response => ({ kind: 'numeric', value: key + step / 4 })),
        );
      }
      case 'free':
        return blank;
    }
  });
  const grades = questions.map(({ question, section }) =>
    question.kind === 'free'
      ? fc.integer({ min: 0, max: 4 }).map((quarter): Grade | undefined => ({
          kind: 'points',
          points: (question.marks ?? section.marks).times(Rational.of(quarter, 4)),
        }))
      : fc.constant<Grade | undefined>(undefined),
  );
  return fc.record({ answers: fc.tuple(...answers), grades: fc.tuple(...grades) }).map(({ answers: a, grades: g }) => ({
    answers: Object.fromEntries(questions.map(({ question }, index) => [question.id, a[index] ?? { kind: 'blank' }])),
    grades: Object.fromEntries(questions.flatMap(({ question }, index) => (g[index] ? [[question.id, g[index]]] : []))),
  }));
}
