import type { Element } from '@xmldom/xmldom';
import { optionLetter, Rational, type ChoiceOption } from '@examforge/core';
import { distinctOptionTexts, type QuestionDraft } from '../question-builder.js';
import { childElement, childElements, childPath, childText } from './import-moodle-document.js';
import { ALLOWED_GRADES, moodleFraction } from './import-moodle-fractions.js';
import { commonFields, noteAbout, type MoodleQuestionContext } from './import-moodle-question.js';
import { moodleText } from './import-moodle-text.js';

interface MoodleAnswer {
  readonly element: Element;
  readonly text: string;
  readonly weight: Rational;
  readonly feedback: string;
}

/**
 * A `multichoice` question: one answer (`<single>true</single>`) or several, each answer's grade becoming its option
 * weight, so it scores as in Moodle. Left out, as Moodle refuses them: a grade Moodle does not allow (`33`), a
 * single-answer question without a 100 % answer, a multiple-answer one whose positive grades do not total 100 %.
 */
export function convertMultichoice(context: MoodleQuestionContext): QuestionDraft | undefined {
  // Moodle saves no answer whose text is empty; one with a grade still counts, shown as "(empty)".
  const answers = readAnswers(context)?.filter((answer) => answer.text !== '' || !answer.weight.isZero());
  if (!answers) return undefined;
  const single = /^(?:true|1)$/i.test(childText(context.question, 'single') ?? 'true');
  const problem = single ? singleProblem(answers) : multipleProblem(answers);
  if (problem) {
    context.notes.push(noteAbout(context, `left out: Moodle refuses this question: ${problem}`, 'left-out'));
    return undefined;
  }
  const plain = single && answers.every((answer) => answer.weight.isZero() || answer.weight.equals(1));
  const options = toOptions(
    context,
    answers,
    (weight) => (single ? weight.equals(1) : weight.isPositive()),
    !plain,
  ).map(
    // `<shuffleanswers>0</shuffleanswers>`: the order is the author's (an "all of the above" last), so it stays.
    (option) => (shuffled(context) ? option : { ...option, fixed: true }),
  );
  if (options.length < 2) {
    context.notes.push(noteAbout(context, 'left out: it has fewer than two answers', 'left-out'));
    return undefined;
  }
  const fields = commonFields(context, feedbackLines(answers));
  return single ? { ...fields, kind: 'single', options, acceptAny: false } : { ...fields, kind: 'multiple', options };
}

/** A `truefalse` question: options True and False, the one graded 100 % correct. */
export function convertTrueFalse(context: MoodleQuestionContext): QuestionDraft | undefined {
  const answers = readAnswers(context);
  if (!answers) return undefined;
  const truth = answers.find((answer) => /^true$/i.test(answer.text.trim()));
  const falsity = answers.find((answer) => /^false$/i.test(answer.text.trim()));
  if (!truth || !falsity || truth.weight.equals(falsity.weight)) {
    context.notes.push(
      noteAbout(context, 'left out: it does not grade exactly one of true and false 100 %', 'left-out'),
    );
    return undefined;
  }
  const options: ChoiceOption[] = [
    { text: 'True', correct: truth.weight.equals(1), fixed: true },
    { text: 'False', correct: falsity.weight.equals(1), fixed: true },
  ];
  return { ...commonFields(context, feedbackLines([truth, falsity])), kind: 'single', options, acceptAny: false };
}

/** The answers with their exact weights; undefined (and a note) when a grade is one Moodle does not allow. */
function readAnswers(context: MoodleQuestionContext): MoodleAnswer[] | undefined {
  const elements = childElements(context.question, 'answer');
  const invalid = elements.filter((element) => moodleFraction(element.getAttribute('fraction') ?? '') === undefined);
  if (invalid.length > 0) {
    const grades = invalid.map((element) => `${element.getAttribute('fraction') ?? ''} %`).join(', ');
    const reason = `left out: Moodle refuses this question: grade${invalid.length > 1 ? 's' : ''} ${grades} ${invalid.length > 1 ? 'are' : 'is'} not among ${ALLOWED_GRADES}`;
    context.notes.push(noteAbout(context, reason, 'left-out', invalid[0]));
    return undefined;
  }
  return elements.map((element) => {
    const path = childPath(context.path, context.question, element);
    const feedback = childElement(element, 'feedback');
    return {
      element,
      text: moodleText(element, context, path, true),
      weight: moodleFraction(element.getAttribute('fraction') ?? '') ?? Rational.ZERO,
      feedback: feedback ? moodleText(feedback, context, childPath(path, element, feedback), true) : '',
    };
  });
}

/** Moodle reads the first `<shuffleanswers>` (a Moodle 1.9 export may have two); absent, answers are shuffled. */
function shuffled(context: MoodleQuestionContext): boolean {
  return !/^(?:0|false)$/i.test(childText(context.question, 'shuffleanswers') ?? '1');
}

function singleProblem(answers: readonly MoodleAnswer[]): string | undefined {
  if (answers.some((answer) => answer.weight.equals(1))) return undefined;
  return 'one of the choices should be 100 %';
}

/** Moodle rounds the total of the positive grades to two decimals and wants 100 %. */
function multipleProblem(answers: readonly MoodleAnswer[]): string | undefined {
  const total = Rational.sum(answers.filter((answer) => answer.weight.isPositive()).map((answer) => answer.weight));
  if (Math.abs(total.toNumber() - 1) < 0.005) return undefined;
  return `the positive grades do not add up to 100 % (they add up to ${total.times(100).format(2)} %)`;
}

function toOptions(
  context: MoodleQuestionContext,
  answers: readonly MoodleAnswer[],
  isKey: (weight: Rational) => boolean,
  weighted: boolean,
): ChoiceOption[] {
  const distinct = distinctOptionTexts(
    answers.map((answer) => answer.text || '(empty)'),
    (index) => optionLetter(index),
  );
  const first = answers[distinct.changed[0] ?? -1];
  if (first) {
    const letters = distinct.changed.map((index) => `(${optionLetter(index)})`).join(', ');
    context.notes.push(
      noteAbout(
        context,
        `options ${letters} read the same; their letters were added so students can tell them apart`,
        'content',
        first.element,
      ),
    );
  }
  return answers.map((answer, index) => ({
    text: distinct.texts[index] ?? answer.text,
    correct: isKey(answer.weight),
    fixed: false,
    ...(weighted && !answer.weight.isZero() && { weight: answer.weight }),
  }));
}

/** Each answer's feedback, for the explanation: `(b) feedback`. */
function feedbackLines(answers: readonly MoodleAnswer[]): string[] {
  const lines = answers.flatMap((answer, index) =>
    answer.feedback === '' ? [] : [`(${optionLetter(index)}) ${answer.feedback}`],
  );
  return lines.length === 0 ? [] : [lines.join('\\\n')];
}
