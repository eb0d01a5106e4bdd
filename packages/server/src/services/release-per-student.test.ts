import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { BUNDLED_SOURCE, createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';

const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
/** `l2-prior` is a half-mark Beginner question, key (b), −0.5 when wrong. */
const answer = (letter: string) => ({
  saves: [{ seq: 1, questionId: 'l2-prior', answer: { kind: 'choice', selected: [letter] }, flagged: false }],
});

describe.each(DIALECTS)('releasing results, then solutions, per sitting and per student on %s', (dialect) => {
  let world: TestWorld;
  afterEach(() => world.close());

  async function sit(student: TestClient, letter = 'b', submit = true) {
    expect((await student.post('/api/attempt/start')).status).toBe(200);
    expect((await student.put('/api/attempt/answers', answer(letter))).status).toBe(200);
    if (submit) expect((await student.post('/api/attempt/submit')).status).toBe(200);
  }
  const seesKey = async (student: TestClient) => {
    const results = await student.get('/api/attempt/results');
    if (results.status !== 200) return results.status;
    const l2 = (results.body.questions as { questionId: string; correct?: string[] }[]).find(
      (question) => question.questionId === 'l2-prior',
    );
    return l2?.correct === undefined ? 'results' : 'solutions';
  };
  const actions = async () =>
    (await world.context.db.selectFrom('audit_events').select('action').orderBy('id').execute())
      .map((event) => event.action)
      .filter((action) => /^(results|solutions|release)\./.test(action));

  async function setUp() {
    world = await createTestWorld(dialect, { students: 2 });
    const instructor = await world.logIn('instructor');
    const [first, second] = world.roster;
    return {
      instructor,
      first: await world.join(first!),
      second: await world.join(second!),
      sitting: `/api/sittings/${world.sitting.id}`,
      ids: [first!.id, second!.id] as const,
    };
  }

  it('refuses solutions before results (409), then releases them, each step audited', async () => {
    const { instructor, first, sitting } = await setUp();
    await sit(first);
    const early = await instructor.post(`${sitting}/release-solutions`, {});
    expect([early.status, early.body.code]).toEqual([409, 'results-not-released']);
    expect(early.body.message).toContain('release the results before the solutions');
    expect(await seesKey(first)).toBe(403);
    expect((await instructor.post(`${sitting}/release`, {})).body.releaseResults).toBe('immediately');
    expect(await seesKey(first)).toBe('results');
    const released = await instructor.post(`${sitting}/release-solutions`, {});
    expect([released.status, released.body.releaseSolutions]).toEqual([200, 'immediately']);
    expect(await seesKey(first)).toBe('solutions');
    // Releasing again changes nothing and records nothing.
    expect((await instructor.post(`${sitting}/release-solutions`, {})).status).toBe(200);
    expect(await actions()).toEqual(['results.released', 'solutions.released']);
    expect((await instructor.post(`${sitting}/release-solutions`, { now: true })).status).toBe(400);
  });

  it('shows a late taker nothing while their attempt takes answers, grace period included', async () => {
    const { instructor, first, second, sitting } = await setUp();
    await sit(first);
    // The second student starts late: their deadline is the window's close (17:00), saves until 17:01.
    world.clock.set(at(6 * 60 + 30));
    await sit(second, 'a', false);
    await instructor.post(`${sitting}/release`, {});
    await instructor.post(`${sitting}/release-solutions`, {});
    expect(await seesKey(first)).toBe('solutions');
    expect(await seesKey(second)).toBe(403);
    expect((await second.get('/api/attempt')).body.resultsAvailable).toBe(false);
    world.clock.set(new Date(at(8 * 60).getTime() + 30_000)); // past the deadline, in the grace period
    expect((await second.put('/api/attempt/answers', answer('b'))).status).toBe(200);
    expect(await seesKey(second)).toBe(403);
    world.clock.set(at(8 * 60 + 2));
    expect((await second.get('/api/attempt')).body.resultsAvailable).toBe(true);
    expect(await seesKey(second)).toBe('solutions');
  });

  it('holds back a named student, releases to one student alone, and lists each student', async () => {
    const { instructor, first, second, sitting, ids } = await setUp();
    await sit(first);
    await sit(second);
    const hold = await instructor.put(`${sitting}/student-releases/${ids[0]}`, { results: 'held', solutions: 'held' });
    expect(hold.body).toMatchObject({ results: { override: 'held', visible: false }, attemptStatus: 'submitted' });
    await instructor.post(`${sitting}/release`, {});
    await instructor.post(`${sitting}/release-solutions`, {});
    expect([await seesKey(first), await seesKey(second)]).toEqual([403, 'solutions']);
    expect((await first.get('/api/attempt')).body.resultsAvailable).toBe(false);
    // A held student cannot ask for a regrade of results they cannot see; the others are only told the window is shut.
    const regrade = { questionId: 'l2-prior', reason: 'B is right.' };
    expect((await first.post('/api/attempt/regrade-requests', regrade)).body.code).toBe('results-not-released');
    expect((await second.post('/api/attempt/regrade-requests', regrade)).body.code).toBe('regrade-window-closed');
    // Results for the held student, solutions still held.
    await instructor.put(`${sitting}/student-releases/${ids[0]}`, { results: 'sitting', solutions: 'held' });
    expect(await seesKey(first)).toBe('results');
    const list = await instructor.get(`${sitting}/student-releases`);
    expect(list.body.map((row: { solutions: { visible: boolean } }) => row.solutions.visible)).toEqual([false, true]);
    // Back to the sitting's policy: the exception is gone.
    await instructor.put(`${sitting}/student-releases/${ids[0]}`, { results: 'sitting', solutions: 'sitting' });
    expect(await seesKey(first)).toBe('solutions');
    expect(await world.context.db.selectFrom('release_overrides').selectAll().execute()).toEqual([]);
    expect(await actions()).toEqual([
      'release.student',
      'results.released',
      'solutions.released',
      'release.student',
      'release.student',
    ]);
  });

  it('releases to one student before the sitting, solutions only after their results', async () => {
    const { instructor, first, second, sitting, ids } = await setUp();
    await sit(first);
    await sit(second);
    const early = await instructor.put(`${sitting}/student-releases/${ids[0]}`, {
      results: 'sitting',
      solutions: 'released',
    });
    expect([early.status, early.body.code]).toEqual([409, 'results-not-released']);
    const one = await instructor.put(`${sitting}/student-releases/${ids[0]}`, {
      results: 'released',
      solutions: 'released',
    });
    expect(one.body).toMatchObject({ results: { visible: true }, solutions: { visible: true } });
    expect([await seesKey(first), await seesKey(second)]).toEqual(['solutions', 403]);
    const event = await world.context.db
      .selectFrom('audit_events')
      .select('data_json')
      .where('action', '=', 'release.student')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data_json)).toMatchObject({
      rosterId: ids[0],
      results: 'released',
      previously: { results: 'sitting', solutions: 'sitting' },
    });
  });

  it('refuses a student of another sitting, a bad body, and callers who are not the instructor', async () => {
    const { instructor, first, sitting, ids } = await setUp();
    const body = { results: 'held', solutions: 'held' };
    const other = await instructor.put(`${sitting}/student-releases/${world.otherRoster[0]!.id}`, body);
    expect([other.status, other.body.code]).toEqual([404, 'not-found']);
    const bad = await instructor.put(`${sitting}/student-releases/${ids[0]}`, { results: 'later', solutions: 'held' });
    expect(bad.status).toBe(400);
    expect((await (await world.logIn('grader')).put(`${sitting}/student-releases/${ids[0]}`, body)).status).toBe(403);
    expect((await first.put(`${sitting}/student-releases/${ids[0]}`, body)).status).toBe(403);
    expect((await first.post(`${sitting}/release-solutions`, {})).status).toBe(403);
  });
});

