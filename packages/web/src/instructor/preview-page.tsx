import type { Answer } from '@examforge/server/api';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fetchPreview } from '../api/exams-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { ExamIntro } from '../components/exam-intro.js';
import { usePageTitle } from '../components/use-page-title.js';
import { entryOf, type AnswerBook } from '../lib/answers/answer-book.js';
import { QuestionList } from '../student/question-list.js';
import { jumpToQuestion, QuestionNav } from '../student/question-nav.js';

/** `/instructor/exams/:examId/preview`: the exam exactly as a student's page shows it; answers stay in this tab. */
export function PreviewPage() {
  const { examId = '' } = useParams();
  const preview = useQuery({ queryKey: queryKeys.preview(examId), queryFn: () => fetchPreview(examId) });
  const [book, setBook] = useState<AnswerBook>({});
  const setAnswer = useCallback((questionId: string, answer: Answer) => {
    setBook((current) => ({ ...current, [questionId]: { ...entryOf(current, questionId), answer } }));
  }, []);
  const toggleFlag = useCallback((questionId: string) => {
    setBook((current) => {
      const entry = entryOf(current, questionId);
      return { ...current, [questionId]: { ...entry, flagged: !entry.flagged } };
    });
  }, []);
  usePageTitle(`Preview · ${preview.data?.title ?? 'Exam'}`);
  if (preview.isPending) return <Loading />;
  if (preview.isError) return <ErrorNotice title="Could not load the preview." error={preview.error} />;
  const view = preview.data;
  return (
    <div data-testid="preview-page">
      <div className="notice notice-info preview-banner">
        Preview as a student: answers here are not saved.{' '}
        <Link to={`/instructor/exams/${encodeURIComponent(examId)}`}>Back to the exam</Link>
      </div>
      <div className="exam-layout">
        <QuestionNav view={view} book={book} onJump={jumpToQuestion} />
        <main className="exam-main">
          <ExamIntro view={view} />
          <QuestionList view={view} book={book} onAnswer={setAnswer} onToggleFlag={toggleFlag} />
        </main>
      </div>
    </div>
  );
}
