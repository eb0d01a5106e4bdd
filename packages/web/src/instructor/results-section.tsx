import type { StudentExamView, StudentQuestionView } from '@examforge/core';
import type { ResultRow } from '@examforge/server/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useManagesSitting } from '../accounts/use-manages-exam.js';
import { responsesCsvUrl } from '../api/grading-exports-api.js';
import { fetchResults, fetchSitting, resultsCsvUrl } from '../api/sittings-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { questionsOf } from '../lib/exam-view/read-exam-view.js';
import { ungradedByQuestion } from '../lib/format/ungraded-by-question.js';
import { unscoredSentence } from '../lib/format/unscored-marks.js';
import { GradingLeft } from './grading-left.js';
import { ReleaseResultsControl } from './release-results-control.js';
import { ReleaseSolutionsControl } from './release-solutions-control.js';
import { ScrollRegion } from '../components/scroll-region.js';

interface ResultsSectionProps {
  readonly sittingId: string;
  /** The exam's questions, to order and name the columns; without it, the server's order and ids. */
  readonly view: StudentExamView | undefined;
}

/**
 * Every student's points per question and total, recomputed by the server after each key change or drop. Answers not
 * read from a scan show as "not read", never as 0 or a blank, and the total says how many there are. Above the table:
 * how much grading is left per written question and, for instructors, releasing the results (confirmed when answers
 * are still ungraded).
 */
export function ResultsSection({ sittingId, view }: ResultsSectionProps) {
  const manages = useManagesSitting(sittingId);
  const results = useQuery({ queryKey: queryKeys.results(sittingId), queryFn: () => fetchResults(sittingId) });
  const sitting = useQuery({ queryKey: queryKeys.sitting(sittingId), queryFn: () => fetchSitting(sittingId) });
  const columns = results.data ? columnsOf(view, results.data) : [];
  const ungraded = results.data ? ungradedByQuestion(results.data, columns) : [];
  return (
    <section className="sitting-section" aria-labelledby="results-title" id="results">
      <h2 id="results-title">Results</h2>
      <p>
        <a className="button" href={resultsCsvUrl(sittingId)} download data-testid="results-csv">
          Download results.csv
        </a>{' '}
        <a className="button" href={responsesCsvUrl(sittingId)} download data-testid="responses-csv">
          Download responses.csv
        </a>
      </p>
      {results.isPending && <Loading />}
      {results.isError && <ErrorNotice title="Could not load the results." error={results.error} />}
      {results.data && <UnscoredNote rows={results.data} />}
      {results.data && <GradingLeft ungraded={ungraded} />}
      {results.data && sitting.data && manages && <ReleaseResultsControl sitting={sitting.data} ungraded={ungraded} />}
      {sitting.data && manages && <ReleaseSolutionsControl sitting={sitting.data} />}
      {results.data && <ResultsTable sittingId={sittingId} rows={results.data} columns={columns} />}
    </section>
  );
}

/** Why totals are out of less than the paper's marks; every student is scored against the same version. */
function UnscoredNote({ rows }: { readonly rows: readonly ResultRow[] }) {
  const row = rows.find((candidate) => candidate.unscored !== undefined);
  if (!row?.unscored || row.maximum === undefined) return null;
  return (
    <p className="results-note" data-testid="results-unscored">
      {unscoredSentence(row.maximum, row.unscored, (question) => `Q${question.number} ${question.questionId}`)}
    </p>
  );
}

interface Column {
  readonly questionId: string;
  readonly label: string;
}

function columnsOf(view: StudentExamView | undefined, rows: readonly ResultRow[]): readonly Column[] {
  if (view)
    return questionsOf(view).map((question: StudentQuestionView) => ({
      questionId: question.id,
      label: `Q${question.number}`,
    }));
  return Object.keys(rows[0]?.questions ?? {}).map((questionId) => ({ questionId, label: questionId }));
}

function ResultsTable({
  sittingId,
  rows,
  columns,
}: {
  readonly sittingId: string;
  readonly rows: readonly ResultRow[];
  readonly columns: readonly Column[];
}) {
  if (rows.length === 0) return <p>No students yet.</p>;
  return (
    // A wide table scrolls sideways: the region takes the focus so the keyboard can scroll it too.
    <ScrollRegion label="Results by student">
      <table className="table results-table" data-testid="results-table">
        <thead>
          <tr>
            <th scope="col">Student number</th>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Total</th>
            {columns.map((column) => (
              <th scope="col" key={column.questionId} title={column.questionId}>
                {column.label}
              </th>
            ))}
            <th scope="col">Flagged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rosterId} data-testid={`results-row-${row.studentNumber}`}>
              <td>{row.studentNumber}</td>
              <th scope="row">
                {row.attemptId === undefined ? (
                  row.name
                ) : (
                  <Link
                    to={`/instructor/sittings/${encodeURIComponent(sittingId)}/attempts/${encodeURIComponent(row.attemptId)}`}
                    data-testid={`responses-link-${row.studentNumber}`}
                  >
                    {row.name}
                  </Link>
                )}
              </th>
              <td>{row.source === 'paper' ? `${row.status} (paper)` : row.status}</td>
              <td className="numeric" data-testid={`results-total-${row.studentNumber}`}>
                {row.total === undefined ? '—' : `${row.total} / ${row.maximum ?? '?'}`}
                {row.notRead.length > 0 && (
                  <span className="not-read" data-testid={`results-not-read-${row.studentNumber}`}>
                    {' '}
                    ({row.notRead.length} not read)
                  </span>
                )}
              </td>
              {columns.map((column) =>
                row.notRead.includes(column.questionId) ? (
                  <td
                    className="not-read"
                    key={column.questionId}
                    title="Not read from the scan: counts 0 until the page is read"
                    data-testid={`results-cell-${row.studentNumber}-${column.questionId}`}
                  >
                    not read
                  </td>
                ) : (
                  <td
                    className="numeric"
                    key={column.questionId}
                    data-testid={`results-cell-${row.studentNumber}-${column.questionId}`}
                  >
                    {row.questions[column.questionId] ?? '—'}
                  </td>
                ),
              )}
              <td>{row.flagged.length === 0 ? '—' : row.flagged.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
