import type { StudentExamView, StudentQuestionView } from '@examforge/core';
import { TEXT_ANSWER_MAX_LENGTH } from '@examforge/server/api';
import { entryOf, isAnswered, type AnswerBook } from '../answers/answer-book.js';
import { questionsOf } from './read-exam-view.js';

/** Why an answer cannot count as handed in yet. */
export type InvalidReason = 'too-long' | 'not-saved';

export interface InvalidAnswer {
  readonly question: StudentQuestionView;
  readonly reason: InvalidReason;
}

export interface ReviewSummary {
  readonly total: number;
  readonly answered: number;
  readonly unanswered: readonly StudentQuestionView[];
  readonly flagged: readonly StudentQuestionView[];
  /** Over the length limit (refused by the server or not), or not yet acknowledged by the server. */
  readonly invalid: readonly InvalidAnswer[];
}

/** What the device knows about saving, by question id. */
export interface SaveState {
  /** Answers the server refused (too long). */
  readonly refused: ReadonlySet<string>;
  /** Changes still waiting on this device for the server. */
  readonly waiting: ReadonlySet<string>;
}

const NOTHING_WAITING: SaveState = { refused: new Set(), waiting: new Set() };

/**
 * What the review page lists before a submit, in the order shown: the questions still unanswered, those flagged, and
 * those whose answer would not be handed in as it stands (too long, or not saved yet).
 *
 * @example
 * const { unanswered, flagged, invalid } = reviewSummary(view, book, { refused, waiting });
 */
export function reviewSummary(view: StudentExamView, book: AnswerBook, saves = NOTHING_WAITING): ReviewSummary {
  const questions = questionsOf(view);
  const unanswered = questions.filter((question) => !isAnswered(entryOf(book, question.id).answer));
  const flagged = questions.filter((question) => entryOf(book, question.id).flagged);
  const invalid = questions.flatMap((question): InvalidAnswer[] => {
    const reason = invalidReason(question.id, book, saves);
    return reason ? [{ question, reason }] : [];
  });
  return { total: questions.length, answered: questions.length - unanswered.length, unanswered, flagged, invalid };
}

function invalidReason(questionId: string, book: AnswerBook, saves: SaveState): InvalidReason | undefined {
  const { answer } = entryOf(book, questionId);
  const overLimit = answer.kind === 'text' && answer.text.length > TEXT_ANSWER_MAX_LENGTH;
  if (overLimit || saves.refused.has(questionId)) return 'too-long';
  return saves.waiting.has(questionId) ? 'not-saved' : undefined;
}
