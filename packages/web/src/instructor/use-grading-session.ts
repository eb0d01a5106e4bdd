import type { AnswerForGrading, GradeView, GradingProgress, QueueQuery } from '@examforge/server/api';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { errorCode } from '../api/api-error.js';
import { claimNextAnswer, fetchAnswerForGrading, renewClaim } from '../api/grading-api.js';
import { queryKeys } from '../api/query-keys.js';
import { draftOf, type GradeDraft } from '../lib/grading/grade-draft.js';

export type GradingFilters = QueueQuery;
export type Move = 'first' | 'next' | 'previous' | 'next-ungraded';

/** The answer on screen with the grader's draft, and what the grader must know about it. */
export type Current =
  | { readonly kind: 'loading' }
  | { readonly kind: 'none'; readonly progress: GradingProgress }
  | {
      readonly kind: 'answer';
      readonly answer: AnswerForGrading;
      readonly draft: GradeDraft;
      /** Another grader's grade that refused ours (409 `grade-conflict`): shown until the grader decides. */
      readonly conflict?: GradeView;
      /** Another grader holds the answer (the claim was refused): a save may conflict. */
      readonly heldByOther?: boolean;
    };

/**
 * Where a grader is in one question's queue: moving claims the next answer (the server skips answers others hold),
 * opening one from the list claims it, and a reload keeps the draft. One move at a time: a key held down does not
 * race the queue.
 */
export function useGradingSession(sittingId: string, questionId: string, filters: GradingFilters) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState<Current>({ kind: 'loading' });
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.grading(sittingId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.results(sittingId) });
  }, [queryClient, sittingId]);

  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setPending(true);
    setError(undefined);
    try {
      return await work();
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);

  /** Moves and returns the answer moved to, or undefined when none is left that way (the current one stays). */
  const move = useCallback(
    (to: Move, from?: string) =>
      run(async () => {
        const ungraded = to === 'first' || to === 'next-ungraded';
        const result = await claimNextAnswer(sittingId, questionId, {
          ...(from !== undefined && to !== 'first' && { after: from }),
          direction: to === 'previous' ? 'previous' : 'next',
          ...(ungraded ? { filter: 'ungraded' } : filters),
        });
        refresh();
        if (result.answer) setCurrent({ kind: 'answer', answer: result.answer, draft: draftOf(result.answer.grade) });
        else setCurrent((now) => (now.kind === 'answer' ? now : { kind: 'none', progress: result.progress }));
        return result.answer ?? { none: true as const, progress: result.progress };
      }),
    [filters, questionId, refresh, run, sittingId],
  );

  /** Opens one answer from the list and claims it; another grader's hold is shown, not refused. */
  const open = useCallback(
    (attemptId: string) =>
      run(async () => {
        const heldByOther = await renewClaim(sittingId, questionId, attemptId).then(
          () => false,
          (failure: unknown) => {
            if (errorCode(failure) === 'answer-claimed') return true;
            throw failure;
          },
        );
        const answer = await fetchAnswerForGrading(sittingId, questionId, attemptId);
        refresh();
        setCurrent({ kind: 'answer', answer, draft: draftOf(answer.grade), heldByOther });
        return answer;
      }),
    [questionId, refresh, run, sittingId],
  );

  /** Reads the answer again (its grade and rubric may have changed); the draft stays, or is given. */
  const reload = useCallback(
    async (attemptId: string, change: { draft?: GradeDraft; conflict?: GradeView } = {}) => {
      const answer = await fetchAnswerForGrading(sittingId, questionId, attemptId);
      setCurrent((now) => ({
        kind: 'answer',
        answer,
        draft: change.draft ?? (now.kind === 'answer' ? now.draft : draftOf(answer.grade)),
        ...(change.conflict && { conflict: change.conflict }),
      }));
      return answer;
    },
    [questionId, sittingId],
  );

  const setDraft = useCallback(
    (draft: GradeDraft) => setCurrent((now) => (now.kind === 'answer' ? { ...now, draft } : now)),
    [],
  );
  return { current, setCurrent, pending, error, move, open, reload, setDraft, refresh, run };
}
