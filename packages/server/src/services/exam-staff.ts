import type { GrantRole, StaffMember } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { normaliseEmail } from './accounts.js';
import { recordEvent } from './audit.js';

/**
 * Who works on an exam: its owner (`exams.owner_id`), then its instructors and graders (`exam_staff`). The route checks
 * the caller's access first (`requireExamAccess`), which is where these roles take effect.
 */
export async function listStaff(context: AppContext, examId: string): Promise<StaffMember[]> {
  const exam = await getExamOwner(context, examId);
  const rows = await context.db
    .selectFrom('users')
    .leftJoin('exam_staff', (join) =>
      join.onRef('exam_staff.user_id', '=', 'users.id').on('exam_staff.exam_id', '=', examId),
    )
    .select(['users.id', 'users.name', 'users.email', 'users.disabled_at', 'exam_staff.role'])
    .where((eb) => eb.or([eb('users.id', '=', exam.owner_id), eb('exam_staff.exam_id', '=', examId)]))
    .orderBy('users.name')
    .execute();
  const order = { owner: 0, instructor: 1, grader: 2 } as const;
  return rows
    .map((row) => ({
      userId: row.id,
      name: row.name,
      email: row.email,
      role: row.id === exam.owner_id ? ('owner' as const) : (row.role ?? 'grader'),
      disabled: Boolean(row.disabled_at),
    }))
    .sort((a, b) => order[a.role] - order[b.role]);
}

/**
 * Gives a person (by email) a role on the exam, or changes it. Making someone `owner` hands the exam over: only its
 * owner (or a site owner) may, and the previous owner stays on as an instructor. Audited as `staff.granted`.
 */
export async function grantRole(context: AppContext, user: UserRow, examId: string, input: GrantRole): Promise<void> {
  const exam = await getExamOwner(context, examId);
  const target = await context.db
    .selectFrom('users')
    .select(['id', 'disabled_at'])
    .where('email', '=', normaliseEmail(input.email))
    .executeTakeFirst();
  if (!target) throw new HttpError(404, 'no-such-account', `there is no account for ${input.email.trim()}`);
  if (target.disabled_at) throw conflict('account-disabled', 'this account is disabled; enable it first');
  const isOwner = user.role === 'owner' || exam.owner_id === user.id;
  if (input.role === 'owner' && !isOwner) throw forbidden('only the exam’s owner can hand it over');
  if (target.id === exam.owner_id) {
    if (input.role === 'owner') return;
    throw conflict('owner-role', 'this person owns the exam; make someone else the owner first');
  }
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    const role = input.role === 'owner' ? 'instructor' : input.role;
    await trx
      .insertInto('exam_staff')
      .values({ exam_id: examId, user_id: target.id, role })
      .onConflict((oc) => oc.columns(['exam_id', 'user_id']).doUpdateSet({ role }))
      .execute();
    if (input.role === 'owner') {
      await trx.updateTable('exams').set({ owner_id: target.id }).where('id', '=', examId).execute();
      await trx
        .insertInto('exam_staff')
        .values({ exam_id: examId, user_id: exam.owner_id, role: 'instructor' })
        .onConflict((oc) => oc.columns(['exam_id', 'user_id']).doUpdateSet({ role: 'instructor' }))
        .execute();
    }
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'staff.granted', `exam:${examId}`, {
      userId: target.id,
      role: input.role,
    });
  });
}

/** Takes a person off the exam's staff; the owner cannot be removed (hand the exam over first). */
export async function revokeRole(context: AppContext, user: UserRow, examId: string, userId: string): Promise<void> {
  const exam = await getExamOwner(context, examId);
  if (userId === exam.owner_id)
    throw conflict('owner-role', 'the owner cannot be removed; make someone else the owner first');
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('exam_staff')
      .where('exam_id', '=', examId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (removed.numDeletedRows === 0n) throw notFound('staff member');
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'staff.revoked', `exam:${examId}`, { userId });
  });
}

async function getExamOwner(context: AppContext, examId: string): Promise<{ owner_id: string }> {
  const exam = await context.db.selectFrom('exams').select('owner_id').where('id', '=', examId).executeTakeFirst();
  if (!exam) throw notFound('exam');
  return exam;
}
