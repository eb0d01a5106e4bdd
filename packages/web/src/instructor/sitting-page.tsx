import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useManagesSitting } from '../accounts/use-manages-exam.js';
import { fetchPreview } from '../api/exams-api.js';
import { fetchSitting } from '../api/sittings-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { usePageTitle } from '../components/use-page-title.js';
import { questionsOf } from '../lib/exam-view/read-exam-view.js';
import { formatDateTime, formatMinutes } from '../lib/format/format-time.js';
import { DropQuestionForm } from './drop-question-form.js';
import { GradingSection } from './grading-section.js';
import { KeyChangeForm } from './key-change-form.js';
import { MonitorSection } from './monitor-section.js';
import { PaperSection } from './paper-section.js';
import { RegradeRequestsSection } from './regrade-requests-section.js';
import { ResultsSection } from './results-section.js';
import { RosterSection } from './roster-section.js';
import { StudentReleasesSection } from './student-releases-section.js';

/** `/instructor/sittings/:sittingId`: roster, live monitor, results, and the regrading actions. */
export function SittingPage() {
  const { sittingId = '' } = useParams();
  const manages = useManagesSitting(sittingId);
  const sitting = useQuery({ queryKey: queryKeys.sitting(sittingId), queryFn: () => fetchSitting(sittingId) });
  const examId = sitting.data?.examId;
  const preview = useQuery({
    queryKey: queryKeys.preview(examId ?? ''),
    queryFn: () => fetchPreview(examId ?? ''),
    enabled: examId !== undefined,
  });
  usePageTitle(sitting.data?.title ?? 'Sitting');
  if (sitting.isPending) return <Loading />;
  if (sitting.isError) return <ErrorNotice title="Could not load the sitting." error={sitting.error} />;
  const details = sitting.data;
  const questions = preview.data ? questionsOf(preview.data) : [];
  const choiceQuestions = questions.filter((question) => question.kind === 'single' || question.kind === 'multiple');
  return (
    <main className="page page-wide" data-testid="sitting-page">
      <p className="no-print">
        <Link to={`/instructor/exams/${encodeURIComponent(details.examId)}`}>← {details.examTitle}</Link>
      </p>
      <h1>{details.title}</h1>
      <dl className="facts facts-inline">
        <dt>Window</dt>
        <dd>
          {formatDateTime(details.opensAt)} – {formatDateTime(details.closesAt)}
        </dd>
        <dt>Duration</dt>
        <dd>{formatMinutes(details.durationMinutes)}</dd>
        <dt>Grace</dt>
        <dd>{details.graceSeconds} s</dd>
        <dt>Shuffle</dt>
        <dd>
          {[details.shuffleQuestions && 'questions', details.shuffleOptions && 'options'].filter(Boolean).join(', ') ||
            'no'}
        </dd>
        <dt>Results</dt>
        <dd>{details.releaseResults}</dd>
        <dt>Solutions</dt>
        <dd>{details.releaseSolutions}</dd>
      </dl>
      {manages && (
        <p className="no-print">
          <Link to={`/instructor/sittings/${encodeURIComponent(sittingId)}/audit`} data-testid="audit-link">
            Audit trail
          </Link>
        </p>
      )}
      <p className="no-print">
        <Link to={`/instructor/sittings/${encodeURIComponent(sittingId)}/statistics`} data-testid="statistics-link">
          Statistics: questions, charts and answer checks
        </Link>
      </p>
      <nav className="section-nav no-print" aria-label="On this page">
        <a href="#roster">Roster</a> <a href="#monitor">Monitor</a> <a href="#paper">Paper</a>{' '}
        <a href="#grading">Grading</a> <a href="#results">Results</a>{' '}
        {manages && <a href="#student-releases">Release per student</a>}{' '}
        <a href="#regrade-requests">Regrade requests</a>
      </nav>
      {manages && <RosterSection sittingId={sittingId} title={details.title} />}
      <MonitorSection sittingId={sittingId} />
      <PaperSection sittingId={sittingId} canUpload={manages} />
      <GradingSection sittingId={sittingId} />
      <ResultsSection sittingId={sittingId} view={preview.data} />
      {manages && <StudentReleasesSection sittingId={sittingId} />}
      <RegradeRequestsSection sitting={details} manages={manages} />
      {preview.isError && <ErrorNotice title="The questions could not be loaded." error={preview.error} />}
      {manages && questions.length > 0 && (
        <section className="sitting-section no-print" aria-labelledby="regrade-title">
          <h2 id="regrade-title">Regrade</h2>
          <div className="card-row">
            {choiceQuestions.length > 0 && <KeyChangeForm sittingId={sittingId} questions={choiceQuestions} />}
            <DropQuestionForm sittingId={sittingId} questions={questions} />
          </div>
        </section>
      )}
    </main>
  );
}
