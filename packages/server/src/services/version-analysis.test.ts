import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnotherSitting, sitChoiceClass } from '../test-support/analysis-class.js';
import { DIALECTS } from '../test-support/databases.js';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';

type Option = { option: string; count: number };
type Item = { questionId: string; n: number; blank?: number; options?: Option[] };
type Analysis = {
  attempts: number;
  scope: { kind: string; version: number; sittings: { id: string; title: string }[] };
  test: { mean: number; histogram: { count: number }[] };
  items: Item[];
  notAnalysed: unknown[];
};

const itemOf = (analysis: Analysis, questionId: string) =>
  analysis.items.find((item) => item.questionId === questionId);
const counts = (analysis: Analysis, questionId: string) =>
  Object.fromEntries((itemOf(analysis, questionId)?.options ?? []).map((o) => [o.option, o.count]));

describe.each(DIALECTS)('the item analysis of every sitting of an exam version on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;
  let second = '';
  const version = () => `/api/exams/${world.examId}/versions/1/analysis`;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 5 });
    world.clock.set(T0);
    instructor = await world.logIn('instructor');
    const other = await openAnotherSitting(instructor, world, 3);
    second = other.sitting.id;
    await sitChoiceClass(world, world.roster, ['b', 'b', 'a', 'c', undefined]);
    await sitChoiceClass(world, other.roster, ['b', 'a', 'a']);
  });
  afterAll(() => world.close());

  it('holds the union of the sittings: attempts, answers, option counts and the histogram add up', async () => {
    const one = (await instructor.get(`/api/sittings/${world.sitting.id}/analysis`)).body as Analysis;
    const two = (await instructor.get(`/api/sittings/${second}/analysis`)).body as Analysis;
    const response = await instructor.get(version());
    expect(response.status).toBe(200);
    const both = response.body as Analysis;
    expect(one.scope).toMatchObject({ kind: 'sitting', version: 1, sittings: [{ id: world.sitting.id }] });
    expect(both.scope).toEqual({
      kind: 'version',
      examId: world.examId,
      version: 1,
      sittings: [
        { id: second, title: 'Second sitting' },
        { id: world.sitting.id, title: 'Main sitting' },
      ],
    });
    expect([one.attempts, two.attempts, both.attempts]).toEqual([5, 3, 8]);
    expect(counts(both, 'l2-prior')).toEqual({ a: 3, b: 3, c: 1, d: 0 });
    for (const questionId of ['l2-prior', 'masked-softmax']) {
      expect(itemOf(both, questionId)?.n).toBe((itemOf(one, questionId)?.n ?? 0) + (itemOf(two, questionId)?.n ?? 0));
      const summed = { ...counts(one, questionId) };
      for (const [option, count] of Object.entries(counts(two, questionId)))
        summed[option] = (summed[option] ?? 0) + count;
      expect(counts(both, questionId)).toEqual(summed);
    }
    expect(itemOf(both, 'l2-prior')?.blank).toBe(1);
    const students = (analysis: Analysis) => analysis.test.histogram.reduce((sum, bin) => sum + bin.count, 0);
    expect(students(both)).toBe(8);
    expect(both.test.mean).toBeCloseTo((one.test.mean * 5 + two.test.mean * 3) / 8, 12);
    expect(both.notAnalysed).toEqual(one.notAnalysed);
  });

  it('is for the exam’s staff only: graders read it; students, other instructors and strangers are refused', async () => {
    expect((await (await world.logIn('grader')).get(version())).status).toBe(200);
    expect((await (await world.logIn('owner')).get(version())).status).toBe(200);
    const refused = [
      [world.client(), 401],
      [await world.join(world.roster[0]!), 403],
      [await world.logIn('otherInstructor'), 403],
    ] as const;
    for (const [client, status] of refused) {
      const response = await client.get(version());
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(response.text).not.toContain('l2-prior');
    }
  });

  it('says what is wrong with an address that names no version', async () => {
    const missing = await instructor.get(`/api/exams/${world.examId}/versions/7/analysis`);
    expect(missing).toMatchObject({ status: 404, body: { code: 'not-found', message: 'exam version not found' } });
    for (const bad of ['0', 'one', '1.5', '-1']) {
      const response = await instructor.get(`/api/exams/${world.examId}/versions/${bad}/analysis`);
      expect(response.status, bad).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid-request' });
    }
    expect((await instructor.get('/api/exams/no-such-exam/versions/1/analysis')).status).toBe(404);
  });
});
