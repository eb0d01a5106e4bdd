import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useManagesSitting } from '../accounts/use-manages-exam.js';
import { fetchGradingProgress } from '../api/grading-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { GradingQuestionList } from './grading-question-list.js';
import { NamesControl } from './names-control.js';
import { RegradeRequestsSection } from './regrade-requests-section.js';
import { useSittingTab } from './sitting-layout.js';
import { useNamesRevealed } from './use-names-revealed.js';

/**
 * `/instructor/sittings/:sittingId/grading` (a tab of the sitting): the written questions with how much of each is
 * graded, a question opening its queue; instructors reveal or hide students' names here. Below, the regrade requests.
 */
export function GradingPage() {
  const { sittingId = '' } = useParams();
  const manages = useManagesSitting(sittingId);
  const { sitting } = useSittingTab();
  const progress = useQuery({
    queryKey: queryKeys.grading(sittingId),
    queryFn: () => fetchGradingProgress(sittingId),
  });
  const revealed = useNamesRevealed(sittingId, progress.data?.[0]?.questionId);
  return (
    <section className="sitting-section" aria-labelledby="grading-title" data-testid="grading-page">
      <h2 id="grading-title">Grading</h2>
      <p>Grade one question at a time: each question&apos;s answers come one by one, with its rubric beside them.</p>
      {progress.isPending && <Loading />}
      {progress.isError && <ErrorNotice title="Could not load the grading progress." error={progress.error} />}
      {progress.data && <GradingQuestionList sittingId={sittingId} progress={progress.data} />}
      {manages && <NamesControl sittingId={sittingId} revealed={revealed} />}
      <RegradeRequestsSection sitting={sitting} manages={manages} />
    </section>
  );
}
