import type { StudentExamView } from '@examforge/core';
import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { questionPage, type QuestionPage } from '../lib/exam-view/question-page.js';
import { jumpToQuestion } from './question-nav.js';

export interface CurrentQuestion {
  readonly page: QuestionPage | undefined;
  readonly id: string | undefined;
  /** Shows a question (one-question mode: its page, remembered in the URL as `?q=`), focus on its heading. */
  readonly goTo: (questionId: string) => void;
}

/**
 * The question the URL names (`?q=`), or the first. In one-question mode, moving to another question pushes a new URL
 * (so Back returns to the previous question and a reload stays put) and moves focus to the new question's heading.
 */
export function useCurrentQuestion(view: StudentExamView, oneQuestionPerPage: boolean): CurrentQuestion {
  const [params, setParams] = useSearchParams();
  const page = questionPage(view, params.get('q'));
  const id = page?.question.id;
  const goTo = useCallback(
    (questionId: string) => {
      if (!oneQuestionPerPage || questionId === id) jumpToQuestion(questionId);
      else setParams({ q: questionId });
    },
    [oneQuestionPerPage, id, setParams],
  );
  useFocusOnChange(oneQuestionPerPage ? id : undefined);
  return { page, id, goTo };
}

/** After the first render, each change of question moves focus to its heading (the new page's content). */
function useFocusOnChange(id: string | undefined): void {
  const shown = useRef(id);
  useEffect(() => {
    if (id === undefined || shown.current === id) return;
    shown.current = id;
    jumpToQuestion(id);
  }, [id]);
}

/**
 * Arriving with `{ focus: true }` in the navigation state (just after the start, or from a link on the review page):
 * focus goes to the question the URL names, or the first, rather than stay on the page body.
 */
export function useRequestedFocus(view: StudentExamView): void {
  const location = useLocation();
  const state: unknown = location.state;
  const requested = typeof state === 'object' && state !== null && 'focus' in state && state.focus === true;
  const target = questionPage(view, new URLSearchParams(location.search).get('q'))?.question.id;
  // Once per arrival: the key changes with each navigation.
  useEffect(() => {
    if (requested && target !== undefined) jumpToQuestion(target);
  }, [location.key, requested, target]);
}
