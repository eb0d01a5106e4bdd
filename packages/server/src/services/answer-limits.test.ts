import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_ANSWER_MAX_LENGTH } from '../api/index.js';
import { DIALECTS } from '../test-support/databases.js';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';

const text = (length: number, letter = 'x') => ({ kind: 'text', text: letter.repeat(length) });
const save = (seq: number, questionId: string, answer: object) => ({ seq, questionId, answer, flagged: false });

describe.each(DIALECTS)('an over-long written answer on %s', (dialect) => {
  let world: TestWorld;
  let student: TestClient;
  beforeAll(async () => {
    world = await createTestWorld(dialect);
    world.clock.set(T0);
    student = await world.join(world.roster[0]!);
    await student.post('/api/attempt/start');
  });
  afterAll(() => world.close());

  const stored = async () => (await student.get('/api/attempt')).body.answers;

  it('is refused for its question alone: the other answers of the same request are stored', async () => {
    const reply = await student.put('/api/attempt/answers', {
      saves: [
        save(1, 'l2-prior', { kind: 'choice', selected: ['b'] }),
        save(2, 'wasserstein-vs-js', text(TEXT_ANSWER_MAX_LENGTH + 1)),
        save(3, 'causal-conv-autoregressive', text(TEXT_ANSWER_MAX_LENGTH)),
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.acknowledged).toEqual([1, 3]);
    expect(reply.body.refused).toEqual([
      {
        seq: 2,
        questionId: 'wasserstein-vs-js',
        code: 'answer-too-long',
        message: expect.stringMatching(/`wasserstein-vs-js` is 50,001 characters long and the limit is 50,000/),
        length: TEXT_ANSWER_MAX_LENGTH + 1,
        limit: TEXT_ANSWER_MAX_LENGTH,
      },
    ]);
    const answers = await stored();
    expect(Object.keys(answers).sort()).toEqual(['causal-conv-autoregressive', 'l2-prior']);
    expect(answers['causal-conv-autoregressive'].answer.text).toHaveLength(TEXT_ANSWER_MAX_LENGTH);
  });

  it('does not block later saves, and the shortened answer saves', async () => {
    const later = await student.put('/api/attempt/answers', {
      saves: [
        save(4, 'wasserstein-vs-js', text(2 * TEXT_ANSWER_MAX_LENGTH)),
        save(5, 'l2-prior', { kind: 'choice', selected: ['c'] }),
      ],
    });
    expect(later.body).toMatchObject({ acknowledged: [5], refused: [{ seq: 4 }], lastSeq: 5 });
    const shortened = await student.put('/api/attempt/answers', {
      saves: [save(6, 'wasserstein-vs-js', text(100, 'y'))],
    });
    expect(shortened.body).toMatchObject({ acknowledged: [6], refused: [] });
    const answers = await stored();
    expect(answers['l2-prior'].answer).toEqual({ kind: 'choice', selected: ['c'] });
    expect(answers['wasserstein-vs-js'].answer.text).toBe('y'.repeat(100));
  });

  it('answers a request whose answers are all refused with the refusals', async () => {
    const reply = await student.put('/api/attempt/answers', {
      saves: [save(7, 'wasserstein-vs-js', text(TEXT_ANSWER_MAX_LENGTH + 10))],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ acknowledged: [], refused: [{ seq: 7 }], lastSeq: 6 });
    expect((await stored())['wasserstein-vs-js'].answer.text).toBe('y'.repeat(100));
  });
});
