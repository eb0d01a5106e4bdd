import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import { createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';

/** Five submitted written answers: four graded through the grading route, one left for a grader. */
const GRADES: readonly (readonly string[] | undefined)[] = [
  ['js-constant', 'w1-gradient'],
  ['js-constant'],
  ['js-constant'],
  [],
  undefined,
];

describe.each(DIALECTS)('rubric usage in the item analysis on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 0 });
    const attempts = await seedWrittenAnswers(
      world,
      GRADES.map((_, index) => `answer ${index}`),
    );
    const grader = await world.logIn('grader');
    for (const [index, items] of GRADES.entries()) {
      if (!items) continue;
      const url = `/api/sittings/${world.sitting.id}/grading/${WRITTEN}/answers/${attempts[index]}/grade`;
      expect((await grader.put(url, { items, expectedVersion: 0 })).status).toBe(200);
    }
    instructor = await world.logIn('instructor');
  });
  afterAll(() => world.close());

  it('counts each rubric item over the graded answers, the ungraded one apart', async () => {
    const { status, body } = await instructor.get(`/api/sittings/${world.sitting.id}/analysis`);
    expect(status).toBe(200);
    const written = body.rubricUsage.find((usage: { questionId: string }) => usage.questionId === WRITTEN);
    expect(written).toMatchObject({ graded: 4, ungraded: 1 });
    expect(
      written.items.map((item: { id: string; count: number; share: number }) => [item.id, item.count, item.share]),
    ).toEqual([
      ['js-constant', 3, 0.75],
      ['w1-gradient', 1, 0.25],
    ]);
    // The other written questions have answers from nobody: nothing graded, so no share.
    const other = body.rubricUsage.find((usage: { questionId: string }) => usage.questionId === 'fisher-pruning-loss');
    expect(other).toMatchObject({ graded: 0, ungraded: 0 });
    expect(other.items.every((item: { share: number | null }) => item.share === null)).toBe(true);
  });
});
