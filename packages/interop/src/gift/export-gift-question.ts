import {
  assertNever,
  optionLetter,
  Rational,
  type ChoiceQuestion,
  type FreeResponseQuestion,
  type NumericAnswer,
  type NumericQuestion,
  type Question,
  type Section,
} from '@examforge/core';
import { optionFractions } from '../export/choice-scoring.js';
import type { ExportNotes } from '../export/export-context.js';
import { markdownToHtml, markdownToInlineHtml, texDelimited, type HtmlTarget } from '../export/markdown-html.js';
import { noteQuestionFeatures } from '../export/question-notes.js';
import { moodleGrade, percentText } from '../moodle-xml/export-moodle-fractions.js';
import { escapeGift } from './gift-escape.js';

/** What writing one question needs: where the report goes, and the HTML target that reports dropped images. */
export interface GiftQuestionContext {
  readonly notes: ExportNotes;
  readonly questionId: string;
}

/**
 * One question as GIFT lines: `// [id:…]` (Moodle 4 reads it as the idnumber), `::title::[html]stem{answers}`, the
 * explanation as `####` general feedback. Undefined when GIFT cannot hold it (said in the notes).
 */
export function giftQuestion(question: Question, section: Section, notes: ExportNotes): string | undefined {
  const context = { notes, questionId: question.id };
  noteQuestionFeatures(question, notes, 'GIFT');
  if (question.keyUnknown && question.kind !== 'free') return keyUnknownDescription(question, context);
  const block = answerBlock(question, section, context);
  if (block === undefined) return undefined;
  const feedback = generalFeedback(question, context);
  const lines = block.map((line) => `\t${line}`);
  if (feedback !== '') lines.push(`\t####${feedback}`);
  return `${header(question, question.stem, context)}{\n${lines.join('\n')}\n}`;
}

function header(question: Question, stem: string, context: GiftQuestionContext): string {
  return `// [id:${question.id}]\n::${escapeGift(question.title ?? question.id)}::[html]${html(stem, context)}`;
}

function answerBlock(question: Question, section: Section, context: GiftQuestionContext): string[] | undefined {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return choiceLines(question, section, context);
    case 'numeric':
      return numericLines(question, question.answer, section, context);
    case 'free':
      return essayLines(question, context);
    default:
      return assertNever(question);
  }
}

function choiceLines(question: ChoiceQuestion, section: Section, context: GiftQuestionContext): string[] | undefined {
  const { fractions, approximation } = optionFractions(question, section);
  if (approximation) context.notes.add(question.id, 'partial', `GIFT: ${approximation}`);
  const refusal = refusedByMoodle(question.kind, fractions);
  if (refusal) {
    context.notes.add(question.id, 'left-out', refusal);
    return undefined;
  }
  if (question.options.some((option) => option.fixed))
    context.notes.add(question.id, 'partial', 'GIFT cannot keep an option in place when options are shuffled');
  const plain = question.kind === 'single' && fractions.every((f) => f.equals(1) || f.isZero());
  return question.options.map((option, index) => {
    const fraction = fractions[index] ?? Rational.ZERO;
    const text = inlineHtml(option.text, context);
    if (question.kind === 'single' && fraction.equals(1)) return `=${text}`;
    if (plain || fraction.isZero()) return `~${text}`;
    return `~%${grade(fraction, index, context)}%${text}`;
  });
}

/** The percentage Moodle accepts for a fraction, reported when it is only the nearest one. */
function grade(fraction: Rational, index: number, context: GiftQuestionContext): string {
  const moodle = moodleGrade(fraction);
  if (!moodle.exact)
    context.notes.add(
      context.questionId,
      'partial',
      `option (${optionLetter(index)}) is worth ${percentText(fraction)} of the marks, which Moodle does not accept; written as ${moodle.percent} %, the nearest grade it does`,
    );
  return moodle.percent;
}

