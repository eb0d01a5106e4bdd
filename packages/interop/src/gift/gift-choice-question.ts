import {
  optionLetter,
  Rational,
  type ChoiceOption,
  type MultipleChoiceQuestion,
  type SingleChoiceQuestion,
} from '@examforge/core';
import { distinctOptionTexts } from '../question-builder.js';
import type { GiftAnswer, GiftChoice } from './gift-ast.js';
import { giftMarkdown } from './gift-markdown.js';
import { feedbackList, type Common, type GiftMappingContext, type MappedAnswer } from './gift-mapping.js';
import type { GiftPosition } from './gift-text.js';
import { readGiftWeight } from './gift-weight.js';

export function trueFalse(
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

export function choices(
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
