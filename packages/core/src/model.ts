import type { Rational } from './rational.js';

/**
 * The exam model: what an exam file means, independent of how it is written.
 * Everything is immutable; edits (a key fix, a dropped question) make a new exam.
 */
export interface Exam {
  readonly id: string;
  readonly title: string;
  readonly term?: string;
  /** Minutes. */
  readonly duration: number;
  /** The total the author declared; lint compares it with the computed total. */
  readonly declaredTotal?: Rational;
  /** A total below this counts as this (`total-floor: 0`); absent, negative marking can take a total below 0. */
  readonly totalFloor?: Rational;
  readonly instructions?: string;
  readonly sections: readonly Section[];
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly marks: Rational;
  /** Marks taken off for a wrong answer, as a non-negative number (0.5 means −0.5). */
  readonly penalty: Rational;
  /** Default strategy for the section's multiple-answer questions. */
  readonly scoring?: MultipleScoring;
  readonly questions: readonly Question[];
}

export type Question = SingleChoiceQuestion | MultipleChoiceQuestion | NumericQuestion | FreeResponseQuestion;
export type QuestionKind = Question['kind'];

export interface QuestionBase {
  readonly id: string;
  /** Short instructor-facing title. */
  readonly title?: string;
  /** Markdown with LaTeX math. */
  readonly stem: string;
  /** Overrides the section's marks. */
  readonly marks?: Rational;
  /** Overrides the section's penalty. */
  readonly penalty?: Rational;
  /** The correct answer is not known yet: the question is reported and not scored. */
  readonly keyUnknown: boolean;
  readonly dropped?: DropMode;
  readonly bonus: boolean;
  readonly explanation?: string;
  /** Instructor-only note (never shown to students). */
  readonly note?: string;
  /** Code that computes the answer, run by `examforge verify` (never shown to students). */
  readonly check?: AnswerCheck;
  /**
   * Why no computation can decide the question (a `### No check` part, Markdown): `examforge verify` lists it for a
   * question without a check, so "not checked" is a stated decision rather than work not done. Never with `check`.
   */
  readonly noCheck?: string;
  /**
   * A computed question: code that makes the stem, options and key from a seed (single-choice and numeric questions
   * only). The stem and options written in the file are the instructor's template and preview; each student sees the
   * instance generated from their variant seed (see `instantiateExam`).
   */
  readonly generator?: QuestionGenerator;
}

/**
 * The generator of a computed question: TypeScript using the `@examforge/tensor` API, with `seed` (a string) and a
 * seeded `random()` in scope, that returns the question's stem, options and key. Where it sits in the file is in the
 * source map (`question.<id>.generator`).
 */
export interface QuestionGenerator {
  /** The code between the fences, without the fences. */
  readonly source: string;
}

/**
 * An executable answer check: TypeScript using the `@examforge/tensor` API that returns the answer (a number, a
 * tensor, an array, a string or `option('b')`). Where it sits in the file is in the source map
 * (`question.<id>.check`), so the model round-trips through print and parse.
 */
export interface AnswerCheck {
  /** The code between the fences, without the fences. */
  readonly source: string;
  /** The convention the check assumes where the question is ambiguous, e.g. "cross-correlation, no padding". */
  readonly convention?: string;
}

/** How a dropped question is scored: full marks to everyone, or excluded from everyone's maximum. */
export type DropMode = 'full-marks' | 'exclude';
export const DROP_MODES: readonly DropMode[] = ['full-marks', 'exclude'];

export interface ChoiceOption {
  /** Markdown with LaTeX math. */
  readonly text: string;
  readonly correct: boolean;
  /** Stays in place when options are shuffled ("none of the above"). */
  readonly fixed: boolean;
  /** Machine-readable value, matched against computed answers. */
  readonly value?: string;
  /**
   * The fraction of the question's marks this option earns when chosen (`{weight=1/3}`, `{weight=-0.5}`), as in
   * Moodle and GIFT (`%33.33333%`); may be negative, 1 is full marks. A question with any weighted option is scored
   * by its weights (see `optionWeights`); its other options weigh 0.
   */
  readonly weight?: Rational;
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly kind: 'single';
  readonly options: readonly ChoiceOption[];
  /** Several options are marked correct and any one of them earns the marks. */
  readonly acceptAny: boolean;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  readonly kind: 'multiple';
  readonly options: readonly ChoiceOption[];
  /** Overrides the section's strategy. */
  readonly scoring?: MultipleScoring;
}

export interface NumericQuestion extends QuestionBase {
  readonly kind: 'numeric';
  readonly answer?: NumericAnswer;
}

export interface NumericAnswer {
  readonly value: number;
  readonly tolerance: Tolerance;
}

export type Tolerance =
  | { readonly kind: 'absolute'; readonly amount: number }
  /** A percentage of the answer: 2 for ±2 %. */
  | { readonly kind: 'relative'; readonly percent: number };

export interface FreeResponseQuestion extends QuestionBase {
  readonly kind: 'free';
  readonly solution?: string;
  readonly rubric: readonly RubricItem[];
  /**
   * `full` for negative grading (`### Rubric {from=full}`): an answer starts with the question's marks and the items
   * applied (deductions, written with negative points) take points off. Absent: it starts from 0 and items add.
   */
  readonly rubricFrom?: 'full';
}

export interface RubricItem {
  readonly id: string;
  readonly points: Rational;
  readonly text: string;
}

export type MultipleScoringStrategy =
  'all-or-nothing' | 'per-option' | 'partial-credit' | 'net-correct' | 'coverage' | 'every-decision';

export const MULTIPLE_SCORING_STRATEGIES: readonly MultipleScoringStrategy[] = [
  'all-or-nothing',
  'per-option',
  'partial-credit',
  'net-correct',
  'coverage',
  'every-decision',
];

/** A named multiple-answer strategy; `per-option` takes the parameters, in marks. */
export interface MultipleScoring {
  readonly strategy: MultipleScoringStrategy;
  readonly right?: Rational;
  readonly wrong?: Rational;
  readonly floor?: Rational;
  readonly ceiling?: Rational;
}

export type ChoiceQuestion = SingleChoiceQuestion | MultipleChoiceQuestion;

export function isChoiceQuestion(question: Question): question is ChoiceQuestion {
  return question.kind === 'single' || question.kind === 'multiple';
}

/** Option labels as printed: a, b, c, … */
export function optionLetter(index: number): string {
  return String.fromCharCode(97 + index);
}

export function optionIndex(letter: string): number {
  return letter.toLowerCase().charCodeAt(0) - 97;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
