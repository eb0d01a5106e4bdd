import { useQuery } from '@tanstack/react-query';
import type { CheckResultView, ComputedSummaryView } from '@examforge/server/api';
import { fetchVerifyReport } from '../api/exams-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { VERDICT_WORDS as VERDICTS } from '../lib/statistics/verdict-words.js';
import { ScrollRegion } from '../components/scroll-region.js';

/**
 * What the executable checks say of the key (`examforge verify`): per question the marked key, the computed answer
 * and the verdict. A disagreement is a finding for the instructor to look at, never changed silently.
 */
export function VerifySection({ examId }: { readonly examId: string }) {
  const report = useQuery({
    queryKey: queryKeys.verify(examId),
    queryFn: () => fetchVerifyReport(examId),
    staleTime: Infinity,
  });
  return (
    <section aria-labelledby="verify-title" data-testid="verify-section">
      <h2 id="verify-title">Answer checks</h2>
      {report.isPending && <Loading label="Running the answer checks…" />}
      {report.isError && <ErrorNotice title="Could not run the answer checks." error={report.error} />}
      {report.data && report.data.results.length === 0 && report.data.computed.length === 0 && (
        <p>No question of this exam carries an executable check or a generator.</p>
      )}
      {report.data && report.data.results.length > 0 && <CheckTable results={report.data.results} />}
      {report.data && report.data.computed.length > 0 && <ComputedTable summaries={report.data.computed} />}
    </section>
  );
}

/** "18 checks: 7 agree, 2 disagree, …" */
function summary(results: readonly CheckResultView[]): string {
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result.verdict, (counts.get(result.verdict) ?? 0) + 1);
  const parts = [...counts].map(
    ([verdict, count]) => `${count} ${VERDICTS[verdict as CheckResultView['verdict']].text}`,
  );
  return `${results.length} checks: ${parts.join(', ')}.`;
}

/** A computed tensor can run to hundreds of numbers; the table shows its start (the whole value is the tooltip). */
function shortened(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 77)}…`;
}

function CheckTable({ results }: { readonly results: readonly CheckResultView[] }) {
  return (
    <>
      <p>{summary(results)}</p>
      <ScrollRegion label="Answer checks by question">
        <table className="table verify-table" data-testid="verify-table">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Key</th>
              <th scope="col">Computed</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.questionId} data-testid={`verify-${result.questionId}`}>
                <td>
                  Q{result.number} <span className="muted">{result.questionId}</span>
                  {result.convention && <div className="muted">Convention: {result.convention}</div>}
                </td>
                <td>{result.markedKey ?? '—'}</td>
                <td className="verify-computed">
                  <code title={result.computed}>{shortened(result.computed ?? '—')}</code>
                  {result.matched && result.matched.length > 0 && (
                    <> → {result.matched.map((letter) => `(${letter})`).join(' ')}</>
                  )}
                  {result.error && <div className="muted">{result.error}</div>}
                </td>
                <td>
                  <span className={`status-badge status-${VERDICTS[result.verdict].tone}`}>
                    {VERDICTS[result.verdict].text}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/** Per computed question: over the verify seeds, valid instances, distinct stems, instances agreeing with the check. */
function ComputedTable({ summaries }: { readonly summaries: readonly ComputedSummaryView[] }) {
  const seeds = summaries[0]?.seeds ?? 0;
  return (
    <>
      <h3>Computed questions, {seeds} seeds each</h3>
      <ScrollRegion label="Computed questions">
        <table className="table verify-table" data-testid="verify-computed-table">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Valid</th>
              <th scope="col">Distinct stems</th>
              <th scope="col">Check agrees</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((item) => (
              <tr key={item.questionId} data-testid={`verify-computed-${item.questionId}`}>
                <td>
                  Q{item.number} <span className="muted">{item.questionId}</span>
                  {item.firstProblem && (
                    <div className="muted">
                      First problem, seed “{item.firstProblem.seed}”: {item.firstProblem.message}
                    </div>
                  )}
                </td>
                <td>
                  {item.valid}/{item.seeds}
                </td>
                <td>{item.distinctStems}</td>
                <td>{item.checkAgrees === undefined ? '— (no check)' : `${item.checkAgrees}/${item.valid}`}</td>
                <td>
                  <span className={`status-badge status-${item.needsAttention ? 'expired' : 'submitted'}`}>
                    {item.needsAttention ? 'needs attention' : 'ok'}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
