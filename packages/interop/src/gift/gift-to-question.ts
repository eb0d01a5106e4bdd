import type { QuestionDraft } from '../question-builder.js';
import type { GiftAnswer, GiftQuestion } from './gift-ast.js';
import { choices, trueFalse } from './gift-choice-question.js';
import { giftMarkdown } from './gift-markdown.js';
import { giftFeedback, type Common, type GiftMappingContext, type MappedAnswer } from './gift-mapping.js';
import { numericQuestion } from './gift-numeric-question.js';
import { matchingQuestion, shortAnswerQuestion } from './gift-written-question.js';

/** What one GIFT question became: an Examforge question, a description (text with no marks), or nothing. */
export type GiftConversion =
  | { readonly kind: 'question'; readonly question: QuestionDraft }
  | { readonly kind: 'description'; readonly text: string }
  | { readonly kind: 'left-out' };

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

function mapAnswer(answer: GiftAnswer, common: Common, context: GiftMappingContext): MappedAnswer | undefined {
  switch (answer.kind) {
    case 'essay':
      return { question: { ...common, kind: 'free', rubric: [] }, feedback: '' };
    case 'true-false':
      return trueFalse(answer, common, context);
    case 'choice':
      return choices(answer.choices, answer.position, common, context);
    case 'numeric':
      return numericQuestion(answer.answers, answer.feedbackIfWrong, answer.position, common, context);
    case 'short':
      return shortAnswerQuestion(answer.answers, answer.position, common, context);
    case 'matching':
      return matchingQuestion(answer.pairs, answer.position, common, context);
  }
}
