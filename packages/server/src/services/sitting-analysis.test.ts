import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { closeExpiredAttempts } from './attempts.js';

const choice = (letter: string) => ({ kind: 'choice', selected: [letter] });

/** What each of eight students answers to `l2-prior` (key b) and `masked-softmax`; the last two leave it blank. */
const L2_PRIOR = ['b', 'b', 'b', 'b', 'a', 'c', undefined, undefined];

describe.each(DIALECTS)('a sitting’s item analysis on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;
  const base = () => `/api/sittings/${world.sitting.id}`;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 8 });
    instructor = await world.logIn('instructor');
    world.clock.set(T0);
    for (const [index, letter] of L2_PRIOR.entries()) {
      const student = await world.join(world.roster[index]!);
      expect((await student.post('/api/attempt/start')).status).toBe(200);
      const saves: { seq: number; questionId: string; answer: object; flagged: boolean }[] = [
        { seq: 1, questionId: 'masked-softmax', answer: choice(index < 4 ? 'd' : 'a'), flagged: false },
      ];
      if (letter) saves.push({ seq: 2, questionId: 'l2-prior', answer: choice(letter), flagged: false });
      // Two students write an answer no grader has graded yet; the others leave it blank (0, nothing to grade).
      if (index < 2)
        saves.push({
          seq: 3,
          questionId: 'wasserstein-vs-js',
          answer: { kind: 'text', text: 'W1 has gradients' },
          flagged: false,
        });
      expect((await student.put('/api/attempt/answers', { saves })).status).toBe(200);
    }
  });
  afterAll(() => world.close());

  it('leaves open attempts out until they close', async () => {
    const open = await instructor.get(`${base()}/analysis`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ attempts: 0, openAttempts: 8 });
  });

  it('analyses the finished attempts: facility, options, blanks, ungraded answers left out, unscored questions listed', async () => {
    world.clock.advance(3 * 3_600_000);
    await closeExpiredAttempts(world.context);
    const { status, body } = await instructor.get(`${base()}/analysis`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ attempts: 8, openAttempts: 0 });
    const l2 = body.items.find((item: { questionId: string }) => item.questionId === 'l2-prior');
    // 4 right (+0.5), 2 wrong (−0.5), 2 blank (0): mean 0.125 of 0.5.
    expect(l2).toMatchObject({ number: 1, maximum: 0.5, n: 8, unavailable: 0, mean: 0.125, facility: 0.25, blank: 2 });
    expect(
      l2.options.map((o: { option: string; count: number; keyed: boolean }) => [o.option, o.count, o.keyed]),
    ).toEqual([
      ['a', 1, false],
      ['b', 4, true],
      ['c', 1, false],
      ['d', 0, false],
    ]);
    expect(l2.flags.map((flag: { kind: string }) => flag.kind)).toContain('unchosen-distractor');
    // Written answers not graded yet are not in the figures (never a 0), and said so; blank ones are 0.
    const written = body.items.find((item: { questionId: string }) => item.questionId === 'wasserstein-vs-js');
    expect(written).toMatchObject({ n: 6, unavailable: 2, mean: 0, facility: 0 });
    expect(body.test.unavailableAnswers).toBe(2);
    expect(body.notAnalysed).toContainEqual({
      questionId: 'conv-grad-valid',
      reason: 'its key is unknown: not scored',
    });
    expect(body.test).toMatchObject({ items: body.items.length, maximum: 16 });
    expect(body.test.histogram.reduce((sum: number, bin: { count: number }) => sum + bin.count, 0)).toBe(8);
  });
});
