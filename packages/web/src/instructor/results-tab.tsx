import { useQuery } from '@tanstack/react-query';
import { fetchPreview } from '../api/exams-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { questionsOf } from '../lib/exam-view/read-exam-view.js';
import { DropQuestionForm } from './drop-question-form.js';
import { GradebookExportPanel } from './gradebook-export-panel.js';
import { KeyChangeForm } from './key-change-form.js';
import { ResultsSection } from './results-section.js';
import { useSittingTab } from './sitting-layout.js';
import { StudentReleasesSection } from './student-releases-section.js';

/** The sitting's results tab: the table, grades out to an LMS, releasing results per sitting and per student, and regrading. */
export function ResultsTab() {
  const { sitting, manages } = useSittingTab();
  const preview = useQuery({
    queryKey: queryKeys.preview(sitting.examId),
    queryFn: () => fetchPreview(sitting.examId),
  });
  const questions = preview.data ? questionsOf(preview.data) : [];
  const choiceQuestions = questions.filter((question) => question.kind === 'single' || question.kind === 'multiple');
  return (
    <>
      <ResultsSection sittingId={sitting.id} view={preview.data} />
      <GradebookExportPanel sittingId={sitting.id} />
      {manages && <StudentReleasesSection sittingId={sitting.id} />}
      {preview.isError && <ErrorNotice title="The questions could not be loaded." error={preview.error} />}
      {manages && questions.length > 0 && (
        <section className="sitting-section no-print" aria-labelledby="regrade-title">
          <h2 id="regrade-title">Regrade</h2>
          <div className="card-row">
            {choiceQuestions.length > 0 && <KeyChangeForm sittingId={sitting.id} questions={choiceQuestions} />}
            <DropQuestionForm sittingId={sitting.id} questions={questions} />
          </div>
        </section>
      )}
    </>
  );
}
