import {
  assertNever,
  marksOf,
  penaltyOf,
  Rational,
  type ChoiceQuestion,
  type FreeResponseQuestion,
  type NumericQuestion,
  type Question,
  type Section,
} from '@examforge/core';
import { optionFractions } from '../export/choice-scoring.js';
import { noteQuestionFeatures } from '../export/question-notes.js';
import { element, type XmlElement } from '../export/xml-text.js';
import { moodleGrade, percentText } from './export-moodle-fractions.js';
import { moodleTextField, plainText, type MoodleTextContext } from './export-moodle-text.js';
import { numericAnswers } from './export-moodle-numeric.js';
import { graderInformation } from '../export/grader-information.js';

/** One Examforge question as a Moodle `<question>`, or undefined when Moodle cannot take it (said in the notes). */
export function moodleQuestion(
  question: Question,
  section: Section,
  context: MoodleTextContext,
): XmlElement | undefined {
  noteQuestionFeatures(question, context.notes, 'Moodle');
  if (question.keyUnknown && question.kind !== 'free') {
    // A Moodle choice or numerical question needs its 100 % answer; set the key in Examforge and export again.
    context.notes.add(question.id, 'left-out', 'its key is unknown, and a Moodle question needs one');
    return undefined;
  }
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return multichoice(question, section, context);
    case 'numeric':
      return numerical(question, section, context);
    case 'free':
      return essay(question, section, context);
    default:
      return assertNever(question);
  }
}

/** The elements every Moodle question starts with. */
function header(question: Question, section: Section, context: MoodleTextContext, marks?: Rational) {
  return [
    plainText('name', question.title ?? question.id),
    moodleTextField('questiontext', question.stem, context),
    moodleTextField('generalfeedback', question.explanation ?? '', context),
    element('defaultgrade', {}, [decimal(marks ?? marksOf(question, section), question.id, context)]),
    element('penalty', {}, ['0']),
    element('hidden', {}, ['0']),
    element('idnumber', {}, [question.id]),
  ];
}

function multichoice(question: ChoiceQuestion, section: Section, context: MoodleTextContext): XmlElement | undefined {
  const { fractions, approximation } = optionFractions(question, section);
  if (approximation) context.notes.add(question.id, 'partial', `Moodle: ${approximation}`);
  const grades = fractions.map((fraction) => moodleGrade(fraction));
  const refusal = refusedByMoodle(
    question.kind,
    grades.map((grade) => grade.fraction),
  );
  if (refusal) {
    context.notes.add(question.id, 'left-out', refusal);
    return undefined;
  }
  grades.forEach((grade, index) => {
    if (!grade.exact)
      context.notes.add(
        question.id,
        'partial',
        `option (${String.fromCharCode(97 + index)}) is worth ${percentText(fractions[index] ?? Rational.ZERO)} of the marks, which Moodle does not accept; written as ${grade.percent} %, the nearest grade it does`,
      );
  });
  const anyFixed = question.options.some((option) => option.fixed);
  if (anyFixed)
    context.notes.add(
      question.id,
      'partial',
      'an option stays in place when the others are shuffled, and Moodle shuffles all options or none: shuffling is off',
    );
  return element('question', { type: 'multichoice' }, [
    ...header(question, section, context),
    element('single', {}, [question.kind === 'single' ? 'true' : 'false']),
    element('shuffleanswers', {}, [anyFixed ? 'false' : 'true']),
    element('answernumbering', {}, ['abc']),
    element('showstandardinstruction', {}, ['0']),
    ...['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback'].map((name) =>
      moodleTextField(name, '', context),
    ),
    ...question.options.map((option, index) =>
      element('answer', { fraction: grades[index]?.percent ?? '0', format: 'html' }, [
        ...moodleTextField('text', option.text, context, { inline: true }).children,
        moodleTextField('feedback', '', context),
      ]),
    ),
  ]);
}

/**
 * Moodle refuses the whole file when a single-choice question has no 100 % answer, or when the positive fractions of
 * a multiple-answer question, rounded to 2 places, do not make 100 % (`save_question_options`), so such a question
 * is left out. The grades are those written (already Moodle's).
 */
const MOODLE_SUM_SLACK = 0.005;

function refusedByMoodle(kind: 'single' | 'multiple', fractions: readonly Rational[]): string | undefined {
  if (kind === 'single') {
    const best = fractions.reduce((max, fraction) => Rational.max(max, fraction), Rational.of(-1));
    return best.equals(1)
      ? undefined
      : `its best option is worth ${percentText(best)} of the marks, and Moodle takes a single-answer question only with a 100 % option`;
  }
  const positive = Rational.sum(fractions.filter((fraction) => fraction.isPositive()));
  return positive.minus(1).toNumber() ** 2 < MOODLE_SUM_SLACK ** 2
    ? undefined
    : `its positive option weights add up to ${percentText(positive)}, and Moodle takes a multiple-answer question only when they add up to 100 %`;
}

function numerical(question: NumericQuestion, section: Section, context: MoodleTextContext): XmlElement | undefined {
  const answer = question.answer;
  if (!answer) {
    context.notes.add(question.id, 'left-out', 'it has no answer, and a Moodle numerical question needs one');
    return undefined;
  }
  return element('question', { type: 'numerical' }, [
    ...header(question, section, context),
    ...numericAnswers(question, answer, marksOf(question, section), penaltyOf(question, section), context),
    element('unitgradingtype', {}, ['0']),
    element('unitpenalty', {}, ['0.1000000']),
    element('showunits', {}, ['3']),
    element('unitsleft', {}, ['0']),
  ]);
}

function essay(question: FreeResponseQuestion, section: Section, context: MoodleTextContext): XmlElement {
  if (question.rubric.length > 0)
    context.notes.add(
      question.id,
      'partial',
      'its rubric is written into the grader information as text: Moodle shows it to graders but does not add up its points',
    );
  return element('question', { type: 'essay' }, [
    ...header(question, section, context),
    element('responseformat', {}, ['editor']),
    element('responserequired', {}, ['1']),
    element('responsefieldlines', {}, ['15']),
    element('attachments', {}, ['0']),
    element('attachmentsrequired', {}, ['0']),
    moodleTextField('graderinfo', graderInformation(question, marksOf(question, section)), context),
    moodleTextField('responsetemplate', '', context),
  ]);
}

/** A mark as Moodle's decimal; a mark with no finite decimal (1/3) is rounded to 7 places, as Moodle stores it. */
export function decimal(value: Rational, questionId: string | undefined, context: MoodleTextContext): string {
  if (value.isDecimal()) return value.toString();
  const rounded = value.toFixed(7);
  context.notes.add(questionId, 'partial', `${value.toString()} has no exact decimal form; written as ${rounded}`);
  return rounded;
}
