import type { StudentExamView, StudentQuestionView } from '@examforge/core';
import { entryOf, isAnswered, type AnswerBook } from '../answers/answer-book.js';
import { questionsOf } from './read-exam-view.js';

export interface ReviewSummary {
  readonly total: number;
  readonly answered: number;
  readonly unanswered: readonly StudentQuestionView[];
  readonly flagged: readonly StudentQuestionView[];
}

/**
 * What the review page lists before a submit: the questions still unanswered and those flagged, in the order shown.
 *
 * @example
 * const { unanswered, flagged } = reviewSummary(view, book);
 */
export function reviewSummary(view: StudentExamView, book: AnswerBook): ReviewSummary {
  const questions = questionsOf(view);
  const unanswered = questions.filter((question) => !isAnswered(entryOf(book, question.id).answer));
  const flagged = questions.filter((question) => entryOf(book, question.id).flagged);
  return { total: questions.length, answered: questions.length - unanswered.length, unanswered, flagged };
}
