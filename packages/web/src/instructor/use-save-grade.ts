import type { AnswerForGrading } from '@examforge/server/api';
import { useCallback } from 'react';
import { errorCode } from '../api/api-error.js';
import { saveGrade } from '../api/grading-api.js';
import { draftProblem, gradeInputOf, type GradeDraft } from '../lib/grading/grade-draft.js';
import type { useGradingSession } from './use-grading-session.js';

type Session = ReturnType<typeof useGradingSession>;

/**
 * Saving a grade with the version the grader saw. A 409 `grade-conflict` reads the answer again and shows the other
 * grader's grade beside the grader's own draft, which is kept so that they can redo it (or take theirs).
 */
export function useSaveGrade(
  sittingId: string,
  session: Session,
  announce: (message: string) => void,
  label: (attemptId: string) => string,
) {
  const { run, reload, move, refresh, setCurrent } = session;
  return useCallback(
    (answer: AnswerForGrading, draft: GradeDraft, then: 'stay' | 'next-ungraded') => {
      const problem = draftProblem(draft);
      if (problem) {
        announce(`Not saved: ${problem}`);
        return;
      }
      const input = gradeInputOf(answer.question.rubric, draft);
      const expectedVersion = answer.grade?.version ?? 0;
      void run(async () => {
        try {
          const grade = await saveGrade(sittingId, answer.question.id, answer.attemptId, { ...input, expectedVersion });
          refresh();
          setCurrent({ kind: 'answer', answer: { ...answer, grade }, draft });
          return grade;
        } catch (failure) {
          if (errorCode(failure) !== 'grade-conflict') throw failure;
          const fresh = await reload(answer.attemptId, { draft });
          refresh();
          if (!fresh.grade) throw failure;
          setCurrent({ kind: 'answer', answer: fresh, draft, conflict: fresh.grade });
          announce(
            `Not saved: ${fresh.grade.gradedBy} graded this answer first. Their grade is shown; your choices are kept, save again to put yours in its place.`,
          );
          return undefined;
        }
      }).then(async (grade) => {
        if (!grade) return;
        const saved = `Saved ${label(answer.attemptId)}: ${grade.points} of ${answer.question.marks} points.`;
        if (then === 'stay') return announce(saved);
        const next = await move('next-ungraded', answer.attemptId);
        if (next && 'none' in next) announce(`${saved} Every answer you can take is graded.`);
        else if (next) announce(`${saved} Now ${label(next.attemptId)}.`);
      });
    },
    [announce, label, move, refresh, reload, run, setCurrent, sittingId],
  );
}
