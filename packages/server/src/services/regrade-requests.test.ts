import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';

const DAY = 24 * 3_600_000;
const CHOICE = 'l2-prior';

describe.each(DIALECTS)('regrade requests on %s', (dialect) => {
  let world: TestWorld;
  afterEach(() => world.close());

  /** A student with a typed answer graded 1 of 2 (`js-constant`), the grader, and the instructor. */
  async function setUp(options: { release?: boolean; window?: boolean } = {}) {
    world = await createTestWorld(dialect, { students: 1 });
    const [attemptId] = await seedWrittenAnswers(world, ['JS is constant; W1 has gradient sign(theta).']);
    const grader = await world.logIn('grader');
    const instructor = await world.logIn('instructor');
    const sitting = `/api/sittings/${world.sitting.id}`;
    const answer = `${sitting}/grading/${WRITTEN}/answers/${attemptId!}`;
    expect((await grader.put(`${answer}/grade`, { items: ['js-constant'], expectedVersion: 0 })).status).toBe(200);
    const roster = await world.context.db
      .selectFrom('roster')
      .innerJoin('attempts', 'attempts.roster_id', 'roster.id')
      .select('roster.id')
      .where('attempts.id', '=', attemptId!)
      .executeTakeFirstOrThrow();
    // The seeded student joins with the first roster student's code (seeded codes are not in the code alphabet).
    const code = world.roster[0]!;
    await world.context.db.updateTable('roster').set({ access_code: 'unused' }).where('id', '=', code.id).execute();
    await world.context.db
      .updateTable('roster')
      .set({ access_code: code.accessCode })
      .where('id', '=', roster.id)
      .execute();
    const student = await world.join(code);
    if (options.release !== false) expect((await instructor.post(`${sitting}/release`, {})).status).toBe(200);
    if (options.window !== false) await openWindow(instructor, sitting);
    return { attemptId: attemptId!, rosterId: roster.id, grader, instructor, student, sitting };
  }

  const openWindow = async (instructor: TestClient, sitting: string, until = new Date(T0.getTime() + DAY)) => {
    const response = await instructor.put(`${sitting}/regrade-window`, { until: until.toISOString() });
    expect(response.status).toBe(200);
    return response;
  };
  const ask = (student: TestClient, questionId = WRITTEN, reason = 'My answer shows the W1 gradient too.') =>
    student.post('/api/attempt/regrade-requests', { questionId, reason });
  const actions = async () =>
    (await world.context.db.selectFrom('audit_events').select(['action', 'data_json']).orderBy('id').execute())
      .filter((event) => event.action.startsWith('regrade.'))
      .map((event) => event.action);

  it('takes requests only after release, while the window is open, and one open request per question', async () => {
    const { student, instructor, grader, sitting } = await setUp({ release: false, window: false });
    expect((await ask(student)).body).toMatchObject({ code: 'results-not-released' });
    expect((await ask(student)).status).toBe(409);
    expect((await instructor.post(`${sitting}/release`, {})).status).toBe(200);
    expect((await ask(student)).body).toMatchObject({ code: 'regrade-window-closed' });
    expect((await student.get('/api/attempt/regrade-requests')).body).toEqual({
      window: { open: false },
      requests: [],
    });
    expect((await grader.put(`${sitting}/regrade-window`, { until: null })).status).toBe(403);
    const past = await instructor.put(`${sitting}/regrade-window`, { until: new Date(T0.getTime() - 1).toISOString() });
    expect(past.body).toMatchObject({ code: 'deadline-passed' });
    // Two hours: sessions outlive the deadline, so the late request is refused by it, not by sign-out.
    const until = new Date(T0.getTime() + 2 * 3_600_000);
    expect((await openWindow(instructor, sitting, until)).body).toMatchObject({ regradeUntil: until.toISOString() });

    expect((await ask(student, 'no-such-question')).body).toMatchObject({ code: 'question-not-on-exam' });
    const filed = await ask(student);
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ questionId: WRITTEN, status: 'open', createdAt: T0.toISOString() });
    const again = await ask(student, WRITTEN, 'Once more.');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'regrade-already-open', message: expect.stringContaining('already') });
    expect((await ask(student, CHOICE, 'B is right too.')).status).toBe(200);
    expect((await student.get('/api/attempt/regrade-requests')).body).toMatchObject({
      window: { open: true, until: until.toISOString() },
      requests: [{ status: 'open' }, { status: 'open' }],
    });

    world.clock.set(new Date(until.getTime()));
    expect((await ask(student, 'masked-softmax', 'Late.')).body).toMatchObject({ code: 'regrade-deadline-passed' });
    world.clock.set(T0);
    expect((await instructor.put(`${sitting}/regrade-window`, { until: null })).body.regradeUntil).toBeUndefined();
    expect((await ask(student, 'masked-softmax', 'Closed.')).body).toMatchObject({ code: 'regrade-window-closed' });
    expect(await actions()).toEqual(['regrade.window', 'regrade.requested', 'regrade.requested', 'regrade.window']);
  });

  it('lets one of two requests filed at once through', async () => {
    const { student } = await setUp();
    const replies = await Promise.all([ask(student, WRITTEN, 'First.'), ask(student, WRITTEN, 'Second.')]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const open = await world.context.db
      .selectFrom('regrade_requests')
      .selectAll()
      .where('status', '=', 'open')
      .execute();
    expect(open).toHaveLength(1);
  });

  it('accepts a written answer’s request with a new grade that shows in the student’s total, once', async () => {
    const { student, grader, sitting, attemptId, rosterId } = await setUp();
    const before = (await student.get('/api/attempt/results')).body;
    const filed = (await ask(student)).body;

    const queue = await grader.get(`${sitting}/regrade-requests?status=open`);
    expect(queue.body).toMatchObject({
      open: 1,
      requests: [{ id: filed.id, attemptId, rosterId, questionKind: 'written' }],
    });
    expect(queue.body.requests[0].student).toBeUndefined();
    expect((await grader.get(`${sitting}/regrade-requests?questionId=${CHOICE}`)).body.requests).toEqual([]);
    expect((await grader.get(`${sitting}/regrade-requests?rosterId=${rosterId}`)).body.requests).toHaveLength(1);
    const detail = (await grader.get(`${sitting}/regrade-requests/${filed.id}`)).body;
    expect(detail.request.reason).toBe('My answer shows the W1 gradient too.');
    expect(detail.result).toMatchObject({ questionId: WRITTEN, points: '1' });
    expect(detail.grading.grade).toMatchObject({ items: ['js-constant'], version: 1 });

    const decision = `${sitting}/regrade-requests/${filed.id}/decision`;
    const noGrade = await grader.post(decision, { outcome: 'accepted', reply: 'Yes.' });
    expect(noGrade.body).toMatchObject({ code: 'grade-required' });
    const grade = { items: ['js-constant', 'w1-gradient'], expectedVersion: 1, comment: 'W1 is there.' };
    const accepted = await grader.post(decision, { outcome: 'accepted', reply: 'You are right: +1.', grade });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', reply: 'You are right: +1.', decidedBy: 'grader' });
    expect((await grader.post(decision, { outcome: 'declined', reply: 'No.' })).body).toMatchObject({
      code: 'regrade-not-open',
    });

    const after = (await student.get('/api/attempt/results')).body;
    expect(Number(after.total) - Number(before.total)).toBe(1);
    expect(after.questions.find((q: { questionId: string }) => q.questionId === WRITTEN).points).toBe('2');
    expect((await student.get('/api/attempt/regrade-requests')).body.requests).toMatchObject([
      { id: filed.id, status: 'accepted', reply: 'You are right: +1.' },
    ]);
    const row = await world.context.db.selectFrom('regrade_requests').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'accepted', grade_version: 2, decided_by: world.users.grader.id });
    expect(await actions()).toEqual(['regrade.window', 'regrade.requested', 'regrade.accepted']);
    const applied = await world.context.db
      .selectFrom('audit_events')
      .select('data_json')
      .where('action', '=', 'grade.applied')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(applied.data_json)).toMatchObject({ version: 2, items: ['js-constant', 'w1-gradient'] });
    // Answered: the student may ask again.
    expect((await ask(student, WRITTEN, 'And the constant?')).status).toBe(200);
  });

  it('declines with a reply and keeps the grade; a stale grade version is refused and the request stays open', async () => {
    const { student, grader, instructor, sitting, attemptId } = await setUp();
    const filed = (await ask(student)).body;
    const decision = `${sitting}/regrade-requests/${filed.id}/decision`;
    // Another grader regrades the answer meanwhile: version 2.
    const answer = `${sitting}/grading/${WRITTEN}/answers/${attemptId}/grade`;
    expect((await instructor.put(answer, { items: [], expectedVersion: 1 })).status).toBe(200);
    const stale = await grader.post(decision, {
      outcome: 'accepted',
      reply: 'Right.',
      grade: { items: ['js-constant', 'w1-gradient'], expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'grade-conflict' });
    expect((await grader.get(`${sitting}/regrade-requests`)).body.requests[0]).toMatchObject({ status: 'open' });

    const withGrade = await grader.post(decision, {
      outcome: 'declined',
      reply: 'No.',
      grade: { items: [], expectedVersion: 2 },
    });
    expect(withGrade.body).toMatchObject({ code: 'grade-with-decline' });
    const declined = await grader.post(decision, { outcome: 'declined', reply: 'The gradient is not derived.' });
    expect(declined.body).toMatchObject({ status: 'declined', reply: 'The gradient is not derived.' });
    const results = (await student.get('/api/attempt/results')).body;
    expect(results.questions.find((q: { questionId: string }) => q.questionId === WRITTEN).points).toBe('0');
    expect((await student.get('/api/attempt/regrade-requests')).body.requests[0]).toMatchObject({
      status: 'declined',
      reply: 'The gradient is not derived.',
    });
    expect(await actions()).toEqual(['regrade.window', 'regrade.requested', 'regrade.declined']);
  });

  it('accepts a choice question’s request with a reply only, and lets a student withdraw', async () => {
    const { student, grader, sitting } = await setUp();
    const choice = (await ask(student, CHOICE, 'Option B is also right.')).body;
    const decision = `${sitting}/regrade-requests/${choice.id}/decision`;
    const grade = { items: [], expectedVersion: 0 };
    expect((await grader.post(decision, { outcome: 'accepted', reply: 'Yes', grade })).body).toMatchObject({
      code: 'grade-not-applicable',
    });
    const accepted = await grader.post(decision, { outcome: 'accepted', reply: 'The key is being changed.' });
    expect(accepted.body).toMatchObject({ status: 'accepted', questionKind: 'other' });

    const written = (await ask(student)).body;
    const withdrawn = await student.post(`/api/attempt/regrade-requests/${written.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    expect((await student.post(`/api/attempt/regrade-requests/${written.id}/withdraw`)).body).toMatchObject({
      code: 'regrade-not-open',
    });
    expect((await grader.get(`${sitting}/regrade-requests`)).body).toMatchObject({ open: 0 });
    expect(await actions()).toEqual([
      'regrade.window',
      'regrade.requested',
      'regrade.accepted',
      'regrade.requested',
      'regrade.withdrawn',
    ]);
  });

  it('names students in the queue only once names are revealed, and keeps other sittings out', async () => {
    const { student, grader, instructor, sitting } = await setUp();
    const filed = (await ask(student)).body;
    expect((await instructor.post(`${sitting}/grading/names`, { revealed: true })).status).toBe(200);
    expect((await grader.get(`${sitting}/regrade-requests`)).body.requests[0].student).toMatchObject({
      studentNumber: 'g00000',
    });
    const other = await world.logIn('otherInstructor');
    const elsewhere = `/api/sittings/${world.otherSitting.id}/regrade-requests/${filed.id}`;
    expect((await other.get(elsewhere)).status).toBe(404);
  });
});
