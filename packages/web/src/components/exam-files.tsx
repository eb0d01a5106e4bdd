import { createContext, useContext, type ReactNode } from 'react';

/**
 * Where the images an exam's text refers to by relative path (`![](images/fig.png)`, an imported bank's files) are
 * served: every Markdown view inside reads them from the exam's files route rather than relative to the page.
 */
const ExamFilesBase = createContext<string | undefined>(undefined);

export function ExamFiles({ examId, children }: { readonly examId: string; readonly children: ReactNode }) {
  return <ExamFilesBase.Provider value={examFilesBase(examId)}>{children}</ExamFilesBase.Provider>;
}

export function useExamFilesBase(): string | undefined {
  return useContext(ExamFilesBase);
}

export function examFilesBase(examId: string): string {
  return `/api/exams/${encodeURIComponent(examId)}/files/`;
}
