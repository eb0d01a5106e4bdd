import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';

/** The instructor's exam page shows what the executable checks say of the key (the sandbox itself is tested in checks). */
describe('the verify report of an exam', () => {
  let world: TestWorld;
  let instructor: TestClient;
  beforeAll(async () => {
    world = await createTestWorld('sqlite');
    instructor = await world.logIn('instructor');
  });
  afterAll(() => world.close());

  it("runs the bundled exam's checks and reports where the marked key disagrees", async () => {
    const response = await instructor.get(`/api/exams/${world.examId}/verify`);
    expect(response.status, response.text).toBe(200);
    const report = response.body as { version: number; results: { questionId: string; verdict: string }[] };
    expect(report.version).toBe(1);
    expect(report.results.length).toBeGreaterThanOrEqual(10);
    const verdictOf = (id: string) => report.results.find((result) => result.questionId === id)?.verdict;
    // ∂L/∂x = ∂L/∂y (1 + ∂F/∂x) is option (c); the source's key says (b).
    expect(verdictOf('resnet-residual-gradient')).toBe('disagrees');
    expect(verdictOf('masked-softmax')).toBe('agrees');
    expect(verdictOf('l2-prior')).toBe('agrees');
    // A version never changes: the second request is the same report.
    expect((await instructor.get(`/api/exams/${world.examId}/verify`)).body).toEqual(report);
  });

  it('tries every generator of a computed exam with 20 seeds and judges each instance by its check', async () => {
    const source = readFileSync(new URL('../../../../exams/dl-practice/exam.md', import.meta.url), 'utf8');
    const imported = await instructor.post('/api/exams', { source });
    expect(imported.status, imported.text).toBe(201);
    const response = await instructor.get(`/api/exams/${imported.body.id as string}/verify`);
    expect(response.status, response.text).toBe(200);
    const computed = response.body.computed as {
      questionId: string;
      seeds: number;
      valid: number;
      checkAgrees?: number;
    }[];
    expect(computed.length).toBeGreaterThanOrEqual(8);
    for (const summary of computed) {
      expect(summary, summary.questionId).toMatchObject({ seeds: 20, valid: 20, checkAgrees: 20 });
    }
  });
});
