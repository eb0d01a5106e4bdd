import type { Rational } from '../rational.js';

/**
 * What a student answered to one question, as it was given: online, or read from a paper sheet. Responses are the
 * source of truth; scores are always recomputed from them.
 */
export type Response = BlankResponse | MissingResponse | ChoiceResponse | NumericResponse | TextResponse;

export interface BlankResponse {
  readonly kind: 'blank';
}

/**
 * The answer was not read: the sheet page holding the question is missing from the scan or could not be read. Not
 * the same as blank: the student may well have answered. It scores 0 and is flagged until the page is read.
 */
export interface MissingResponse {
  readonly kind: 'missing';
}

export interface ChoiceResponse {
  readonly kind: 'choice';
  /** Letters of the options chosen with a valid mark (a complete fill on paper). */
  readonly selected: readonly string[];
  /** Marks read from paper that are not answers under the rules: partial fills, ticks, crosses. */
  readonly invalidMarks?: readonly InvalidMark[];
}

export interface InvalidMark {
  readonly option: string;
  readonly mark: InvalidMarkKind;
}

export type InvalidMarkKind = 'partial' | 'tick' | 'cross' | 'unclear';
export const INVALID_MARK_KINDS: readonly InvalidMarkKind[] = ['partial', 'tick', 'cross', 'unclear'];

export interface NumericResponse {
  readonly kind: 'numeric';
  readonly value: number;
}

export interface TextResponse {
  readonly kind: 'text';
  readonly text: string;
}

/** A grader's decision on a free-response answer. */
export type Grade =
  | { readonly kind: 'rubric'; readonly items: readonly string[]; readonly adjustment?: Rational }
  | { readonly kind: 'points'; readonly points: Rational };

/** One student's answers (by question id) and the grades given to their free-response answers. */
export interface StudentResponses {
  readonly answers: Readonly<Record<string, Response | undefined>>;
  readonly grades?: Readonly<Record<string, Grade | undefined>>;
}

export const BLANK: BlankResponse = { kind: 'blank' };

/** The answer to a question whose sheet page was not read from the scan. */
export const MISSING: MissingResponse = { kind: 'missing' };

/** Builds a choice response; `choice('b')`, `choice('a', 'c')`. */
export function choice(...selected: string[]): ChoiceResponse {
  return { kind: 'choice', selected };
}
