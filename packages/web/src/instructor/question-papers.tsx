import type { PaperJob } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchPaperJobs, requestQuestionPapers } from '../api/paper-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { formatDateTime } from '../lib/format/format-time.js';

const underWay = (job: PaperJob) => job.status === 'queued' || job.status === 'running';

/**
 * The sitting's personalised question papers, drawn by the server in the background: a button asks for them, a
 * progress bar follows the job (polled while it runs, found again after a reload), and the download link appears
 * when the PDF is ready. A failure shows the server's words.
 */
export function QuestionPapers({ sittingId }: { readonly sittingId: string }) {
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: queryKeys.paperJobs(sittingId),
    queryFn: () => fetchPaperJobs(sittingId),
    refetchInterval: (query) => (query.state.data?.some(underWay) ? 1000 : false),
  });
  const request = useMutation({
    mutationFn: () => requestQuestionPapers(sittingId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.paperJobs(sittingId) }),
  });
  const running = jobs.data?.find(underWay);
  const ready = jobs.data?.find((job) => job.status === 'done');
  const latest = jobs.data?.[0];
  return (
    <section className="card" aria-labelledby="question-papers-title" data-testid="question-papers">
      <h3 id="question-papers-title">Question papers</h3>
      <p>
        Every student’s paper in their own variant, one PDF in roster order. The server draws them in the background:
        you may leave this page and come back.
      </p>
      {ready?.downloadUrl !== undefined && (
        <p>
          <a className="button" href={ready.downloadUrl} download data-testid="paper-questions">
            Download question papers (PDF, {ready.pages} pages)
          </a>{' '}
          {ready.studentsTotal} students, drawn {formatDateTime(ready.finishedAt)}
        </p>
      )}
      {running ? (
        <PaperProgress job={running} />
      ) : (
        <p>
          <button
            type="button"
            className={ready ? 'button' : 'button button-primary'}
            disabled={request.isPending || jobs.isPending}
            onClick={() => request.mutate()}
            data-testid="paper-questions-prepare"
          >
            {ready ? 'Draw the question papers again' : 'Prepare question papers (PDF)'}
          </button>
        </p>
      )}
      {latest?.status === 'failed' && (
        <p className="error-text" role="alert" data-testid="paper-questions-error">
          The question papers could not be drawn: {latest.error}
        </p>
      )}
      {request.isError && <ErrorNotice title="The question papers were not started." error={request.error} />}
      {jobs.isError && <ErrorNotice title="Could not load the question papers." error={jobs.error} />}
    </section>
  );
}

/** A job under way: a labelled progress bar, and a status line that changes only when the job's stage does. */
function PaperProgress({ job }: { readonly job: PaperJob }) {
  const label = `Question papers: ${job.studentsDone} of ${job.studentsTotal} students drawn`;
  return (
    <div data-testid="paper-questions-progress" data-status={job.status}>
      <p role="status">{job.status === 'queued' ? 'Waiting for the server to start…' : 'Drawing the papers…'}</p>
      <progress id={`paper-progress-${job.id}`} max={job.studentsTotal} value={job.studentsDone} aria-label={label}>
        {label}
      </progress>{' '}
      <label htmlFor={`paper-progress-${job.id}`}>
        {job.studentsDone} of {job.studentsTotal} students
      </label>
    </div>
  );
}
