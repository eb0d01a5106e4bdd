import type { RosterEntry, Sitting } from '../api/index.js';
import { T0, type TestClient, type TestWorld } from './test-app.js';

/**
 * Each student of `roster` starts, answers `l2-prior` (key b) with the letter given (none: left blank) and
 * `masked-softmax` (key d) right when the letter is the key, then submits: a finished attempt to analyse.
 */
export async function sitChoiceClass(
  world: TestWorld,
  roster: readonly RosterEntry[],
  letters: readonly (string | undefined)[],
): Promise<void> {
  for (const [index, letter] of letters.entries()) {
    const entry = roster[index];
    if (!entry) throw new Error(`no student ${index} on the roster`);
    const student = await world.join(entry);
    await expectOk(student.post('/api/attempt/start'));
    const saves = [
      { seq: 1, questionId: 'masked-softmax', answer: choice(letter === 'b' ? 'd' : 'a'), flagged: false },
      ...(letter ? [{ seq: 2, questionId: 'l2-prior', answer: choice(letter), flagged: false }] : []),
    ];
    await expectOk(student.put('/api/attempt/answers', { saves }));
    await expectOk(student.post('/api/attempt/submit'));
  }
}

/**
 * Another sitting of the world's exam (on its current version), opened by its instructor an hour before the main
 * one (so it comes first in the version's list) with `students` on its roster.
 */
export async function openAnotherSitting(
  instructor: TestClient,
  world: TestWorld,
  students: number,
): Promise<{ sitting: Sitting; roster: RosterEntry[] }> {
  const created = await expectOk(
    instructor.post(`/api/exams/${world.examId}/sittings`, {
      title: 'Second sitting',
      opensAt: new Date(T0.getTime() - 3_600_000).toISOString(),
      closesAt: new Date(T0.getTime() + 8 * 3_600_000).toISOString(),
      durationMinutes: 120,
    }),
  );
  const csv = ['id,name', ...Array.from({ length: students }, (_, i) => `t${i + 1},Second ${i + 1}`)].join('\n');
  const roster = await expectOk(instructor.post(`/api/sittings/${created.body.id}/roster`, { csv }));
  return { sitting: created.body as Sitting, roster: roster.body as RosterEntry[] };
}

const choice = (letter: string) => ({ kind: 'choice', selected: [letter] });

async function expectOk<T extends { status: number; text: string }>(response: Promise<T>): Promise<T> {
  const done = await response;
  if (done.status >= 300) throw new Error(`${done.status}: ${done.text}`);
  return done;
}
