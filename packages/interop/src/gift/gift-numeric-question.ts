import type { QuestionDraft } from '../question-builder.js';
import type { GiftMarkup, GiftNumericAnswer } from './gift-ast.js';
import {
  feedbackList,
  weightedAnswers,
  type Common,
  type GiftMappingContext,
  type MappedAnswer,
} from './gift-mapping.js';
import type { GiftPosition } from './gift-text.js';

/**
 * A numeric question keeps its 100 % answer (Examforge's numeric questions have one answer with a tolerance); the
 * other graded answers are named in notes, their feedback kept in the explanation.
 */
export function numericQuestion(
  answers: readonly GiftNumericAnswer[],
  ifWrong: GiftMarkup | undefined,
  at: GiftPosition,
  common: Common,
  context: GiftMappingContext,
): MappedAnswer | undefined {
  const weighted = weightedAnswers(answers, context);
  if (!weighted) return undefined;
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
