import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useManagesSitting } from '../accounts/use-manages-exam.js';
import { fetchQueue, type RubricItemView } from '../api/grading-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { usePageTitle } from '../components/use-page-title.js';
import { draftOf } from '../lib/grading/grade-draft.js';
import { describeProgress } from '../lib/grading/grading-progress-text.js';
import { BlankPaperAnswers } from './blank-paper-answers.js';
import { GradingFiltersForm } from './grading-filters.js';
import { GradingKeyLegend } from './grading-key-legend.js';
import { GradingQueueTable } from './grading-queue-table.js';
import { GradingWorkspace } from './grading-workspace.js';
import { useStaffUser } from './instructor-layout.js';
import { useClaimRenewal } from './use-claim-renewal.js';
import { useGradingSession, type GradingFilters, type Move } from './use-grading-session.js';
import { useSaveGrade } from './use-save-grade.js';

const ALL = { filter: 'all' } as const;

/**
 * `/instructor/sittings/:sittingId/grading/:questionId`: one question's answers, one at a time, graded with the
 * keyboard alone. It opens on the first ungraded answer not held by another grader; saves and moves are announced.
 */
export function GradeQuestionPage() {
  const { sittingId = '', questionId = '' } = useParams();
  const user = useStaffUser();
  const manages = useManagesSitting(sittingId);
  const [filters, setFilters] = useState<GradingFilters>(ALL);
  const [announcement, setAnnouncement] = useState('');
  const [arrival, setArrival] = useState(0);
  const session = useGradingSession(sittingId, questionId, filters);
  const everyAnswer = useQuery({
    queryKey: queryKeys.gradingQueue(sittingId, questionId, ALL),
    queryFn: () => fetchQueue(sittingId, questionId, ALL),
  });
  const listed = useQuery({
    queryKey: queryKeys.gradingQueue(sittingId, questionId, filters),
    queryFn: () => fetchQueue(sittingId, questionId, filters),
  });
  const entries = everyAnswer.data?.entries;
  const label = useCallback(
    (attemptId: string) => {
      const index = entries?.findIndex((entry) => entry.attemptId === attemptId) ?? -1;
      return index < 0 ? 'this answer' : `answer ${index + 1} of ${entries?.length ?? 0}`;
    },
    [entries],
  );
  const { current, move } = session;
  const attemptId = current.kind === 'answer' ? current.answer.attemptId : undefined;
  const claimLost = useClaimRenewal(sittingId, questionId, attemptId);
  const save = useSaveGrade(sittingId, session, setAnnouncement, label);
  const number = current.kind === 'answer' ? current.answer.question.number : everyAnswer.data?.progress.number;
  usePageTitle(number === undefined ? 'Grading' : `Grading question ${number}`);
  useEffect(() => {
    // The first ungraded answer; when every answer is graded, the first answer, to review or regrade.
    void move('first').then(async (result) => {
      if (!result || !('none' in result) || result.progress.answers === 0) return;
      const first = await move('next');
      if (first && !('none' in first)) setAnnouncement('Every answer is graded: here is the first one.');
    });
    // Once per question (not on every new `move`): changing the filters must not lose the grader's place.
  }, [questionId]);
  /** Moves, then announces where the grader is, after what was done first (`done`), in one message. */
  const go = (to: Move, done = '') =>
    void move(to, attemptId).then((result) => {
      if (result && 'none' in result) setAnnouncement(`${done}${nothingThere(to)}`);
      else if (result) setAnnouncement(`${done}Now ${label(result.attemptId)}.`);
      setArrival((count) => count + 1);
    });
  const afterRubricEdit = (rubric: readonly RubricItemView[], what: string) => {
    session.refresh();
    setAnnouncement(`${what} The rubric has ${rubric.length} items; affected answers were rescored.`);
    if (attemptId !== undefined) void session.reload(attemptId);
  };
  const progress = everyAnswer.data?.progress;
  const back = `/instructor/sittings/${encodeURIComponent(sittingId)}/grading`;
  return (
    <main className="page page-wide grading-page" data-testid="grade-question-page">
      <p>
        <Link to={back}>← All written questions</Link>
      </p>
      <h1>Grading question {number ?? ''}</h1>
      {progress && (
        <p className="grading-progress" data-testid="grading-progress">
          {describeProgress(progress)}
        </p>
      )}
      <p role="status" aria-live="polite" className="grading-announcement" data-testid="grading-announcement">
        {announcement}
      </p>
      {session.error !== undefined && <ErrorNotice title="That did not work." error={session.error} />}
      {current.kind === 'loading' && <Loading label="Finding the next answer…" />}
      {current.kind === 'none' && (
        <div className="notice notice-success" data-testid="grading-done">
          <p>
            {current.progress.answers === 0
              ? 'No answers to grade yet: typed answers come once their attempt is over.'
              : `Every answer you can take is graded (${describeProgress(current.progress)}).`}
          </p>
          {current.progress.answers > 0 && (
            <button type="button" className="button" onClick={() => go('next')}>
              Go through the answers
            </button>
          )}
        </div>
      )}
      {current.kind === 'answer' && (
        <GradingWorkspace
          key={current.answer.attemptId}
          sittingId={sittingId}
          answer={current.answer}
          draft={current.draft}
          conflict={current.conflict}
          heldByOther={current.heldByOther === true || claimLost}
          canEditRubric={manages}
          saving={session.pending}
          arrival={arrival}
          label={label}
          onDraft={session.setDraft}
          onSave={(then) => save(current.answer, current.draft, then)}
          onMove={(to) => go(to)}
          onKeepTheirs={() =>
            session.setCurrent({ kind: 'answer', answer: current.answer, draft: draftOf(current.answer.grade) })
          }
          onRubricEdited={afterRubricEdit}
          onFlagChanged={(what) => {
            session.refresh();
            setAnnouncement(what);
            void session.reload(current.answer.attemptId);
          }}
          onBoxBlank={() => {
            session.refresh();
            go('next-ungraded', 'The box is called blank: it scores as blank. ');
          }}
          onGroupGraded={(count) => {
            go('next-ungraded', `Graded ${count} answers alike. `);
          }}
        />
      )}
      <GradingKeyLegend scanned={current.kind === 'answer' && current.answer.answer.kind === 'crop'} />
      <section className="grading-list" aria-labelledby="grading-list-title">
        <h2 id="grading-list-title">Answers</h2>
        <GradingFiltersForm
          filters={filters}
          onChange={setFilters}
          rubric={current.kind === 'answer' ? current.answer.question.rubric : []}
          me={user.id}
        />
        {listed.isError && <ErrorNotice title="Could not load the answers." error={listed.error} />}
        {listed.data && (
          <GradingQueueTable
            entries={listed.data.entries}
            current={attemptId}
            label={label}
            onOpen={(id) =>
              void session.open(id).then((answer) => {
                if (answer) setAnnouncement(`Now ${label(answer.attemptId)}.`);
                setArrival((count) => count + 1);
              })
            }
          />
        )}
      </section>
      <BlankPaperAnswers
        sittingId={sittingId}
        questionId={questionId}
        boxes={everyAnswer.data?.blankPaperAnswers ?? []}
        onWritten={(id) =>
          void session.open(id).then(() => {
            setAnnouncement('The box is called written: grade it now.');
            setArrival((count) => count + 1);
          })
        }
      />
    </main>
  );
}

function nothingThere(to: Move): string {
  switch (to) {
    case 'next':
      return 'No next answer under the filters: this is the last.';
    case 'previous':
      return 'No previous answer under the filters: this is the first.';
    case 'first':
    case 'next-ungraded':
      return 'Every answer you can take is graded.';
  }
}
