import type { GiftPair, GiftShortAnswer } from './gift-ast.js';
import { giftMarkdown } from './gift-markdown.js';
import {
  feedbackList,
  quoted,
  weightedAnswers,
  type Common,
  type GiftMappingContext,
  type MappedAnswer,
} from './gift-mapping.js';
import type { GiftPosition } from './gift-text.js';

/**
 * Short answer becomes a written question graded by hand: Examforge marks no typed text by itself, so the rubric
 * lists the answers Moodle accepted, each worth its share of the marks.
 */
export function shortAnswerQuestion(
  answers: readonly GiftShortAnswer[],
  at: GiftPosition,
  common: Common,
  context: GiftMappingContext,
): MappedAnswer | undefined {
  const weighted = weightedAnswers(answers, context);
  if (!weighted) return undefined;
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
export function matchingQuestion(
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
