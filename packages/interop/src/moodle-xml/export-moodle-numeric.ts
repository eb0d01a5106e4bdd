import { Rational, type NumericAnswer, type NumericQuestion } from '@examforge/core';
import { element, type XmlElement } from '../export/xml-text.js';
import { moodleGrade, percentText } from './export-moodle-fractions.js';
import { moodleTextField, type MoodleTextContext } from './export-moodle-text.js';

/**
 * A numeric answer as Moodle numerical answers: the key at 100 % with an absolute tolerance (a relative one is
 * worked out from the value, exactly when the value is a decimal number), and the penalty for a wrong answer as a
 * catch-all `*` answer with a negative grade.
 */
export function numericAnswers(
  question: NumericQuestion,
  answer: NumericAnswer,
  marks: Rational,
  penalty: Rational,
  context: MoodleTextContext,
): XmlElement[] {
  const key = numericAnswer('100', String(answer.value), absoluteTolerance(question, answer, context), context);
  if (penalty.isZero()) return [key];
  const fraction = marks.isZero() ? Rational.of(-1) : penalty.dividedBy(marks).negated();
  const grade = moodleGrade(fraction);
  if (!grade.exact)
    context.notes.add(
      question.id,
      'partial',
      `a wrong answer costs ${percentText(fraction.negated())} of the marks, which Moodle does not accept; written as ${grade.percent} %`,
    );
  context.notes.add(
    question.id,
    'partial',
    `the penalty for a wrong answer is written as a catch-all (*) answer worth ${grade.percent} %; Moodle's editor offers only grades from 0 % for numerical answers, so saving the question there may reset it`,
  );
  return [key, numericAnswer(grade.percent, '*', '0', context)];
}

function numericAnswer(fraction: string, value: string, tolerance: string, context: MoodleTextContext): XmlElement {
  return element('answer', { fraction, format: 'moodle_auto_format' }, [
    element('text', {}, [value]),
    moodleTextField('feedback', '', context),
    element('tolerance', {}, [tolerance]),
  ]);
}

/** Moodle's tolerance is absolute: a relative one becomes |value| × percent / 100, exactly where the value allows. */
function absoluteTolerance(question: NumericQuestion, answer: NumericAnswer, context: MoodleTextContext): string {
  const { tolerance } = answer;
  if (tolerance.kind === 'absolute') return String(tolerance.amount);
  const value = Rational.fromNumber(Math.abs(answer.value));
  const percent = Rational.fromNumber(tolerance.percent);
  if (value && percent) {
    const amount = value.times(percent).dividedBy(100);
    if (amount.isDecimal()) return amount.toString();
  }
  const amount = (Math.abs(answer.value) * tolerance.percent) / 100;
  context.notes.add(
    question.id,
    'partial',
    `the tolerance ±${tolerance.percent} % is written as ±${amount}, rounded, since Moodle's tolerance is absolute`,
  );
  return String(amount);
}
