import type { Element } from '@xmldom/xmldom';
import type { Rational } from '@examforge/core';
import type { ConversionNote, KeptAs } from '../import-result.js';
import type { QuestionDraft } from '../question-builder.js';
import { childElement, childPath, locate } from './import-moodle-document.js';
import { moodleText, type MoodleTextContext } from './import-moodle-text.js';

/** One `<question>` being converted: where it is, its marks and the notes it adds. */
export interface MoodleQuestionContext extends MoodleTextContext {
  /** `/quiz/question[4]`. */
  readonly path: string;
  readonly marks: Rational;
}

/** The fields every question type shares: stem, explanation, and the flags a fresh question has. */
export function commonFields(
  context: MoodleQuestionContext,
  extraExplanation: readonly string[] = [],
): Pick<QuestionDraft, 'stem' | 'explanation' | 'keyUnknown' | 'bonus'> {
  const stem = textOf(context, 'questiontext') || context.questionName || 'Question';
  const explanation = [textOf(context, 'generalfeedback'), ...extraExplanation]
    .filter((text) => text !== '')
    .join('\n\n');
  return { stem, ...(explanation !== '' && { explanation }), keyUnknown: false, bonus: false };
}

/** A text child of the question (`questiontext`, `generalfeedback`) as Markdown. */
export function textOf(context: MoodleQuestionContext, name: string, inline = false): string {
  const field = childElement(context.question, name);
  return field ? moodleText(field, context, childPath(context.path, context.question, field), inline) : '';
}

/** A note about this question, at `element` (the question itself by default). */
export function noteAbout(
  context: MoodleQuestionContext,
  reason: string,
  keptAs: KeptAs,
  element: Element = context.question,
  questionId?: string,
): ConversionNote {
  const path = element === context.question ? context.path : childPath(context.path, context.question, element);
  return {
    location: locate(context.file.name, element, path),
    question: context.questionName,
    ...(questionId !== undefined && { questionId }),
    reason,
    keptAs,
  };
}
