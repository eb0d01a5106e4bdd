import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchGradingProgress } from '../api/grading-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { describeGradingLeft } from '../lib/grading/grading-progress-text.js';

/** The sitting page's way into grading, saying how much is left. */
export function GradingSection({ sittingId }: { readonly sittingId: string }) {
  const progress = useQuery({
    queryKey: queryKeys.grading(sittingId),
    queryFn: () => fetchGradingProgress(sittingId),
  });
  return (
    <section id="grading" className="sitting-section no-print" aria-labelledby="grading-title">
      <h2 id="grading-title">Grading</h2>
      {progress.isError && <ErrorNotice title="Could not load the grading progress." error={progress.error} />}
      {progress.data?.length === 0 ? (
        <p>This exam has no written questions.</p>
      ) : (
        <p>
          <Link to={`/instructor/sittings/${encodeURIComponent(sittingId)}/grading`} data-testid="grading-link">
            Grade written answers
          </Link>{' '}
          {progress.data && <span data-testid="grading-summary">({describeGradingLeft(progress.data)})</span>}
        </p>
      )}
    </section>
  );
}