describe.each(DIALECTS)('the maximum and the floored total in results on %s', (dialect) => {
  let world: TestWorld;
  afterEach(() => world.close());

  it('explains the maximum: 16 of the paper’s 20 marks, 8 questions without a key', async () => {
    world = await createTestWorld(dialect, { students: 1 });
    const student = await world.join(world.roster[0]!);
    await student.post('/api/attempt/start');
    await student.post('/api/attempt/submit');
    const instructor = await world.logIn('instructor');
    await instructor.post(`/api/sittings/${world.sitting.id}/release`, { confirmUngraded: true });
    const own = (await student.get('/api/attempt/results')).body;
    expect([own.maximum, own.unscored.paperMarks, own.unscored.questions.length]).toEqual(['16', '20', 8]);
    expect(own.unscored.questions[0]).toEqual({
      questionId: 'conv-grad-valid',
      number: expect.any(Number),
      marks: '0.5',
      reason: 'no-key',
    });
    const [row] = (await instructor.get(`/api/sittings/${world.sitting.id}/results`)).body;
    expect(row.unscored).toEqual(own.unscored);
  });

  it('counts a negative total as 0 with `total-floor: 0`, in results and the CSV, and says what the points add up to', async () => {
    const source = BUNDLED_SOURCE.replace('total: 20\n', 'total: 20\ntotal-floor: 0\n');
    world = await createTestWorld(dialect, { students: 1, source });
    const student = await world.join(world.roster[0]!);
    await student.post('/api/attempt/start');
    await student.put('/api/attempt/answers', answer('a'));
    await student.post('/api/attempt/submit');
    const instructor = await world.logIn('instructor');
    await instructor.post(`/api/sittings/${world.sitting.id}/release`, { confirmUngraded: true });
    const own = (await student.get('/api/attempt/results')).body;
    expect([own.total, own.rawTotal]).toEqual(['0', '-0.5']);
    const [row] = (await instructor.get(`/api/sittings/${world.sitting.id}/results`)).body;
    expect(row.total).toBe('0');
    const [header = [], first = []] = (await instructor.get(`/api/sittings/${world.sitting.id}/results.csv`)).text
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(first[header.indexOf('total')]).toBe('0');
  });
});
