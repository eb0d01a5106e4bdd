import { TEXT_ANSWER_MAX_LENGTH, type RefusedSave, type Save } from './responses.js';

/**
 * Splits a batch into the saves to store and those refused for their own content (a written answer over
 * `TEXT_ANSWER_MAX_LENGTH`), so that one over-long answer never holds up the student's other answers.
 *
 * @example
 * const { accepted, refused } = refuseOverlongAnswers(saves); // refused[0].code === 'answer-too-long'
 */
export function refuseOverlongAnswers(saves: readonly Save[]): { accepted: Save[]; refused: RefusedSave[] } {
  const accepted: Save[] = [];
  const refused: RefusedSave[] = [];
  for (const save of saves) {
    const length = save.answer.kind === 'text' ? save.answer.text.length : 0;
    if (length <= TEXT_ANSWER_MAX_LENGTH) accepted.push(save);
    else refused.push(overlong(save, length));
  }
  return { accepted, refused };
}

function overlong(save: Save, length: number): RefusedSave {
  const count = (n: number) => n.toLocaleString('en-US');
  return {
    seq: save.seq,
    questionId: save.questionId,
    code: 'answer-too-long',
    message:
      `the answer to question \`${save.questionId}\` is ${count(length)} characters long and the limit is ` +
      `${count(TEXT_ANSWER_MAX_LENGTH)}: shorten it to save it (the other answers are saved)`,
    length,
    limit: TEXT_ANSWER_MAX_LENGTH,
  };
}
