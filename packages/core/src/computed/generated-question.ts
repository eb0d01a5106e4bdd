import type { NumericAnswer } from '../model.js';

/**
 * One instance of a computed question: what its generator returned for one seed, read and checked at the boundary.
 * Plain data, so it can be stored with an attempt (as JSON) and sent to a print worker; `instantiateExam` puts it in
 * place of the question's template.
 */
export type GeneratedQuestion = GeneratedChoiceQuestion | GeneratedNumericQuestion;

export interface GeneratedChoiceQuestion {
  readonly kind: 'single';
  /** Markdown with LaTeX math. */
  readonly stem: string;
  /** As many options as the template has, in canonical order (a, b, …); exactly one is correct. */
  readonly options: readonly GeneratedOption[];
  readonly explanation?: string;
  /** What the generator chose (sizes, entries, …), for the question's check and for instructors; never for students. */
  readonly parameters?: Readonly<Record<string, JsonValue>>;
}

export interface GeneratedOption {
  /** Markdown with LaTeX math. */
  readonly text: string;
  readonly correct: boolean;
  /** Machine-readable value, as `value=` in the format (`2336`, `[3,3]`, text). */
  readonly value?: string;
}

export interface GeneratedNumericQuestion {
  readonly kind: 'numeric';
  readonly stem: string;
  readonly answer: NumericAnswer;
  readonly explanation?: string;
  readonly parameters?: Readonly<Record<string, JsonValue>>;
}

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
