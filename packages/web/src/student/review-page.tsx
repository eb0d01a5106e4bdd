import type { StudentQuestionView } from '@examforge/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ApiRequestError } from '../api/api-error.js';
import { submitAttempt } from '../api/attempt-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { usePageTitle } from '../components/use-page-title.js';
import { tooLongToSubmit } from '../lib/answers/answer-length.js';
import { questionsOf } from '../lib/exam-view/read-exam-view.js';
import { reviewSummary } from '../lib/exam-view/review-summary.js';
import { ExamHeader } from './exam-header.js';
import { useExamSessionContext } from './exam-session-context.js';

/**
 * `/exam/review`: what is unanswered and what is flagged, then the confirmation. Submitting first sends every
 * waiting change; if that fails (offline), nothing is submitted and the student is told why.
 */
export function ReviewPage() {
  const session = useExamSessionContext();
  const { view, book, status, timing } = session;
  usePageTitle(`Review · ${view.title}`);
  const summary = reviewSummary(view, book);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const tooLong = questionsOf(view).filter((question) => session.refusals.has(question.id));
  const submit = useSubmit(session.flushNow, tooLong);
  return (
    <div className="exam-shell" data-testid="review-page">
      <ExamHeader title={view.title} timing={timing} status={status} />
      <main className="page page-narrow">
        <h1 ref={heading} tabIndex={-1}>
          Review and submit
        </h1>
        <p className="lead" data-testid="review-answered">
          You have answered {summary.answered} of {summary.total} questions.
        </p>
        <QuestionLinks
          title="Not answered"
          empty="Every question has an answer."
          questions={summary.unanswered}
          testId="review-unanswered"
        />
        {tooLong.length > 0 && (
          <QuestionLinks title="Too long to save" empty="" questions={tooLong} testId="review-too-long" />
        )}
        <QuestionLinks
          title="Flagged for review"
          empty="No question is flagged."
          questions={summary.flagged}
          testId="review-flagged"
        />
        <section className="confirm-box" aria-labelledby="confirm-title">
          <h2 id="confirm-title">Submit your answers?</h2>
          <p>Once submitted, you cannot change your answers.</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={submit.isPending}
              onClick={() => submit.mutate()}
              data-testid="confirm-submit"
            >
              {submit.isPending ? 'Submitting…' : 'Yes, submit my answers'}
            </button>
            <Link to="/exam" className="button" data-testid="back-to-exam">
              Back to the questions
            </Link>
          </div>
          {submit.isError && <ErrorNotice title="Not submitted." error={submit.error} testId="submit-error" />}
        </section>
      </main>
    </div>
  );
}

function useSubmit(flushNow: () => Promise<boolean>, tooLong: readonly StudentQuestionView[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const saved = await flushNow();
      if (tooLong.length > 0) {
        const numbers = tooLong.map((question) => question.number);
        throw new ApiRequestError(0, 'answer-too-long', tooLongToSubmit(numbers));
      }
      if (!saved) {
        throw new ApiRequestError(
          0,
          'not-saved',
          'Some answers have not reached the server yet, so nothing was submitted. They are kept on this device; submit again when the connection is back.',
        );
      }
      return submitAttempt();
    },
    onSuccess: (timed) => queryClient.setQueryData(queryKeys.attempt, timed),
    onError: (error) => {
      if (error instanceof ApiRequestError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: queryKeys.attempt });
    },
  });
}

interface QuestionLinksProps {
  readonly title: string;
  readonly empty: string;
  readonly questions: readonly StudentQuestionView[];
  readonly testId: string;
}

function QuestionLinks({ title, empty, questions, testId }: QuestionLinksProps) {
  return (
    <section className="review-list" aria-label={title} data-testid={testId} data-count={questions.length}>
      <h2>
        {title} ({questions.length})
      </h2>
      {questions.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="chip-list">
          {questions.map((question) => (
            <li key={question.id}>
              <Link to="/exam" state={{ focus: question.id }} className="chip" data-testid={`${testId}-${question.id}`}>
                Question {question.number}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
