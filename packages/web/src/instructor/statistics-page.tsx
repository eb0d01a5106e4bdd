import type { AnalysisView, CheckResultView } from '@examforge/server/api';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { fetchSittingAnalysis, fetchVersionAnalysis } from '../api/analysis-api.js';
import { fetchPreview, fetchVerifyReport } from '../api/exams-api.js';
import { queryKeys } from '../api/query-keys.js';
import { fetchSitting } from '../api/sittings-api.js';
import { Loading } from '../components/loading.js';
import { PlainError } from '../components/plain-error.js';
import { questionsOf } from '../lib/exam-view/read-exam-view.js';
import { AnalysisDownloads } from './analysis-downloads.js';
import { AnalysisScopeControl, scopeSentence, type AnalysisScopeKind } from './analysis-scope-control.js';
import { DiscriminationScatter } from './discrimination-scatter.js';
import { ItemDetail } from './item-detail.js';
import { ItemTable } from './item-table.js';
import { ScoreHistogram } from './score-histogram.js';
import { TestFigures } from './test-figures.js';

/**
 * `/instructor/sittings/:sittingId/statistics` (a tab of the sitting): the item analysis of the sitting's finished attempts, or with
 * `?scope=version` of every sitting of its exam version together, with charts, each question's flags beside what the
 * exam's answer checks computed, and the same analysis as files to download.
 */
export function StatisticsPage() {
  const { sittingId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const kind: AnalysisScopeKind = params.get('scope') === 'version' ? 'version' : 'sitting';
  const sitting = useQuery({ queryKey: queryKeys.sitting(sittingId), queryFn: () => fetchSitting(sittingId) });
  const analysis = useQuery({
    queryKey: queryKeys.analysis(sittingId),
    queryFn: () => fetchSittingAnalysis(sittingId),
  });
  const shown = useScopedAnalysis(kind, analysis);
  if (sitting.isPending || analysis.isPending) return <Loading label="Loading the statistics…" />;
  if (sitting.isError) return <StatisticsError error={sitting.error} what="The sitting could not be loaded." />;
  if (analysis.isError) return <StatisticsError error={analysis.error} what="The statistics could not be loaded." />;
  const choose = (next: AnalysisScopeKind) => setParams(next === 'version' ? { scope: 'version' } : {});
  return (
    <section className="sitting-section" aria-labelledby="statistics-title" data-testid="statistics-page">
      <h2 id="statistics-title">Statistics</h2>
      <AnalysisScopeControl kind={kind} version={analysis.data.scope.version} onChange={choose} />
      {shown.isPending && <Loading label="Loading the statistics of every sitting…" />}
      {shown.isError && (
        <PlainError title="The statistics could not be loaded." error={shown.error} testId="statistics-error" />
      )}
      {shown.data && (
        <>
          <p data-testid="analysis-scope-sentence">{scopeSentence(shown.data.scope)}</p>
          {shown.data.attempts > 0 && <AnalysisDownloads scope={shown.data.scope} />}
          <StatisticsBody analysis={shown.data} examId={sitting.data.examId} />
        </>
      )}
    </section>
  );
}

/** The analysis of the chosen scope: the sitting's as loaded, or its version's (asked for once the version is known). */
function useScopedAnalysis(
  kind: AnalysisScopeKind,
  sitting: UseQueryResult<AnalysisView>,
): UseQueryResult<AnalysisView> {
  const scope = sitting.data?.scope;
  const version = useQuery({
    queryKey: queryKeys.versionAnalysis(scope?.examId ?? '', scope?.version ?? 0),
    queryFn: () => fetchVersionAnalysis(scope?.examId ?? '', scope?.version ?? 0),
    enabled: kind === 'version' && scope !== undefined,
  });
  return kind === 'version' ? version : sitting;
}

function StatisticsError({ error, what }: { readonly error: unknown; readonly what: string }) {
  return (
    <section className="sitting-section" aria-labelledby="statistics-title" data-testid="statistics-page">
      <h2 id="statistics-title">Statistics</h2>
      <PlainError title={what} error={error} testId="statistics-error" />
    </section>
  );
}

function StatisticsBody({ analysis, examId }: { readonly analysis: AnalysisView; readonly examId: string }) {
  const checks = useChecks(examId);
  const labelOf = useQuestionLabels(examId);
  if (analysis.attempts === 0) {
    return (
      <p data-testid="statistics-empty">
        No attempt has finished yet: the statistics appear once students submit, their time runs out or paper answers
        are read. {analysis.openAttempts > 0 && `${analysis.openAttempts} still open.`}
      </p>
    );
  }
  return (
    <>
      <nav className="section-nav no-print" aria-label="On this page">
        <a href="#test-title">The test</a> <a href="#charts-title">Charts</a> <a href="#items-title">Questions</a>
      </nav>
      <TestFigures analysis={analysis} labelOf={labelOf} />
      <section aria-labelledby="charts-title" className="sitting-section">
        <h2 id="charts-title">Charts</h2>
        <div className="chart-row">
          <ScoreHistogram test={analysis.test} />
          <DiscriminationScatter items={analysis.items} />
        </div>
      </section>
      <section aria-labelledby="items-title" className="sitting-section">
        <h2 id="items-title">Questions</h2>
        {checks.status === 'loading' && <Loading label="Running the exam’s answer checks…" />}
        {checks.status === 'failed' && (
          <PlainError title="The answer checks could not run." error={checks.error} testId="checks-error" />
        )}
        <ItemTable items={analysis.items} checks={checks.byQuestion} />
        <h2 id="details-title">Each question</h2>
        {analysis.items.map((item) => (
          <ItemDetail
            key={item.questionId}
            item={item}
            examId={examId}
            check={checks.byQuestion?.get(item.questionId)}
            checked={checks.byQuestion !== undefined}
            rubric={analysis.rubricUsage.find((usage) => usage.questionId === item.questionId)}
          />
        ))}
      </section>
    </>
  );
}

type Checks =
  | { readonly status: 'loading'; readonly byQuestion?: undefined }
  | { readonly status: 'failed'; readonly error: unknown; readonly byQuestion?: undefined }
  | { readonly status: 'done'; readonly byQuestion: ReadonlyMap<string, CheckResultView> };

/** The exam's answer checks by question (the exam page's query: run once, then kept). */
function useChecks(examId: string): Checks {
  const report = useQuery({
    queryKey: queryKeys.verify(examId),
    queryFn: () => fetchVerifyReport(examId),
    staleTime: Infinity,
  });
  const byQuestion = useMemo(
    () => report.data && new Map(report.data.results.map((result) => [result.questionId, result])),
    [report.data],
  );
  if (byQuestion) return { status: 'done', byQuestion };
  if (report.isError) return { status: 'failed', error: report.error };
  return { status: 'loading' };
}

/** "Q12" for a question id, from the exam as students see it (the id until it loads, or if it cannot). */
function useQuestionLabels(examId: string): (questionId: string) => string {
  const preview = useQuery({ queryKey: queryKeys.preview(examId), queryFn: () => fetchPreview(examId) });
  return useMemo(() => {
    const numbers = new Map(
      preview.data ? questionsOf(preview.data).map((question) => [question.id, question.number]) : [],
    );
    return (questionId: string) => {
      const number = numbers.get(questionId);
      return number === undefined ? questionId : `Q${number}`;
    };
  }, [preview.data]);
}
