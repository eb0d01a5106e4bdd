import {
  optionLetter,
  Rational,
  type ChoiceOption,
  type MultipleChoiceQuestion,
  type SingleChoiceQuestion,
} from '@examforge/core';
import type { KeptAs } from '../import-result.js';
import { distinctOptionTexts, type QuestionDraft } from '../question-builder.js';
import type {
  GiftAnswer,
  GiftChoice,
  GiftMarkup,
  GiftNumericAnswer,
  GiftPair,
  GiftQuestion,
  GiftShortAnswer,
} from './gift-ast.js';
import { giftMarkdown, type GiftMarkdownContext } from './gift-markdown.js';
import type { GiftPosition } from './gift-text.js';
import { readGiftWeight } from './gift-weight.js';

/** A conversion note before the question has its id. */
export interface GiftNote {
  readonly position: GiftPosition;
  readonly reason: string;
  readonly keptAs: KeptAs;
}

/** What one GIFT question became: an Examforge question, a description (text with no marks), or nothing. */
export type GiftConversion =
  | { readonly kind: 'question'; readonly question: QuestionDraft }
  | { readonly kind: 'description'; readonly text: string }
  | { readonly kind: 'left-out' };

/** What mapping a question needs: Markdown conversion, its marks (for rubric points) and where notes go. */
export interface GiftMappingContext extends GiftMarkdownContext {
  readonly marks: Rational;
  readonly note: (position: GiftPosition, keptAs: KeptAs, reason: string) => void;
}

const BASE = { keyUnknown: false, bonus: false } as const;

/**
 * One GIFT question as an Examforge question, the way Moodle would score it: choices with Moodle's weights, true-false
 * as a two-option choice, numeric with its 100 % answer; short answer and matching, which Examforge cannot mark by
 * itself, as written questions whose rubric lists what Moodle accepted; a description as text with no marks. Option
 * feedback and general feedback become the explanation. Every loss goes to `context.note`.
 */
export function giftToQuestion(gift: GiftQuestion, context: GiftMappingContext): GiftConversion {
  noteStructure(gift, context);
  const stem = giftMarkdown(gift.stem, context);
  if (!gift.answer) {
    context.note(
      gift.position,
      'description',
      'a description (text without an answer) has no marks in Examforge: its text is kept as a description',
    );
    return { kind: 'description', text: stem };
  }
  const title = gift.title !== undefined && gift.title !== '' ? { title: gift.title } : {};
  const metadata = metadataNote(gift);
  const common: Common = { ...BASE, ...title, stem, ...(metadata && { note: metadata }) };
  const mapped = mapAnswer(gift.answer, common, context);
  if (!mapped) return { kind: 'left-out' };
  const explanation = [giftFeedback(gift.generalFeedback, context), mapped.feedback]
    .filter((part) => part !== '')
    .join('\n\n');
  return { kind: 'question', question: { ...mapped.question, ...(explanation !== '' && { explanation }) } };
}

function noteStructure(gift: GiftQuestion, context: GiftMappingContext): void {
  for (const block of gift.extraBlocks)
    context.note(
      block.position,
      'partial',
      `a second answer block ${block.text} in the same question: Moodle reads only the first, so this one became a blank in the stem and its answers were not kept`,
    );
  if (gift.strayText)
    context.note(
      gift.strayText.position,
      'content',
      `the text ${gift.strayText.text} after the answer block is not part of the question (pasted from program code) and was left out`,
    );
}

/** Moodle 4's id number and tags have no place in Examforge: they go in the instructor note. */
function metadataNote(gift: GiftQuestion): string | undefined {
  const parts = [
    ...(gift.idNumber !== undefined ? [`Moodle id number: ${gift.idNumber}`] : []),
    ...(gift.tags.length > 0 ? [`Moodle tags: ${gift.tags.join(', ')}`] : []),
  ];
  return parts.length > 0 ? parts.join('. ') : undefined;
}

/** What every question draft shares, whatever its kind. */
type Common = Pick<QuestionDraft, 'stem' | 'title' | 'note' | 'keyUnknown' | 'bonus'>;

interface MappedAnswer {
  readonly question: QuestionDraft;
  /** Per-answer feedback, as Markdown for the explanation. */
  readonly feedback: string;
}

function mapAnswer(answer: GiftAnswer, common: Common, context: GiftMappingContext): MappedAnswer | undefined {
  switch (answer.kind) {
    case 'essay':
      return { question: { ...common, kind: 'free', rubric: [] }, feedback: '' };
    case 'true-false':
      return trueFalse(answer, common, context);
    case 'choice':
      return choices(answer.choices, answer.position, common, context);
    case 'numeric':
      return numeric(answer.answers, answer.feedbackIfWrong, answer.position, common, context);
    case 'short':
      return shortAnswer(answer.answers, answer.position, common, context);
    case 'matching':
      return matching(answer.pairs, answer.position, common, context);
  }
}

