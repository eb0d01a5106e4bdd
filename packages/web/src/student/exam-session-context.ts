import { createContext, useContext } from 'react';
import type { ExamSession } from './use-exam-session.js';

/** The open attempt, shared by the exam page and the review page (both under `/exam`). */
export const ExamSessionContext = createContext<ExamSession | undefined>(undefined);

export function useExamSessionContext(): ExamSession {
  const session = useContext(ExamSessionContext);
  if (!session) throw new Error('useExamSessionContext is used outside an open attempt');
  return session;
}
