import { findQuestion, parseExam, printExam } from '@examforge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import { createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';

/** Grades given before the edits, by answer: which rubric items each carries. */
const GRADED: readonly (readonly string[])[] = [['js-constant'], ['w1-gradient'], ['js-constant', 'w1-gradient'], []];

type Edit = { method: 'PUT' | 'DELETE'; item: string; body?: object };
/** Each edit, the answers whose points it must change (indexes into GRADED), and the status it gets. */
const EDITS: readonly { name: string; edit: Edit; changes: readonly number[]; status?: number }[] = [
  {
    name: 'changing an item’s points',
    edit: { method: 'PUT', item: 'js-constant', body: { points: '0.5', text: 'JS is constant' } },
    changes: [0, 2],
  },
  {
    name: 'changing an item’s text only',
    edit: { method: 'PUT', item: 'w1-gradient', body: { points: '1', text: 'W1 has a useful gradient' } },
    changes: [],
  },
  {
    name: 'adding an item',
    edit: { method: 'PUT', item: 'units', body: { points: '0.5', text: 'Units' } },
    changes: [],
  },
  { name: 'removing an unused item', edit: { method: 'DELETE', item: 'units' }, changes: [] },
  { name: 'removing an item in use', edit: { method: 'DELETE', item: 'w1-gradient' }, changes: [], status: 409 },
  {
    name: 'a negative item on the answers carrying it',
    edit: { method: 'PUT', item: 'w1-gradient', body: { points: '-1/3', text: 'W1 misread' } },
    changes: [1, 2],
  },
];

describe.each(DIALECTS)('rubric edits on %s rescore exactly the answers carrying the item', (dialect) => {
  let world: TestWorld;
  let attempts: string[];
  let instructor: TestClient;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 1 });
    attempts = await seedWrittenAnswers(world, ['a', 'b', 'c', 'd', 'e']);
    instructor = await world.logIn('instructor');
    const base = `/api/sittings/${world.sitting.id}/grading/${WRITTEN}`;
    for (const [index, items] of GRADED.entries()) {
      const saved = await instructor.put(`${base}/answers/${attempts[index]}/grade`, { items, expectedVersion: 0 });
      expect(saved.status).toBe(200);
    }
  });
  afterAll(() => world.close());

  const points = async () => {
    const rows = (await instructor.get(`/api/sittings/${world.sitting.id}/results`)).body as {
      attemptId?: string;
      questions: Record<string, string>;
      total?: string;
    }[];
    return attempts.map((id) => {
      const row = rows.find((candidate) => candidate.attemptId === id);
      return `${row?.questions[WRITTEN]} / ${row?.total}`;
    });
  };

  for (const { name, edit, changes, status } of EDITS) {
    it(name, async () => {
      const before = await points();
      const url = `/api/sittings/${world.sitting.id}/rubric/${WRITTEN}/items/${edit.item}`;
      const response = await instructor.request(edit.method, url, edit.body);
      expect(response.status, response.text).toBe(status ?? 200);
      const after = await points();
      const changed = after.flatMap((value, index) => (value === before[index] ? [] : [index]));
      expect(changed).toEqual(changes);
      expect(after[4]).toBe(before[4]); // the ungraded answer stays ungraded
      expect(after[4]).toMatch(/^ungraded/);
    });
  }

  it('writes the edited rubric into the exam file, which round-trips, and graders cannot edit it', async () => {
    const detail = (await instructor.get(`/api/exams/${world.examId}`)).body as { source: string };
    const parsed = parseExam(detail.source);
    if (!parsed.ok) throw new Error('the exported exam does not parse');
    const question = findQuestion(parsed.exam, WRITTEN)?.question;
    expect(question?.kind === 'free' && question.rubric.map((item) => [item.id, item.points.toString()])).toEqual([
      ['js-constant', '0.5'],
      ['w1-gradient', '-1/3'],
    ]);
    expect(printExam(parsed.exam)).toBe(detail.source);
    const grader = await world.logIn('grader');
    const refused = await grader.put(`/api/sittings/${world.sitting.id}/rubric/${WRITTEN}/items/js-constant`, {
      points: '2',
      text: 'x',
    });
    expect(refused.status).toBe(403);
    const events = await world.context.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'rubric.edited')
      .execute();
    expect(events).toHaveLength(5);
  });
});
