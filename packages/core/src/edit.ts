import { optionIndex, type DropMode, type Exam, type Question } from './model.js';

/**
 * Edits that make a new exam version, used to fix a key or drop a question and regrade everyone from the stored
 * responses. The original exam is never changed.
 */

/**
 * Sets the correct options of a choice question (letters), clearing key=unknown.
 *
 * @example
 * const fixed = withKey(exam, 'dilated-conv-output-size', ['a']);
 */
export function withKey(exam: Exam, questionId: string, letters: readonly string[]): Exam {
  const wanted = new Set(letters.map(optionIndex));
  return mapQuestion(exam, questionId, (question) => {
    if (question.kind !== 'single' && question.kind !== 'multiple') {
      throw new TypeError(`withKey: \`${questionId}\` is a ${question.kind} question, not a choice question`);
    }
    for (const index of wanted) {
      if (index < 0 || index >= question.options.length) {
        throw new RangeError(`withKey: \`${questionId}\` has no option (${String.fromCharCode(97 + index)})`);
      }
    }
    const options = question.options.map((option, index) => ({ ...option, correct: wanted.has(index) }));
    const acceptAny = question.kind === 'single' && wanted.size > 1 ? { acceptAny: true } : {};
    return { ...question, options, keyUnknown: false, ...acceptAny };
  });
}

/** Drops a question: full marks to everyone, or excluded from everyone's maximum. */
export function dropQuestion(exam: Exam, questionId: string, mode: DropMode): Exam {
  return mapQuestion(exam, questionId, (question) => ({ ...question, dropped: mode }));
}

function mapQuestion(exam: Exam, questionId: string, change: (question: Question) => Question): Exam {
  if (!exam.sections.some((section) => section.questions.some((question) => question.id === questionId))) {
    throw new RangeError(`no question \`${questionId}\` in exam \`${exam.id}\``);
  }
  const sections = exam.sections.map((section) => ({
    ...section,
    questions: section.questions.map((question) => (question.id === questionId ? change(question) : question)),
  }));
  return { ...exam, sections };
}
