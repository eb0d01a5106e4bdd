import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, Navigate } from 'react-router';
import { fetchAttempt, fetchStudentResults } from '../api/attempt-api.js';
import { fetchOwnRegrades } from '../api/regrades-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { StudentResultsView } from '../components/student-results-view.js';
import { useMe } from '../components/use-me.js';
import { usePageTitle } from '../components/use-page-title.js';
import { formatDateTime } from '../lib/format/format-time.js';
import { readExamView } from '../lib/exam-view/read-exam-view.js';
import { RegradeRequestControl } from './regrade-request-control.js';

/** `/results`: the student's released results, with the questions as they saw them. */
export function ResultsPage() {
  usePageTitle('Your results');
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not check who is signed in" error={me.error} />;
  if (me.data.kind !== 'student') return <Navigate to="/" replace />;
  return <StudentResults />;
}

function StudentResults() {
  const results = useQuery({ queryKey: queryKeys.attemptResults, queryFn: fetchStudentResults });
  const attempt = useQuery({ queryKey: queryKeys.attempt, queryFn: fetchAttempt });
  const regrades = useQuery({
    queryKey: queryKeys.ownRegrades,
    queryFn: fetchOwnRegrades,
    enabled: results.isSuccess,
  });
  const exam = attempt.data?.body.exam;
  const view = useMemo(() => readExamView(exam), [exam]);
  return (
    <main className="page" data-testid="results-page">
      <p>
        <Link to="/exam">← Back to the exam page</Link>
      </p>
      <h1>Your results</h1>
      {attempt.data && <p className="lead">{attempt.data.body.sitting.title}</p>}
      {results.isPending && <Loading label="Loading your results…" />}
      {results.isError && <ErrorNotice title="No results to show." error={results.error} />}
      {regrades.data?.window.open && regrades.data.window.until !== undefined && (
        <p className="notice notice-info" data-testid="regrade-window">
          You may ask for a regrade of a question, with your reason, until {formatDateTime(regrades.data.window.until)}.
        </p>
      )}
      {results.data && (
        <StudentResultsView
          results={results.data}
          view={view}
          questionExtra={(result) =>
            regrades.data && (
              <RegradeRequestControl questionId={result.questionId} number={result.number} regrades={regrades.data} />
            )
          }
        />
      )}
      {results.data?.sheetPages && <ScannedSheet pages={results.data.sheetPages} />}
    </main>
  );
}

/** The student's scanned answer sheet as it was read: what counted, what did not, and the points per question. */
function ScannedSheet({ pages }: { readonly pages: readonly number[] }) {
  return (
    <section className="scanned-sheet" aria-labelledby="scanned-sheet-title">
      <h2 id="scanned-sheet-title">Your answer sheet as it was read</h2>
      <p>
        Green rings: complete fills, counted as answers. Red: marks that are not answers (partial fills, ticks,
        crosses). Blue: the right options, once solutions are released. Each row ends with its points.
      </p>
      {pages.map((page) => (
        <figure key={page}>
          <a href={`/api/attempt/sheet/${page}`} target="_blank" rel="noreferrer">
            <img
              src={`/api/attempt/sheet/${page}`}
              alt={`Page ${page} of your scanned answer sheet, with what was read marked on it`}
              loading="lazy"
              width={600}
            />
          </a>
          <figcaption>Page {page}</figcaption>
        </figure>
      ))}
    </section>
  );
}