function trueFalse(
  answer: Extract<GiftAnswer, { kind: 'true-false' }>,
  common: Common,
  context: GiftMappingContext,
): MappedAnswer {
  const options: ChoiceOption[] = [
    { text: 'True', correct: answer.value, fixed: true },
    { text: 'False', correct: !answer.value, fixed: true },
  ];
  const feedback = feedbackList(
    [
      [answer.value ? 'True' : 'False', answer.feedbackIfRight],
      [answer.value ? 'False' : 'True', answer.feedbackIfWrong],
    ],
    context,
  );
  return { question: { ...common, kind: 'single', options, acceptAny: false }, feedback };
}

function choices(
  list: readonly GiftChoice[],
  at: GiftPosition,
  common: Common,
  context: GiftMappingContext,
): MappedAnswer | undefined {
  const kept = list.filter((choice) => {
    if (choice.text.text.trim() !== '') return true;
    context.note(choice.position, 'content', 'an empty choice was left out, as Moodle leaves it out');
    return false;
  });
  const weights = readWeights(kept, context);
  if (!weights) return undefined;
  const texts = distinctTexts(
    kept.map((choice) => giftMarkdown(choice.text, context, true)),
    at,
    context,
  );
  const feedback = feedbackList(
    kept.map((choice, index) => [texts[index] ?? '', choice.feedback] as const),
    context,
  );
  const single = kept.some((choice) => choice.marker === '=');
  const question = single ? singleChoice(texts, weights, at, context) : multipleChoice(texts, weights, at, context);
  return question && { question: { ...common, ...question }, feedback };
}

/** Options that read the same cannot be told apart by students (lint refuses them): each gets its letter. */
function distinctTexts(texts: readonly string[], at: GiftPosition, context: GiftMappingContext): string[] {
  const distinct = distinctOptionTexts(texts, (index) => optionLetter(index));
  if (distinct.changed.length > 0)
    context.note(
      at,
      'content',
      `options ${distinct.changed.map((index) => `(${optionLetter(index)})`).join(', ')} read the same, so each was given its letter to tell them apart`,
    );
  return distinct.texts;
}

/** Each choice's weight as Moodle reads it (`=` is 100 % unless it says otherwise); undefined when one is refused. */
function readWeights(list: readonly GiftChoice[], context: GiftMappingContext): Rational[] | undefined {
  const weights: Rational[] = [];
  for (const choice of list) {
    if (!choice.weight) {
      weights.push(choice.marker === '=' ? Rational.ONE : Rational.ZERO);
      continue;
    }
    const reading = readGiftWeight(choice.weight.percent);
    if (!reading.ok) {
      context.note(choice.weight.position, 'left-out', reading.reason);
      return undefined;
    }
    weights.push(reading.fraction);
  }
  return weights;
}

function singleChoice(
  texts: readonly string[],
  weights: readonly Rational[],
  at: GiftPosition,
  context: GiftMappingContext,
): Pick<SingleChoiceQuestion, 'kind' | 'options' | 'acceptAny'> | undefined {
  if (!weights.some((weight) => weight.equals(1))) {
    context.note(
      at,
      'left-out',
      'no choice is worth 100 %, and Moodle refuses such a question ("One of the choices should be 100%")',
    );
    return undefined;
  }
  const plain = weights.every((weight) => weight.equals(1) || weight.isZero());
  const options = texts.map((text, index): ChoiceOption => {
    const weight = weights[index] ?? Rational.ZERO;
    return { text, correct: weight.equals(1), fixed: false, ...(!plain && { weight }) };
  });
  return { kind: 'single', options, acceptAny: options.filter((option) => option.correct).length > 1 };
}

/** Moodle refuses a multiple-answer question whose positive grades do not add up to 100 % once rounded to 2 decimals. */
function multipleChoice(
  texts: readonly string[],
  weights: readonly Rational[],
  at: GiftPosition,
  context: GiftMappingContext,
): Pick<MultipleChoiceQuestion, 'kind' | 'options'> | undefined {
  const positive = Rational.sum(weights.filter((weight) => weight.isPositive()));
  if (Math.round(positive.toNumber() * 100) !== 100) {
    context.note(
      at,
      'left-out',
      `the positive weights add up to ${positive.times(100).toFixed(2)} %, and Moodle refuses a multiple-answer question whose positive grades do not add up to 100 %`,
    );
    return undefined;
  }
  const options = texts.map((text, index): ChoiceOption => {
    const weight = weights[index] ?? Rational.ZERO;
    return { text, correct: weight.isPositive(), fixed: false, weight };
  });
  return { kind: 'multiple', options };
}

