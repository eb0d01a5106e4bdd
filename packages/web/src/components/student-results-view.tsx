import type { StudentExamView, StudentQuestionView } from '@examforge/core';
import type { StudentResults } from '@examforge/server/api';
import type { ReactNode } from 'react';
import { questionsOf } from '../lib/exam-view/read-exam-view.js';
import { formatStatus } from '../lib/format/format-answer.js';
import { unscoredSentence } from '../lib/format/unscored-marks.js';
import { AnswerView, OptionsView } from './answer-view.js';
import { GradeFeedbackView } from './grade-feedback-view.js';
import { Markdown } from './markdown-view.js';

type QuestionResult = StudentResults['questions'][number];

interface StudentResultsViewProps {
  readonly results: StudentResults;
  /** The questions, to show stems and option texts; without them only points and letters are shown. */
  readonly view: StudentExamView | undefined;
  /** What follows a question's card content (the student's regrade request, say). */
  readonly questionExtra?: (result: QuestionResult) => ReactNode;
}

/** One student's results, question by question: points, why, the answer given, the key, explanation, solution. */
export function StudentResultsView({ results, view, questionExtra }: StudentResultsViewProps) {
  const questions = new Map(view ? questionsOf(view).map((question) => [question.id, question]) : []);
  return (
    <>
      <p className="results-total">
        Total: <strong data-testid="results-total">{results.total}</strong> of {results.maximum}
      </p>
      <TotalNotes results={results} />
      <ol className="result-list">
        {results.questions.map((result) => (
          <li key={result.questionId}>
            <QuestionResultCard
              result={result}
              question={questions.get(result.questionId)}
              extra={questionExtra?.(result)}
            />
          </li>
        ))}
      </ol>
    </>
  );
}

/** Why the maximum is below the paper's marks, and what the points add up to when the total was floored at 0. */
function TotalNotes({ results }: { readonly results: StudentResults }) {
  return (
    <>
      {results.unscored && (
        <p className="results-note" data-testid="results-unscored">
          {unscoredSentence(results.maximum, results.unscored, (question) => `question ${question.number}`)}
        </p>
      )}
      {results.rawTotal !== undefined && (
        <p className="results-note" data-testid="results-raw-total">
          The questions add up to {results.rawTotal}; this exam counts a total below 0 as 0.
        </p>
      )}
    </>
  );
}

interface QuestionResultCardProps {
  readonly result: QuestionResult;
  readonly question: StudentQuestionView | undefined;
  readonly extra?: ReactNode;
}

function QuestionResultCard({ result, question, extra }: QuestionResultCardProps) {
  return (
    <article
      className="result-card"
      data-testid={`result-${result.questionId}`}
      aria-labelledby={`result-${result.questionId}-title`}
    >
      <header className="question-head">
        <h2 id={`result-${result.questionId}-title`} className="question-title">
          Question {result.number}
        </h2>
        <span className="points" data-testid={`points-${result.questionId}`}>
          {result.points} / {result.maximum}
        </span>
      </header>
      {question && <Markdown source={question.stem} className="question-stem" />}
      <dl className="facts">
        <dt>Answer</dt>
        <dd data-testid={`answer-${result.questionId}`}>
          {result.crop === undefined ? (
            <AnswerView answer={result.answer} question={question} />
          ) : (
            <img
              src={result.crop}
              alt={`Your answer to question ${result.number} as scanned from your sheet`}
              className="result-crop"
              data-testid={`crop-${result.questionId}`}
            />
          )}
        </dd>
        {result.correct !== undefined && result.correct.length > 0 && (
          <>
            <dt>Correct answer</dt>
            <dd>
              {question?.options ? (
                <OptionsView letters={result.correct} question={question} />
              ) : (
                result.correct.join(', ')
              )}
            </dd>
          </>
        )}
        <dt>Scoring</dt>
        <dd>
          <span className="status-badge">{formatStatus(result.status)}</span> {result.reason}
        </dd>
      </dl>
      {result.grade && <GradeFeedbackView grade={result.grade} questionId={result.questionId} />}
      {result.explanation !== undefined && (
        <section className="result-extra">
          <h3>Explanation</h3>
          <Markdown source={result.explanation} />
        </section>
      )}
      {result.solution !== undefined && (
        <section className="result-extra">
          <h3>Model solution</h3>
          <Markdown source={result.solution} />
        </section>
      )}
      {extra}
    </article>
  );
}
