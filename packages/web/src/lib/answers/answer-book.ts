import type { Answer, AttemptState, Save } from '@examforge/server/api';

/** What the student has given for one question. */
export interface AnswerEntry {
  readonly answer: Answer;
  readonly flagged: boolean;
}

/** Every question's entry by question id; a question without one is blank and not flagged. */
export type AnswerBook = Readonly<Record<string, AnswerEntry>>;

export const BLANK_ENTRY: AnswerEntry = { answer: { kind: 'blank' }, flagged: false };

/** @example entryOf(book, 'q1').flagged */
export function entryOf(book: AnswerBook, questionId: string): AnswerEntry {
  return book[questionId] ?? BLANK_ENTRY;
}

/** A choice with nothing selected is as unanswered as a blank. */
export function isAnswered(answer: Answer): boolean {
  switch (answer.kind) {
    case 'blank':
      return false;
    case 'choice':
      return answer.selected.length > 0;
    case 'text':
      return answer.text.trim() !== '';
    case 'numeric':
      return true;
  }
}

export interface MergedAnswers {
  readonly book: AnswerBook;
  /** Outbox saves the server already holds (or holds something newer than): they need not be sent again. */
  readonly staleSeqs: readonly number[];
}

/**
 * After a reload: the server's saved answers, overridden by each outbox save with a higher seq (a change made
 * offline that never reached the server). An outbox save with a seq the server already has is stale.
 *
 * @example
 * mergeAnswers(attempt.answers, outbox.pending());
 */
export function mergeAnswers(server: AttemptState['answers'], outbox: readonly Save[]): MergedAnswers {
  const book: Record<string, AnswerEntry> = {};
  for (const [questionId, saved] of Object.entries(server)) {
    // Only a paper reading is `missing`, and paper attempts are closed from the start: nothing to edit.
    if (saved.answer.kind === 'missing') continue;
    book[questionId] = { answer: saved.answer, flagged: saved.flagged };
  }
  const staleSeqs: number[] = [];
  for (const save of outbox) {
    const saved = server[save.questionId];
    if (saved === undefined || save.seq > saved.seq) {
      book[save.questionId] = { answer: save.answer, flagged: save.flagged };
    } else {
      staleSeqs.push(save.seq);
    }
  }
  return { book, staleSeqs };
}
