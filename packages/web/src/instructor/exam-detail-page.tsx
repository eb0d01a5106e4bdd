import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useManagesExam } from '../accounts/use-manages-exam.js';
import { examArchiveUrl } from '../api/audit-api.js';
import { fetchExam, fetchPreview, type Diagnostic } from '../api/exams-api.js';
import { ExamStaffSection } from '../accounts/exam-staff-section.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { usePageTitle } from '../components/use-page-title.js';
import { formatDateTime } from '../lib/format/format-time.js';
import { DiagnosticsList } from './diagnostics-list.js';
import { ExportExamSection } from './export-exam-section.js';
import { useStaffUser } from './instructor-layout.js';
import { NewSittingForm } from './new-sitting-form.js';
import { VariantPreviewSection } from './variant-preview-section.js';
import { VerifySection } from './verify-section.js';

/** `/instructor/exams/:examId`: the exam's lint report and answer checks, its preview, its sittings, and a new sitting. */
export function ExamDetailPage() {
  const { examId = '' } = useParams();
  const user = useStaffUser();
  const manages = useManagesExam(examId);
  const exam = useQuery({ queryKey: queryKeys.exam(examId), queryFn: () => fetchExam(examId) });
  // The preview carries the exam's duration, which the new-sitting form starts from.
  const preview = useQuery({ queryKey: queryKeys.preview(examId), queryFn: () => fetchPreview(examId) });
  usePageTitle(exam.data?.title ?? 'Exam');
  if (exam.isPending) return <Loading />;
  if (exam.isError) return <ErrorNotice title="Could not load the exam." error={exam.error} />;
  const detail = exam.data;
  return (
    <main className="page" data-testid="exam-detail-page">
      <p>
        <Link to="/instructor">← Exams</Link>
      </p>
      <h1>{detail.title}</h1>
      <dl className="facts facts-inline">
        <dt>Version</dt>
        <dd>{detail.version}</dd>
        <dt>Questions</dt>
        <dd>{detail.questionCount}</dd>
        <dt>Marks</dt>
        <dd>{detail.totalMarks}</dd>
        <dt>Published</dt>
        <dd>{detail.published ? 'yes' : 'no'}</dd>
        <dt>Updated</dt>
        <dd>{formatDateTime(detail.updatedAt)}</dd>
      </dl>
      <p>
        <Link
          className="button"
          to={`/instructor/exams/${encodeURIComponent(examId)}/preview`}
          data-testid="preview-link"
        >
          Preview as a student
        </Link>
      </p>
      {manages && (
        <p className="button-row">
          <Link
            className="button"
            to={`/instructor/exams/${encodeURIComponent(examId)}/audit`}
            data-testid="audit-link"
          >
            Audit trail
          </Link>
          <a className="button" href={examArchiveUrl(examId)} download data-testid="exam-archive">
            Download everything (.zip)
          </a>
        </p>
      )}
      <section aria-labelledby="sittings-title">
        <h2 id="sittings-title">Sittings</h2>
        {detail.sittings.length === 0 ? (
          <p>No sittings yet.</p>
        ) : (
          <ul className="link-list" data-testid="sittings-list">
            {detail.sittings.map((sitting) => (
              <li key={sitting.id}>
                <Link to={`/instructor/sittings/${encodeURIComponent(sitting.id)}`}>{sitting.title}</Link>{' '}
                <span className="muted">
                  {formatDateTime(sitting.opensAt)} – {formatDateTime(sitting.closesAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ExamStaffSection examId={examId} user={user} />
      {manages && (preview.data || preview.isError) && (
        <NewSittingForm
          examId={examId}
          examTitle={detail.title}
          durationMinutes={preview.data?.duration ?? 60}
          diagnostics={detail.diagnostics}
        />
      )}
      <section aria-labelledby="lint-title">
        <h2 id="lint-title">Check: {summarize(detail.diagnostics)}</h2>
        {detail.diagnostics.length === 0 ? (
          <p data-testid="lint-clean">No problems found.</p>
        ) : (
          <DiagnosticsList diagnostics={detail.diagnostics} testId="lint-diagnostics" />
        )}
      </section>
      <VerifySection examId={examId} />
      {detail.computedQuestions.length > 0 && (
        <VariantPreviewSection examId={examId} computedQuestions={detail.computedQuestions} />
      )}
      {manages && <ExportExamSection examId={examId} />}
      <details className="source">
        <summary>Source (exam.md)</summary>
        <pre className="input-code">{detail.source}</pre>
      </details>
    </main>
  );
}

/** "2 errors, 28 warnings" — what the check found, by severity. */
function summarize(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return 'no problems';
  const count = (severity: Diagnostic['severity'], noun: string) => {
    const n = diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
    return n === 0 ? '' : `${n} ${noun}${n === 1 ? '' : 's'}`;
  };
  return [count('error', 'error'), count('warning', 'warning'), count('info', 'note')].filter(Boolean).join(', ');
}
