import type { RubricItem } from '@examforge/core';
import type { Element } from '@xmldom/xmldom';
import { escapeMarkdown } from '../markdown-text.js';
import type { QuestionDraft } from '../question-builder.js';
import { childElement, childElements, childPath, childText } from './import-moodle-document.js';
import { moodleFraction } from './import-moodle-fractions.js';
import { commonFields, noteAbout, textOf, type MoodleQuestionContext } from './import-moodle-question.js';
import { moodleText } from './import-moodle-text.js';

/** An `essay` question: a written question, the grader information as its model solution. */
export function convertEssay(context: MoodleQuestionContext): QuestionDraft {
  const solution = textOf(context, 'graderinfo');
  return { ...commonFields(context), kind: 'free', rubric: [], ...(solution !== '' && { solution }) };
}

/**
 * A `shortanswer` question has no automatically marked equivalent in Examforge: it becomes a written question whose
 * rubric lists each accepted answer with its points (grade × marks), and a note says so.
 */
export function convertShortAnswer(context: MoodleQuestionContext): QuestionDraft | undefined {
  const answers = childElements(context.question, 'answer').flatMap((element) => {
    const weight = moodleFraction(element.getAttribute('fraction') ?? '');
    const path = childPath(context.path, context.question, element);
    const text = moodleText(element, context, path, true);
    return weight?.isPositive() && text !== '' ? [{ text, weight }] : [];
  });
  if (answers.length === 0) {
    context.notes.push(
      noteAbout(context, 'left out: a short-answer question with no answer graded above 0 %', 'left-out'),
    );
    return undefined;
  }
  const caseSensitive = childText(context.question, 'usecase') === '1';
  const rubric: RubricItem[] = answers.map((answer, index) => ({
    id: `r${index + 1}`,
    points: context.marks.times(answer.weight),
    text: `answers ${answer.text}${answer.weight.equals(1) ? '' : ` (${answer.weight.times(100).format(2)} % in Moodle)`}`,
  }));
  const accepted = answers.map((answer) => answer.text).join('; ');
  const solution = `Accepted answers${caseSensitive ? ' (case matters)' : ''}: ${accepted}${answers.some((a) => a.text.includes('\\*')) ? '. In Moodle `*` matches any text.' : ''}`;
  context.notes.push(
    noteAbout(
      context,
      'a short-answer question is marked by hand in Examforge: it became a written question whose rubric lists the accepted answers',
      'free-response',
    ),
  );
  return { ...commonFields(context), kind: 'free', rubric, solution };
}

/**
 * A `numerical` question: the answer graded 100 % with its tolerance (absolute, as Moodle's); other graded answers
 * and units other than the base one are noted as left out. The base unit is added to the stem.
 */
export function convertNumerical(context: MoodleQuestionContext): QuestionDraft | undefined {
  const answers = childElements(context.question, 'answer');
  const full = answers.find((element) => moodleFraction(element.getAttribute('fraction') ?? '')?.equals(1));
  const value = full ? Number((childText(full, 'text') ?? full.textContent ?? '').trim()) : Number.NaN;
  if (!full || !Number.isFinite(value)) {
    const reason = full ? 'its 100 % answer is not a number' : 'no answer is graded 100 %';
    context.notes.push(noteAbout(context, `left out: ${reason}`, 'left-out'));
    return undefined;
  }
  const tolerance = Math.abs(Number(childText(full, 'tolerance') ?? '0')) || 0;
  // A `*` answer with a negative grade is Moodle's penalty for any other number: Examforge's wrong-answer penalty.
  const catchAll = answers.find((element) => element !== full && answerText(element) === '*');
  const catchAllFraction = catchAll && moodleFraction(catchAll.getAttribute('fraction') ?? '');
  const penalty = catchAllFraction?.isNegative() ? catchAllFraction.negated().times(context.marks) : undefined;
  const others = answers.filter(
    (element) =>
      element !== full &&
      !(penalty && element === catchAll) &&
      !moodleFraction(element.getAttribute('fraction') ?? '')?.isZero(),
  );
  if (others.length > 0) {
    const described = others
      .map((element) => `${childText(element, 'text') ?? '?'} (${element.getAttribute('fraction') ?? '?'} %)`)
      .join(', ');
    context.notes.push(
      noteAbout(
        context,
        `only the 100 % answer was kept; the partly graded answers ${described} were left out`,
        'partial',
        others[0],
      ),
    );
  }
  const unit = baseUnit(context);
  const fields = commonFields(context);
  return {
    ...fields,
    stem: unit ? `${fields.stem}\n\nGive the answer in ${escapeMarkdown(unit)}.` : fields.stem,
    kind: 'numeric',
    answer: { value, tolerance: { kind: 'absolute', amount: tolerance } },
    ...(penalty && { penalty }),
  };
}

function answerText(answer: Element): string {
  return (childText(answer, 'text') ?? answer.textContent ?? '').trim();
}

/** The unit whose multiplier is 1; other units are noted as left out. */
function baseUnit(context: MoodleQuestionContext): string | undefined {
  const units = childElement(context.question, 'units');
  const all = units ? childElements(units, 'unit') : [];
  const base = all.find((unit) => Number(childText(unit, 'multiplier') ?? '1') === 1);
  const others = all.filter((unit) => unit !== base);
  if (others.length > 0 && units) {
    const names = others.map((unit) => childText(unit, 'unit_name') ?? '?').join(', ');
    context.notes.push(
      noteAbout(
        context,
        `answers in other units (${names}) are not accepted: only ${childText(base ?? others[0] ?? units, 'unit_name') ?? 'the base unit'} is`,
        'partial',
        units,
      ),
    );
  }
  const name = base && childText(base, 'unit_name');
  return name === '' ? undefined : name;
}
