import type { Identity, RosterRow, UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { forbidden, HttpError, notFound, unauthorized } from '../errors.js';

/** The level of access a route needs on an exam: staff read (graders too); instructors change. */
export type ExamAccess = 'staff' | 'instructor';

export function requireUser(
  identity: Identity,
  roles: readonly UserRow['role'][] = ['owner', 'instructor', 'grader'],
): UserRow {
  if (identity.kind === 'anonymous') throw unauthorized();
  if (identity.kind !== 'user') throw forbidden('this is for staff; students use their exam page');
  if (!roles.includes(identity.user.role)) throw forbidden();
  return identity.user;
}

/** Account administration (creating, disabling, resetting people) is for administrators, whatever their role. */
export function requireAdmin(identity: Identity): UserRow {
  const user = requireUser(identity);
  if (user.is_admin !== 1) throw forbidden('this is for administrators');
  return user;
}

export function requireStudent(identity: Identity): RosterRow {
  if (identity.kind === 'anonymous') throw unauthorized('join with your access code first');
  if (identity.kind !== 'student') throw forbidden('this is for students taking the exam');
  return identity.student;
}

/**
 * Checks a user's access to an exam: owners see everything; others need to own the exam or be on its staff (graders
 * read, instructors change). Unknown exams are 404; known ones without access are 403.
 */
export async function requireExamAccess(
  context: AppContext,
  user: UserRow,
  examId: string,
  need: ExamAccess,
): Promise<void> {
  const exam = await context.db
    .selectFrom('exams')
    .select(['id', 'owner_id'])
    .where('id', '=', examId)
    .executeTakeFirst();
  if (!exam) throw notFound('exam');
  if (user.role === 'owner' || exam.owner_id === user.id) return;
  const staff = await context.db
    .selectFrom('exam_staff')
    .select('role')
    .where('exam_id', '=', examId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!staff) throw forbidden('you are not on the staff of this exam');
  if (need === 'instructor' && staff.role !== 'instructor')
    throw forbidden('graders cannot change the exam or its sittings');
}

/** The exam a sitting belongs to, after checking access to it. */
export async function requireSittingAccess(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  need: ExamAccess,
): Promise<string> {
  const sitting = await context.db
    .selectFrom('sittings')
    .select('exam_id')
    .where('id', '=', sittingId)
    .executeTakeFirst();
  if (!sitting) throw notFound('sitting');
  await requireExamAccess(context, user, sitting.exam_id, need);
  return sitting.exam_id;
}

export function badRequest(code: string, message: string, details?: unknown): HttpError {
  return new HttpError(400, code, message, details);
}
