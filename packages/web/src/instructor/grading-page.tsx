import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useManagesSitting } from '../accounts/use-manages-exam.js';
import { fetchGradingProgress } from '../api/grading-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { usePageTitle } from '../components/use-page-title.js';
import { GradingQuestionList } from './grading-question-list.js';
import { NamesControl } from './names-control.js';
import { useNamesRevealed } from './use-names-revealed.js';

/**
 * `/instructor/sittings/:sittingId/grading`: the sitting's written questions with how much of each is graded; a
 * question opens its queue. Instructors reveal or hide students' names here.
 */
export function GradingPage() {
  const { sittingId = '' } = useParams();
  const manages = useManagesSitting(sittingId);
  usePageTitle('Grading');
  const progress = useQuery({
    queryKey: queryKeys.grading(sittingId),
    queryFn: () => fetchGradingProgress(sittingId),
  });
  const revealed = useNamesRevealed(sittingId, progress.data?.[0]?.questionId);
  return (
    <main className="page page-wide" data-testid="grading-page">
      <p>
        <Link to={`/instructor/sittings/${encodeURIComponent(sittingId)}`}>← Back to the sitting</Link>
      </p>
      <h1>Grading</h1>
      <p>Grade one question at a time: each question&apos;s answers come one by one, with its rubric beside them.</p>
      {progress.isPending && <Loading />}
      {progress.isError && <ErrorNotice title="Could not load the grading progress." error={progress.error} />}
      {progress.data && <GradingQuestionList sittingId={sittingId} progress={progress.data} />}
      {manages && <NamesControl sittingId={sittingId} revealed={revealed} />}
    </main>
  );
}
