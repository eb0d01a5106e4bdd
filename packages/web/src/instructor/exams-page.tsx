import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listExams } from '../api/exams-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { usePageTitle } from '../components/use-page-title.js';
import { formatDateTime } from '../lib/format/format-time.js';
import { ImportBankForm } from './import-bank-form.js';
import { ImportExamForm } from './import-exam-form.js';
import { canManage, useStaffUser } from './instructor-layout.js';
import { ScrollRegion } from '../components/scroll-region.js';

/** `/instructor`: the exams this person owns or teaches, and importing a new one. */
export function ExamsPage() {
  usePageTitle('Exams');
  const user = useStaffUser();
  const exams = useQuery({ queryKey: queryKeys.exams, queryFn: listExams });
  return (
    <main className="page" data-testid="exams-page">
      <h1>Exams</h1>
      {exams.isPending && <Loading />}
      {exams.isError && <ErrorNotice title="Could not list the exams." error={exams.error} />}
      {exams.data?.length === 0 && <p>No exams yet. Import one below.</p>}
      {exams.data && exams.data.length > 0 && (
        <ScrollRegion label="Exams">
          <table className="table" data-testid="exams-table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Version</th>
                <th scope="col">Questions</th>
                <th scope="col">Marks</th>
                <th scope="col">Published</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {exams.data.map((exam) => (
                <tr key={exam.id} data-testid={`exam-row-${exam.slug}`}>
                  <th scope="row">
                    <Link to={`/instructor/exams/${encodeURIComponent(exam.id)}`}>{exam.title}</Link>
                    <div className="muted small">{exam.slug}</div>
                  </th>
                  <td>{exam.version}</td>
                  <td>{exam.questionCount}</td>
                  <td>{exam.totalMarks}</td>
                  <td>{exam.published ? 'yes' : 'no'}</td>
                  <td>{formatDateTime(exam.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {canManage(user) && <ImportExamForm />}
      {canManage(user) && <ImportBankForm />}
    </main>
  );
}
