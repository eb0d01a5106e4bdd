import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';

/** Parses, but its check finds two errors: unclosed display math (line 14) and a question with no key (line 19). */
const WITH_ERRORS = [
  '---',
  'id: gate',
  'title: Gate',
  'duration: 10',
  'sections:',
  '  - id: s',
  '    marks: 1',
  '---',
  '',
  '# S {#s}',
  '',
  '## First {#q1}',
  '',
  'What is $$x + 1?',
  '',
  '- [x] A',
  '- [ ] B',
  '',
  '## Second {#q2}',
  '',
  'Pick one.',
  '',
  '- [ ] A',
  '- [ ] B',
  '',
].join('\n');

const SITTING = {
  title: 'Refused',
  opensAt: T0.toISOString(),
  closesAt: new Date(T0.getTime() + 3_600_000).toISOString(),
  durationMinutes: 10,
};

const save = (seq: number, letter: string) => ({
  saves: [{ seq, questionId: 'l2-prior', answer: { kind: 'choice', selected: [letter] }, flagged: false }],
});

describe('what a sitting refuses, and the key change tried before it is made', () => {
  let world: TestWorld;
  let instructor: TestClient;
  beforeAll(async () => {
    world = await createTestWorld('sqlite');
    world.clock.set(T0);
    instructor = await world.logIn('instructor');
  });
  afterAll(() => world.close());

  it('refuses to open a sitting of an exam with lint errors, naming them where they are', async () => {
    const exam = await instructor.post('/api/exams', { source: WITH_ERRORS });
    expect(exam.status).toBe(201);
    const refused = await instructor.post(`/api/exams/${exam.body.id}/sittings`, SITTING);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('exam-has-errors');
    expect(refused.body.message).toMatch(/^the exam has 2 errors, so no sitting can be opened: line 14, column 9: /);
    expect(refused.body.message).toContain('line 19, column 12: `q2` has no correct option');
    expect(refused.body.details.diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'tex-unclosed',
      'no-correct-option',
    ]);
    expect((await instructor.get(`/api/exams/${exam.body.id}`)).body.sittings).toEqual([]);
  });

  it('names the row and column of every roster problem, and imports nothing', async () => {
    const csv = 'name,id,extra_time\nAsha,a1,25%\nBen,,\nCai,a1,\n\nDev,d1,lots';
    const refused = await instructor.post(`/api/sittings/${world.sitting.id}/roster`, { csv });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('roster-invalid');
    expect(refused.body.message).toBe(
      'the roster has 3 problems, nothing was imported: row 3, column B (id): no student id; ' +
        'row 4, column B (id): student a1 is already on row 2; ' +
        'row 6, column C (extra_time): cannot read extra time "lots" (write 25% or 1.25, at most 400%)',
    );
    expect(refused.body.details.problems[2]).toEqual({
      row: 6,
      column: 'C (extra_time)',
      message: 'cannot read extra time "lots" (write 25% or 1.25, at most 400%)',
    });
    expect((await instructor.get(`/api/sittings/${world.sitting.id}/roster`)).body).toHaveLength(3);
  });

  it('previews a key change: who gains or loses how much, with nothing saved', async () => {
    const right = await world.join(world.roster[0]!);
    const wrong = await world.join(world.roster[1]!);
    for (const [student, letter] of [
      [right, 'b'],
      [wrong, 'a'],
    ] as const) {
      await student.post('/api/attempt/start');
      expect((await student.put('/api/attempt/answers', save(1, letter))).status).toBe(200);
    }
    const before = (await instructor.get(`/api/sittings/${world.sitting.id}/results`)).body;
    const current = await instructor.post(`/api/sittings/${world.sitting.id}/key/preview`, {
      questionId: 'l2-prior',
      letters: [],
    });
    expect(current.body).toMatchObject({ currentKey: ['b'], attempts: 2, unchanged: 2, changes: [], students: [] });
    const preview = await instructor.post(`/api/sittings/${world.sitting.id}/key/preview`, {
      questionId: 'l2-prior',
      letters: ['a'],
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      currentKey: ['b'],
      proposedKey: ['a'],
      unchanged: 0,
      changes: [
        { change: '1', students: 1 },
        { change: '-1', students: 1 },
      ],
      students: [
        { studentNumber: world.roster[1]!.studentNumber, before: '-0.5', after: '0.5', change: '1' },
        { studentNumber: world.roster[0]!.studentNumber, before: '0.5', after: '-0.5', change: '-1' },
      ],
    });
    expect((await instructor.get(`/api/sittings/${world.sitting.id}/results`)).body).toEqual(before);
    const written = await instructor.post(`/api/sittings/${world.sitting.id}/key/preview`, {
      questionId: 'wasserstein-vs-js',
      letters: ['a'],
    });
    expect(written.body.code).toBe('not-a-choice-question');
  });
});
