import { readFileSync } from 'node:fs';
import type { RosterEntry } from './api/index.js';
import { hashPassword } from './auth/passwords.js';
import type { AppContext } from './context.js';
import { newId } from './ids.js';
import { importExam } from './services/exams.js';
import { importRoster, listRoster } from './services/roster.js';
import { createSitting } from './services/sittings.js';

export const DEMO_INSTRUCTOR = {
  email: 'instructor@examforge.test',
  password: 'examforge-demo',
  name: 'Demo Instructor',
};

export interface DemoSetup {
  readonly created: boolean;
  readonly sittingId?: string;
  readonly students: readonly RosterEntry[];
}

/**
 * On an empty database: a demo instructor, the bundled exam imported, a sitting open from now for a day, and a roster
 * of demo students with access codes; the other bundled exams (`alsoImport`, e.g. the computed-question practice
 * exam) are imported without a sitting. On a database that has users already, nothing is touched.
 */
export async function seedDemo(
  context: AppContext,
  examPath: string,
  students: number,
  alsoImport: readonly string[] = [],
): Promise<DemoSetup> {
  const existing = await context.db.selectFrom('users').select('id').limit(1).execute();
  if (existing.length > 0) return { created: false, ...(await existingDemo(context)) };
  const now = context.clock.now();
  const user = {
    id: newId(),
    email: DEMO_INSTRUCTOR.email,
    name: DEMO_INSTRUCTOR.name,
    role: 'owner' as const,
    created_at: now.toISOString(),
  };
  await context.db
    .insertInto('users')
    // The demo instructor is an administrator too, so that a newcomer can try the accounts page.
    .values({ ...user, is_admin: 1, password_hash: await hashPassword(DEMO_INSTRUCTOR.password) })
    .execute();
  const exam = await importExam(context, user, readFileSync(examPath, 'utf8'));
  for (const path of alsoImport) await importExam(context, user, readFileSync(path, 'utf8'));
  const sitting = await createSitting(context, user, exam.id, {
    title: `${exam.title} — demo sitting`,
    opensAt: now.toISOString(),
    closesAt: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
    durationMinutes: 120,
    graceSeconds: 60,
    shuffleQuestions: false,
    shuffleOptions: true,
    oneQuestionPerPage: false,
    releaseResults: 'after-close',
    releaseSolutions: 'after-close',
  });
  const csv = [
    'id,name,email,extra_time',
    ...Array.from(
      { length: students },
      (_, i) =>
        `s${String(i + 1).padStart(3, '0')},Demo Student ${i + 1},s${i + 1}@examforge.test,${i === 0 ? '25%' : ''}`,
    ),
  ].join('\n');
  const roster = await importRoster(context, user, sitting.id, csv);
  return { created: true, sittingId: sitting.id, students: roster };
}

/** On a later start: the demo sitting's access codes again, so the demo stays usable after a restart. */
async function existingDemo(context: AppContext): Promise<{ sittingId?: string; students: RosterEntry[] }> {
  const sitting = await context.db
    .selectFrom('sittings')
    .select('id')
    .where('title', 'like', '%— demo sitting')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!sitting) return { students: [] };
  return { sittingId: sitting.id, students: await listRoster(context, sitting.id) };
}
