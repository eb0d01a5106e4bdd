import type { StudentExamView, StudentQuestionView, StudentSectionView } from '@examforge/core';

/** One question's page in one-question mode: where it stands and its neighbours. */
export interface QuestionPage {
  readonly question: StudentQuestionView;
  readonly section: StudentSectionView;
  /** 0-based position among all questions, in the order shown. */
  readonly index: number;
  readonly count: number;
  readonly previousId: string | undefined;
  readonly nextId: string | undefined;
}

/**
 * The page for a requested question id (from the URL); an unknown or missing id gives the first question, so an old
 * link or a hand-typed URL still opens the exam. Undefined only for an exam without questions.
 *
 * @example
 * questionPage(view, new URLSearchParams(location.search).get('q'))?.nextId;
 */
export function questionPage(view: StudentExamView, requestedId: string | null): QuestionPage | undefined {
  const placed = view.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
  const found = placed.findIndex(({ question }) => question.id === requestedId);
  const index = Math.max(0, found);
  const here = placed[index];
  if (!here) return undefined;
  return {
    ...here,
    index,
    count: placed.length,
    previousId: placed[index - 1]?.question.id,
    nextId: placed[index + 1]?.question.id,
  };
}
