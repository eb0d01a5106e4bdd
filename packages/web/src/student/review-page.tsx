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
import { reviewSummary, type InvalidAnswer, type InvalidReason } from '../lib/exam-view/review-summary.js';
import { ExamHeader } from './exam-header.js';
import { useExamSessionContext } from './exam-session-context.js';

/**
 * `/exam/review`: what is unanswered, what would not be handed in as it stands (too long, not saved yet) and what is
 * flagged, each question a link to it, then the confirmation. Submitting first sends every
 * waiting change; if that fails (offline), nothing is submitted and the student is told why.
 */
export function ReviewPage() {
  const session = useExamSessionContext();
  const { view, book, status, timing } = session;
  usePageTitle(`Review · ${view.title}`);
  const summary = reviewSummary(view, book, { refused: new Set(session.refusals.keys()), waiting: session.waiting });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const tooLong = summary.invalid.filter(({ reason }) => reason === 'too-long').map(({ question }) => question);
  const submit = useSubmit(session.flushNow, tooLong);
  return (
    <div className="exam-shell" data-testid="review-page">
      <ExamHeader title={view.title} timing={timing} status={status} announced={session.announcedWarning} />
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
        <InvalidAnswers invalid={summary.invalid} />
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
              <QuestionLink question={question} testId={`${testId}-${question.id}`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Back to the exam at this question, focus on its heading (its page in one-question mode). */
function QuestionLink({ question, testId, note }: { question: StudentQuestionView; testId: string; note?: string }) {
  return (
    <Link
      to={`/exam?q=${encodeURIComponent(question.id)}`}
      state={{ focus: true }}
      className="chip"
      data-testid={testId}
    >
      Question {question.number}
      {note !== undefined && <span className="chip-note">: {note}</span>}
    </Link>
  );
}

const INVALID_NOTE: Record<InvalidReason, string> = {
  'too-long': 'over the length limit',
  'not-saved': 'not saved yet',
};

/** Answers that would not be handed in as they stand: each says why, in words. */
function InvalidAnswers({ invalid }: { readonly invalid: readonly InvalidAnswer[] }) {
  return (
    <section
      className="review-list"
      aria-labelledby="review-invalid-title"
      data-testid="review-invalid"
      data-count={invalid.length}
    >
      <h2 id="review-invalid-title">Not handed in as they stand ({invalid.length})</h2>
      {invalid.length === 0 ? (
        <p>Every answer is saved and within the limits.</p>
      ) : (
        <ul className="chip-list">
          {invalid.map(({ question, reason }) => (
            <li key={question.id} data-reason={reason}>
              <QuestionLink question={question} testId={`review-invalid-${question.id}`} note={INVALID_NOTE[reason]} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
