import type { ResultRow } from '@examforge/server/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { fetchPreview } from '../api/exams-api.js';
import { fetchAttemptResults, fetchSitting } from '../api/sittings-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { StudentResultsView } from '../components/student-results-view.js';
import { usePageTitle } from '../components/use-page-title.js';

/** `/instructor/sittings/:sittingId/attempts/:attemptId`: one student's answers and how each was scored. */
export function AttemptPage() {
  const { sittingId = '', attemptId = '' } = useParams();
  const queryClient = useQueryClient();
  const results = useQuery({
    queryKey: queryKeys.attemptDetail(sittingId, attemptId),
    queryFn: () => fetchAttemptResults(sittingId, attemptId),
  });
  const sitting = useQuery({ queryKey: queryKeys.sitting(sittingId), queryFn: () => fetchSitting(sittingId) });
  const examId = sitting.data?.examId;
  const preview = useQuery({
    queryKey: queryKeys.preview(examId ?? ''),
    queryFn: () => fetchPreview(examId ?? ''),
    enabled: examId !== undefined,
  });
  // The name comes from the results table when it is already loaded; the detail reply does not carry it.
  const row = queryClient
    .getQueryData<readonly ResultRow[]>(queryKeys.results(sittingId))
    ?.find((candidate) => candidate.attemptId === attemptId);
  usePageTitle(row ? `Responses of ${row.name}` : 'Responses');
  return (
    <main className="page" data-testid="attempt-page">
      <p>
        <Link to={`/instructor/sittings/${encodeURIComponent(sittingId)}/results`}>
          ← Results of {sitting.data?.title ?? 'the sitting'}
        </Link>
      </p>
      <h1>{row ? `${row.name} (${row.studentNumber})` : 'Responses'}</h1>
      {results.isPending && <Loading />}
      {results.isError && <ErrorNotice title="Could not load the responses." error={results.error} />}
      {results.data && <StudentResultsView results={results.data} view={preview.data} />}
    </main>
  );
}