function numeric(
  answers: readonly GiftNumericAnswer[],
  ifWrong: GiftMarkup | undefined,
  at: GiftPosition,
  common: Common,
  context: GiftMappingContext,
): MappedAnswer | undefined {
  const weighted: { answer: GiftNumericAnswer; weight: Rational }[] = [];
  for (const answer of answers) {
    const reading = answer.weight
      ? readGiftWeight(answer.weight.percent)
      : { ok: true as const, fraction: Rational.ONE };
    if (!reading.ok) {
      context.note(answer.weight?.position ?? answer.position, 'left-out', reading.reason);
      return undefined;
    }
    weighted.push({ answer, weight: reading.fraction });
  }
  const key = weighted.find((entry) => entry.weight.equals(1));
  for (const entry of weighted) {
    if (entry === key) continue;
    context.note(
      entry.answer.position,
      'partial',
      `the answer ${entry.answer.written} worth ${entry.weight.times(100).toString()} % was not kept: an Examforge numeric question has one answer${key ? `, the 100 % one (${key.answer.written})` : ''}`,
    );
  }
  if (!key)
    context.note(at, 'partial', 'no answer is worth 100 %: the question is kept without a key and is not scored');
  const feedback = feedbackList(
    [
      ...weighted.map((entry) => [entry.answer.written, entry.answer.feedback] as const),
      ['any other answer', ifWrong] as const,
    ],
    context,
  );
  const question: QuestionDraft = key
    ? {
        ...common,
        kind: 'numeric',
        answer: { value: key.answer.value, tolerance: { kind: 'absolute', amount: key.answer.tolerance } },
      }
    : { ...common, kind: 'numeric', keyUnknown: true };
  return { question, feedback };
}

function shortAnswer(
  answers: readonly GiftShortAnswer[],
  at: GiftPosition,
  common: Common,
  context: GiftMappingContext,
): MappedAnswer | undefined {
  const weighted: { answer: GiftShortAnswer; weight: Rational }[] = [];
  for (const answer of answers) {
    const reading = answer.weight
      ? readGiftWeight(answer.weight.percent)
      : { ok: true as const, fraction: Rational.ONE };
    if (!reading.ok) {
      context.note(answer.weight?.position ?? answer.position, 'left-out', reading.reason);
      return undefined;
    }
    weighted.push({ answer, weight: reading.fraction });
  }
  context.note(
    at,
    'free-response',
    'a short-answer question: Examforge has no automatically marked short answer, so it became a written question graded by hand, its rubric listing the answers Moodle accepted',
  );
  const accepted = weighted.filter((entry) => entry.weight.isPositive());
  const rubric = accepted.map((entry, index) => ({
    id: `r${index + 1}`,
    points: context.marks.times(entry.weight),
    text: `The answer is ${quoted(entry.answer.text)}${entry.answer.text.includes('*') ? ' (as in Moodle, * stands for any text)' : ''}`,
  }));
  const solution = `Moodle accepted these answers (apply the one rubric item that matches): ${weighted.map((entry) => `${quoted(entry.answer.text)} (${entry.weight.times(100).toString()} %)`).join(', ')}.`;
  const feedback = feedbackList(
    weighted.map((entry) => [quoted(entry.answer.text), entry.answer.feedback] as const),
    context,
  );
  return { question: { ...common, kind: 'free', rubric, solution }, feedback };
}

/** Matching has no Examforge type: it becomes a written question listing the items and the matches to choose from. */
function matching(
  pairs: readonly GiftPair[],
  at: GiftPosition,
  common: Common,
  context: GiftMappingContext,
): MappedAnswer {
  context.note(
    at,
    'free-response',
    'a matching question: Examforge has no matching type, so it became a written question listing the items and the matches to choose from, graded by hand with a rubric item per pair',
  );
  const items = pairs.filter((pair) => pair.left.text.trim() !== '');
  const lefts = items.map((pair) => giftMarkdown(pair.left, context, true));
  const choicesText = [...new Set(pairs.map((pair) => pair.right))].map(quoted).join(', ');
  const share = items.length === 0 ? context.marks : context.marks.dividedBy(items.length);
  const rubric = items.map((pair, index) => ({
    id: `r${index + 1}`,
    points: share,
    text: `${lefts[index] ?? ''} is matched with ${quoted(pair.right)}`,
  }));
  const task = [
    'Match each item with one of: ' + choicesText + '.',
    lefts.map((left, index) => `${index + 1}. ${left}`).join('\n'),
  ].join('\n\n');
  const solution = lefts.map((left, index) => `- ${left} → ${quoted(items[index]?.right ?? '')}`).join('\n');
  const stem = `${common.stem}\n\n${task}`;
  return { question: { ...common, stem, kind: 'free', rubric, solution }, feedback: '' };
}

function quoted(text: string): string {
  return `“${text}”`;
}

function giftFeedback(markup: GiftMarkup | undefined, context: GiftMappingContext): string {
  return markup && markup.text.trim() !== '' ? giftMarkdown(markup, context) : '';
}

/** Feedback given for particular answers, as a list the explanation can carry: "- *Grant*: No one is buried there." */
function feedbackList(
  entries: readonly (readonly [string, GiftMarkup | undefined])[],
  context: GiftMappingContext,
): string {
  const lines = entries.flatMap(([answer, markup]) => {
    const text = giftFeedback(markup, context);
    return text === '' ? [] : [`- ${answer}: ${text.replace(/\\\n|\n+/gu, ' ')}`];
  });
  return lines.length > 0 ? `Feedback on each answer:\n\n${lines.join('\n')}` : '';
}