/** Moodle refuses the file when a single answer has no 100 % option or a multiple answer's positives miss 100 %. */
function refusedByMoodle(kind: 'single' | 'multiple', fractions: readonly Rational[]): string | undefined {
  if (kind === 'single') {
    const best = fractions.reduce((max, fraction) => Rational.max(max, fraction), Rational.of(-1));
    return best.equals(1)
      ? undefined
      : `its best option is worth ${percentText(best)} of the marks, and Moodle takes a single-answer question only with a 100 % option`;
  }
  const positive = Rational.sum(fractions.filter((fraction) => fraction.isPositive()));
  return positive.equals(1)
    ? undefined
    : `its positive option weights add up to ${percentText(positive)}, and Moodle takes a multiple-answer question only when they add up to 100 %`;
}

function numericLines(
  question: NumericQuestion,
  answer: NumericAnswer | undefined,
  section: Section,
  context: GiftQuestionContext,
): string[] | undefined {
  if (!answer) {
    context.notes.add(question.id, 'left-out', 'it has no answer, and a GIFT numeric question needs one');
    return undefined;
  }
  const penalty = question.penalty ?? section.penalty;
  if (!penalty.isZero())
    context.notes.add(
      question.id,
      'partial',
      `a wrong answer costs ${penalty.toString()} marks, and GIFT numeric answers cannot be worth less than 0 %: the penalty is not written`,
    );
  return [`#=${formatNumber(answer.value)}:${absoluteTolerance(question, answer, context)}`];
}

/** GIFT's tolerance is absolute: a relative one becomes |value| × percent / 100, exactly where the value allows. */
function absoluteTolerance(question: NumericQuestion, answer: NumericAnswer, context: GiftQuestionContext): string {
  const { tolerance } = answer;
  if (tolerance.kind === 'absolute') return formatNumber(tolerance.amount);
  const value = Rational.fromNumber(Math.abs(answer.value));
  const percent = Rational.fromNumber(tolerance.percent);
  const exact = value && percent ? value.times(percent).dividedBy(100) : undefined;
  if (exact?.isDecimal()) return exact.toString();
  const amount = (Math.abs(answer.value) * tolerance.percent) / 100;
  context.notes.add(
    question.id,
    'partial',
    `the tolerance ±${tolerance.percent} % is written as ±${formatNumber(amount)}, rounded, since GIFT's tolerance is absolute`,
  );
  return formatNumber(amount);
}

/** A number GIFT can read back: plain decimals, with the exponent form only where JavaScript needs it. */
function formatNumber(value: number): string {
  return String(value);
}

function essayLines(question: FreeResponseQuestion, context: GiftQuestionContext): string[] {
  if (question.rubric.length > 0)
    context.notes.add(
      question.id,
      'partial',
      `GIFT has no rubric: its ${question.rubric.length} rubric items are not written, and Moodle grades the essay by hand`,
    );
  return [];
}

/** The explanation, and a written question's model solution, as general feedback. */
function generalFeedback(question: Question, context: GiftQuestionContext): string {
  const parts = [question.explanation ?? ''];
  if (question.kind === 'free' && question.solution) parts.push(`**Model solution**\n\n${question.solution}`);
  const markdown = parts.filter((part) => part.trim() !== '').join('\n\n');
  return markdown === '' ? '' : html(markdown, context);
}

/** A question without a key cannot be a GIFT question with answers: its text is kept as a description. */
function keyUnknownDescription(question: ChoiceQuestion | NumericQuestion, context: GiftQuestionContext): string {
  context.notes.add(
    question.id,
    'partial',
    'its key is unknown, and a GIFT question needs one: written as a description (no answers, no marks) with its options listed',
  );
  const options =
    question.kind === 'numeric'
      ? []
      : question.options.map((option, index) => `${optionLetter(index)}. ${option.text}`);
  return header(question, [question.stem, ...options].join('\n\n'), context);
}

function html(markdown: string, context: GiftQuestionContext): string {
  return escapeGift(markdownToHtml(markdown, giftHtmlTarget(context)));
}

function inlineHtml(markdown: string, context: GiftQuestionContext): string {
  return escapeGift(markdownToInlineHtml(markdown, giftHtmlTarget(context)));
}

/** GIFT is one text file: an image cannot travel with it, so its description stands in its place. */
function giftHtmlTarget(context: GiftQuestionContext): HtmlTarget {
  return {
    math: texDelimited,
    imageSource: (path) => {
      context.notes.add(
        context.questionId,
        'partial',
        `GIFT has no images: the image ${path} is written as its description`,
      );
      return undefined;
    },
  };
}
