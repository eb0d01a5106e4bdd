/**
 * One student's result as a gradebook export needs it: who they are (for matching to the LMS's own list of
 * students) and their points. Decimal strings, exactly as scoring gave them, so nothing is rounded on the way out.
 */
export interface GradebookStudent {
  readonly studentNumber: string;
  readonly name: string;
  /** Empty when the roster has none. */
  readonly email: string;
  /** Absent: the student has no result (never started), which exports as a blank grade, never as 0. */
  readonly total?: string;
  readonly maximum?: string;
  /** Why the total may still change: written answers not graded yet, or sheet pages not read. */
  readonly notFinal?: 'ungraded' | 'not-read';
  readonly questions: readonly GradebookQuestion[];
}

export interface GradebookQuestion {
  readonly questionId: string;
  /** Empty when the question has no points for this student (not scored, ungraded, not read): see `status`. */
  readonly points: string;
  readonly maximum: string;
  readonly status: GradebookQuestionStatus;
}

export type GradebookQuestionStatus = 'scored' | 'ungraded' | 'not-read' | 'not-scored';

/** How students are matched to the LMS: by the roster's student number (the LMS's ID number / SIS id) or by email. */
export type GradebookMatch = 'id' | 'email';

/** The gradebooks Examforge writes for. */
export type GradebookTarget = 'moodle' | 'canvas' | 'long';

export const GRADEBOOK_TARGETS: readonly GradebookTarget[] = ['moodle', 'canvas', 'long'];
