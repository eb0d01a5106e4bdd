import { Rational } from '@examforge/core';
import type { KeptAs } from '../import-result.js';
import type { QuestionDraft } from '../question-builder.js';
import type { GiftMarkup } from './gift-ast.js';
import { giftMarkdown, type GiftMarkdownContext } from './gift-markdown.js';
import type { GiftPosition } from './gift-text.js';
import { readGiftWeight } from './gift-weight.js';

/** What mapping a question needs: Markdown conversion, its marks (for rubric points) and where notes go. */
export interface GiftMappingContext extends GiftMarkdownContext {
  readonly marks: Rational;
  readonly note: (position: GiftPosition, keptAs: KeptAs, reason: string) => void;
}

/** What every question draft shares, whatever its kind. */
export type Common = Pick<QuestionDraft, 'stem' | 'title' | 'note' | 'keyUnknown' | 'bonus'>;

export interface MappedAnswer {
  readonly question: QuestionDraft;
  /** Per-answer feedback, as Markdown for the explanation. */
  readonly feedback: string;
}

/** Answers with their weights as Moodle reads them (no `%n%` is 100 %); undefined when Moodle refuses one. */
export function weightedAnswers<
  A extends { readonly weight?: { percent: string; position: GiftPosition }; readonly position: GiftPosition },
>(answers: readonly A[], context: GiftMappingContext): { answer: A; weight: Rational }[] | undefined {
  const weighted: { answer: A; weight: Rational }[] = [];
  for (const answer of answers) {
    const reading = answer.weight ? readGiftWeight(answer.weight.percent) : undefined;
    if (reading && !reading.ok) {
      context.note(answer.weight?.position ?? answer.position, 'left-out', reading.reason);
      return undefined;
    }
    weighted.push({ answer, weight: reading?.fraction ?? Rational.ONE });
  }
  return weighted;
}

export function quoted(text: string): string {
  return `“${text}”`;
}

export function giftFeedback(markup: GiftMarkup | undefined, context: GiftMappingContext): string {
  return markup && markup.text.trim() !== '' ? giftMarkdown(markup, context) : '';
}

/** Feedback given for particular answers, as a list the explanation can carry: "- *Grant*: No one is buried there." */
export function feedbackList(
  entries: readonly (readonly [string, GiftMarkup | undefined])[],
  context: GiftMappingContext,
): string {
  const lines = entries.flatMap(([answer, markup]) => {
    const text = giftFeedback(markup, context);
    return text === '' ? [] : [`- ${answer}: ${text.replace(/\\\n|\n+/gu, ' ')}`];
  });
  return lines.length > 0 ? `Feedback on each answer:\n\n${lines.join('\n')}` : '';
}
