import { TEXT_ANSWER_MAX_LENGTH, type RefusedSave } from '@examforge/server/api';

/** Where a written answer stands against the limit: well within, within its last tenth, or over. */
export type LengthState = 'within' | 'near' | 'over';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * @example
 * lengthState(46_000); // 'near'
 */
export function lengthState(length: number, limit = TEXT_ANSWER_MAX_LENGTH): LengthState {
  if (length > limit) return 'over';
  return length >= limit * 0.9 ? 'near' : 'within';
}

/**
 * The counter beside the text box.
 *
 * @example
 * describeLength(1234); // '1,234 of 50,000 characters'
 */
export function describeLength(length: number, limit = TEXT_ANSWER_MAX_LENGTH): string {
  return `${count(length)} of ${count(limit)} characters`;
}

/**
 * The counter's words: the count against the limit and, once over it, by how much and that it is not saved, so the
 * over-limit state reads in words and not by colour alone.
 *
 * @example
 * describeCounter(50_120); // '50,120 of 50,000 characters — 120 over the limit, not saved'
 */
export function describeCounter(length: number, limit = TEXT_ANSWER_MAX_LENGTH): string {
  const counted = describeLength(length, limit);
  return length > limit ? `${counted} — ${count(length - limit)} over the limit, not saved` : counted;
}

/**
 * What a screen reader is told, politely, when the answer's standing changes (never on every keystroke): nothing while
 * well within the limit.
 *
 * @example
 * lengthAnnouncement('over', 50_120); // 'Your answer is 120 characters over the limit of 50,000 and will not be saved'
 */
export function lengthAnnouncement(state: LengthState, length: number, limit = TEXT_ANSWER_MAX_LENGTH): string {
  switch (state) {
    case 'within':
      return '';
    case 'near':
      return `Your answer is near the limit: ${describeLength(length, limit)}`;
    case 'over':
      return `Your answer is ${count(length - limit)} characters over the limit of ${count(limit)} and will not be saved`;
  }
}

/**
 * The message at a question whose answer was refused, naming the question.
 *
 * @example
 * refusalMessage(27, refused); // 'Question 27 is not saved: your answer is 50,120 characters long …'
 */
export function refusalMessage(questionNumber: number, refused: Pick<RefusedSave, 'length' | 'limit'>): string {
  return (
    `Question ${questionNumber} is not saved: your answer is ${count(refused.length)} characters long and the limit ` +
    `is ${count(refused.limit)}. Shorten it by ${count(refused.length - refused.limit)} characters to save it; ` +
    'your other answers are saved.'
  );
}

/**
 * Why a submit stops while answers are refused for their length: a submit would end the attempt without them.
 *
 * @example
 * tooLongToSubmit([27]); // 'Question 27 is too long to save: …'
 */
export function tooLongToSubmit(questionNumbers: readonly number[]): string {
  const which =
    questionNumbers.length === 1
      ? `Question ${questionNumbers[0] ?? ''} is`
      : `Questions ${questionNumbers.join(', ')} are`;
  return (
    `${which} too long to save: shorten ${questionNumbers.length === 1 ? 'it' : 'them'} to at most ` +
    `${count(TEXT_ANSWER_MAX_LENGTH)} characters, then submit. Nothing was submitted.`
  );
}
