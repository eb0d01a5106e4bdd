import {
  optionLetter,
  readOptionValue,
  type ChoiceQuestion,
  type NumericAnswer,
  type NumericQuestion,
  type Question,
} from '@examforge/core';
import { agreesWithOption, computedAgree, numbersAgree } from './agree.js';
import type { Computed } from './computed.js';

/**
 * What verify concludes about one question:
 * - `agrees`: the computed answer selects exactly the marked key;
 * - `disagrees`: it selects other options (or another number) than the key;
 * - `no-option-matches` / `several-options-match`: the computed answer is not one option;
 * - `no-key`: nothing to compare with (a free-response question, `key=unknown`, a numeric question without an
 *   answer); the computed answer and the option it selects are shown;
 * - `check-failed`: the check threw, timed out, was stopped, or returned something unusable.
 */
export type Verdict =
  'agrees' | 'disagrees' | 'no-option-matches' | 'several-options-match' | 'no-key' | 'check-failed';

export interface Judgement {
  readonly verdict: Verdict;
  /** The key as written: option letters, or the numeric answer with its tolerance. */
  readonly markedKey?: string;
  /** The option letters the computed answer selects. */
  readonly matched?: readonly string[];
  readonly error?: string;
}

/**
 * Compares what a check computed with the question's key.
 *
 * @example
 * judge(question, { kind: 'options', letters: ['b'] }); // { verdict: 'agrees', markedKey: '(b)', matched: ['b'] }
 */
export function judge(question: Question, computed: Computed): Judgement {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return judgeChoice(question, computed);
    case 'numeric':
      return judgeNumeric(question, computed);
    case 'free':
      return { verdict: 'no-key' };
  }
}

/**
 * The key as verify shows it: the marked options' letters, or the numeric answer with its tolerance; `undefined`
 * when the question has none.
 *
 * @example
 * markedKeyOf(question); // '(b)'
 */
export function markedKeyOf(question: Question): string | undefined {
  if (question.keyUnknown) return undefined;
  if (question.kind === 'numeric') return question.answer && formatAnswer(question.answer);
  if (question.kind === 'free') return undefined;
  const marked = markedLetters(question);
  return marked.length > 0 ? letters(marked) : undefined;
}

function markedLetters(question: ChoiceQuestion): string[] {
  return question.options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : []));
}

function judgeChoice(question: ChoiceQuestion, computed: Computed): Judgement {
  const marked = markedLetters(question);
  const markedKey = markedKeyOf(question);
  const selection = selectOptions(question, computed);
  if ('error' in selection) return { verdict: 'check-failed', ...(markedKey && { markedKey }), error: selection.error };
  const matched = selection.letters;
  const base = { ...(markedKey && { markedKey }), matched };
  if (matched.length === 0) return { ...base, verdict: 'no-option-matches', ...noValuesHint(question, computed) };
  if (!markedKey) return { ...base, verdict: matched.length > 1 ? 'several-options-match' : 'no-key' };
  const same = matched.length === marked.length && matched.every((letter) => marked.includes(letter));
  if (question.kind === 'multiple' || same) return { ...base, verdict: same ? 'agrees' : 'disagrees' };
  if (matched.length > 1) return { ...base, verdict: 'several-options-match' };
  const chosen = matched[0] ?? '';
  return { ...base, verdict: question.acceptAny && marked.includes(chosen) ? 'agrees' : 'disagrees' };
}

function selectOptions(question: ChoiceQuestion, computed: Computed): { letters: string[] } | { error: string } {
  const all = question.options.map((_, index) => optionLetter(index));
  if (computed.kind === 'options' || computed.kind === 'candidates') {
    const named = computed.kind === 'options' ? computed.letters : computed.candidates.map((c) => c.letter);
    const unknown = named.find((letter) => !all.includes(letter));
    if (unknown !== undefined)
      return { error: `the check names option (${unknown}), but the question has options ${letters(all)}` };
    if (computed.kind === 'options') return { letters: all.filter((letter) => named.includes(letter)) };
    const agreeing = computed.candidates.filter((c) => computedAgree(computed.value, c.value)).map((c) => c.letter);
    return { letters: all.filter((letter) => agreeing.includes(letter)) };
  }
  return {
    letters: question.options.flatMap((option, index) => {
      const value = option.value === undefined ? undefined : readOptionValue(option.value);
      return value && agreesWithOption(computed, value) ? [optionLetter(index)] : [];
    }),
  };
}

function noValuesHint(question: ChoiceQuestion, computed: Computed): { error?: string } {
  if (computed.kind === 'options' || computed.kind === 'candidates') return {};
  if (question.options.some((option) => option.value !== undefined)) return {};
  return { error: 'no option has a `value=` to compare with; add values, or return option(…) from the check' };
}

function judgeNumeric(question: NumericQuestion, computed: Computed): Judgement {
  const markedKey = markedKeyOf(question);
  if (computed.kind !== 'number')
    return {
      verdict: 'check-failed',
      ...(markedKey && { markedKey }),
      error: 'a numeric question’s check returns a number',
    };
  if (!question.answer || !markedKey) return { verdict: 'no-key' };
  return { verdict: withinTolerance(computed.value, question.answer) ? 'agrees' : 'disagrees', markedKey };
}

/** The answer's own tolerance when it states one, otherwise the default (`numbersAgree`). */
function withinTolerance(value: number, answer: NumericAnswer): boolean {
  const { tolerance } = answer;
  const difference = Math.abs(value - answer.value);
  if (tolerance.kind === 'absolute' && tolerance.amount > 0) return difference <= tolerance.amount * (1 + 1e-12);
  if (tolerance.kind === 'relative' && tolerance.percent > 0)
    return difference <= (tolerance.percent / 100) * Math.abs(answer.value) * (1 + 1e-12);
  return numbersAgree(value, answer.value);
}

function formatAnswer(answer: NumericAnswer): string {
  const { tolerance } = answer;
  if (tolerance.kind === 'relative')
    return tolerance.percent > 0 ? `${answer.value} ± ${tolerance.percent}%` : `${answer.value}`;
  return tolerance.amount > 0 ? `${answer.value} ± ${tolerance.amount}` : `${answer.value}`;
}

function letters(list: readonly string[]): string {
  return list.map((letter) => `(${letter})`).join(' ');
}
