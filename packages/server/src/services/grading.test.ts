import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import { createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { CLAIM_LEASE_MS } from './grading-claims.js';

describe.each(DIALECTS)('grading written answers on %s', (dialect) => {
  let world: TestWorld;
  afterEach(() => world.close());

  async function setUp(texts: readonly string[]) {
    world = await createTestWorld(dialect, { students: 1 });
    const attempts = await seedWrittenAnswers(world, texts);
    const base = `/api/sittings/${world.sitting.id}/grading/${WRITTEN}`;
    return { attempts, base, grader: await world.logIn('grader'), instructor: await world.logIn('instructor') };
  }

  const next = (client: TestClient, base: string, body: object = {}) => client.post(`${base}/next`, body);
  const auditActions = async (action: string) =>
    world.context.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
  const resultOf = async (attemptId: string) => {
    const rows = (await (await world.logIn('instructor')).get(`/api/sittings/${world.sitting.id}/results`)).body;
    return rows.find((row: { attemptId?: string }) => row.attemptId === attemptId);
  };

  it('claims the next ungraded answer, grades it, and counts it in results instead of `ungraded`', async () => {
    const { attempts, base, grader } = await setUp(['first answer', 'second answer', 'third answer']);
    const before = await resultOf(attempts[0]!);
    expect(before.questions[WRITTEN]).toBe('ungraded');
    expect(before.ungraded).toContain(WRITTEN);
    const first = await next(grader, base);
    expect(first.status).toBe(200);
    expect(first.body.answer).toMatchObject({ source: 'online', answer: { kind: 'text' } });
    expect(first.body.answer.question.rubric.map((item: { id: string }) => item.id)).toEqual([
      'js-constant',
      'w1-gradient',
    ]);
    expect(first.body.answer.question.solution).toContain('Wasserstein');
    expect(first.body.answer.student).toBeUndefined();
    expect(first.body.progress).toMatchObject({ answers: 3, graded: 0, ungraded: 3, inProgressByOthers: 0 });
    const attemptId = first.body.answer.attemptId as string;
    const graded = await grader.put(`${base}/answers/${attemptId}/grade`, {
      items: ['js-constant'],
      adjustment: '0.25',
      adjustmentReason: 'partly right about W1',
      comment: 'Show the gradient of W1 too.',
      expectedVersion: 0,
    });
    expect(graded.status).toBe(200);
    expect(graded.body.grade).toMatchObject({ items: ['js-constant'], points: '1.25', version: 1, gradedBy: 'grader' });
    expect((await grader.get(base)).body.progress).toMatchObject({ graded: 1, ungraded: 2 });
    const after = await resultOf(attemptId);
    expect(after.questions[WRITTEN]).toBe('1.25');
    expect(after.ungraded).not.toContain(WRITTEN);
    const applied = await auditActions('grade.applied');
    expect(applied).toHaveLength(1);
    expect(JSON.parse(applied[0]!.data_json)).toMatchObject({ items: ['js-constant'], adjustment: '0.25' });
    // The comment is offered again for the question.
    expect((await grader.get(`${base}/comments`)).body).toEqual([{ text: 'Show the gradient of W1 too.', uses: 1 }]);
    const summary = (await grader.get(`/api/sittings/${world.sitting.id}/grading`)).body;
    expect(summary.find((row: { questionId: string }) => row.questionId === WRITTEN)).toMatchObject({
      answers: 3,
      graded: 1,
      ungraded: 2,
    });
  });

  it('refuses a stale save with 409 and records the conflict, keeping the first grade', async () => {
    const { attempts, base, grader, instructor } = await setUp(['only answer']);
    const url = `${base}/answers/${attempts[0]}/grade`;
    expect((await grader.put(url, { items: ['js-constant'], expectedVersion: 0 })).status).toBe(200);
    const late = await instructor.put(url, { items: ['w1-gradient'], expectedVersion: 0 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'grade-conflict', message: expect.any(String) });
    const shown = (await instructor.get(`${base}/answers/${attempts[0]}`)).body as { grade: unknown };
    expect(shown.grade).toMatchObject({ items: ['js-constant'], version: 1 });
    const conflicts = await auditActions('grade.conflict');
    expect(conflicts).toHaveLength(1);
    expect(JSON.parse(conflicts[0]!.data_json)).toMatchObject({ expectedVersion: 0, currentVersion: 1 });
    const revised = await instructor.put(url, { items: ['w1-gradient', 'js-constant'], expectedVersion: 1 });
    expect(revised.body.grade).toMatchObject({ points: '2', version: 2 });
    expect(await auditActions('grade.applied')).toHaveLength(2);
  });

  it('refuses what is not a grade: unknown items, an adjustment without reason, an unknown answer (4xx)', async () => {
    const { attempts, base, grader } = await setUp(['an answer']);
    const url = `${base}/answers/${attempts[0]}/grade`;
    const cases: [object, number, string][] = [
      [{ items: ['nope'], expectedVersion: 0 }, 400, 'unknown-rubric-item'],
      [{ items: [], adjustment: '1', expectedVersion: 0 }, 400, 'adjustment-reason-required'],
      [{ items: [], adjustment: 'a lot', adjustmentReason: 'x', expectedVersion: 0 }, 400, 'invalid-request'],
      [{ items: ['js-constant', 'js-constant'], expectedVersion: 0 }, 400, 'repeated-rubric-item'],
    ];
    for (const [body, status, code] of cases) {
      const response = await grader.put(url, body);
      expect([response.status, response.body.code]).toEqual([status, code]);
    }
    const unknown = await grader.put(`${base}/answers/nobody/grade`, { items: [], expectedVersion: 0 });
    expect(unknown.status).toBe(404);
    const notWritten = await grader.get(`/api/sittings/${world.sitting.id}/grading/l2-prior`);
    expect([notWritten.status, notWritten.body.code]).toEqual([400, 'not-a-written-question']);
  });

  it('does not send an answer another grader holds until the lease expires', async () => {
    const { attempts, base, grader, instructor } = await setUp(['a', 'b']);
    const held = (await next(grader, base)).body.answer.attemptId as string;
    const other = (await next(instructor, base)).body;
    expect(other.answer.attemptId).not.toBe(held);
    expect(other.progress.inProgressByOthers).toBe(1);
    // Asked for the next ungraded answer, the instructor comes back to their own: the grader's is not free.
    const again = await next(instructor, base, { after: other.answer.attemptId });
    expect(again.body.answer.attemptId).toBe(other.answer.attemptId);
    expect([held, other.answer.attemptId].sort()).toEqual([...attempts].sort());
    const claim = await instructor.post(`${base}/answers/${held}/claim`);
    expect([claim.status, claim.body.code]).toEqual([409, 'answer-claimed']);
    expect(await auditActions('grading.claim-conflict')).toHaveLength(1);
    // Renewing one's own claim works; once it lapses, the answer is free for others.
    expect((await grader.post(`${base}/answers/${held}/claim`)).status).toBe(200);
    world.clock.advance(CLAIM_LEASE_MS + 1);
    const taken = await instructor.post(`${base}/answers/${held}/claim`);
    expect(taken.status).toBe(200);
  });

  it('offers equal typed answers as a group and grades each member with its own audited grade', async () => {
    const { attempts, base, grader } = await setUp([
      'JS is  constant: $\\log 2$ and $W_1 = |\\theta|$',
      'js is constant: $\\log2$ and $W_1=|\\theta|$',
      '  JS IS CONSTANT: $\\log 2$ and $W_1 = | \\theta |$  ',
      'something else entirely',
    ]);
    const groups = (await grader.get(`${base}/groups`)).body;
    expect(groups).toHaveLength(1);
    expect(groups[0].members.map((m: { attemptId: string }) => m.attemptId).sort()).toEqual(
      attempts.slice(0, 3).sort(),
    );
    const members = groups[0].members.map((m: { attemptId: string }) => ({
      attemptId: m.attemptId,
      expectedVersion: 0,
    }));
    const graded = await grader.put(`${base}/groups/${groups[0].id}/grade`, { items: ['js-constant'], members });
    expect(graded.status).toBe(200);
    expect(graded.body.members.every((m: { graded: boolean; version: number }) => m.graded && m.version === 1)).toBe(
      true,
    );
    const applied = await auditActions('grade.applied');
    expect(applied.map((event) => event.subject).sort()).toEqual(
      attempts
        .slice(0, 3)
        .map((id) => `answer:${id}/${WRITTEN}`)
        .sort(),
    );
    for (const id of attempts.slice(0, 3)) expect((await resultOf(id)).questions[WRITTEN]).toBe('1');
    expect((await resultOf(attempts[3]!)).questions[WRITTEN]).toBe('ungraded');
    // A stale member refuses the whole group: nothing is written.
    const again = await grader.put(`${base}/groups/${groups[0].id}/grade`, { items: ['w1-gradient'], members });
    expect([again.status, again.body.code]).toEqual([409, 'grade-conflict']);
    expect(await auditActions('grade.applied')).toHaveLength(3);
  });

  it('filters the queue by state, rubric item and grader, and shows names only once revealed', async () => {
    const { attempts, base, grader, instructor } = await setUp(['a', 'b', 'c']);
    await grader.put(`${base}/answers/${attempts[0]}/grade`, { items: ['js-constant'], expectedVersion: 0 });
    await instructor.put(`${base}/answers/${attempts[1]}/grade`, { items: ['w1-gradient'], expectedVersion: 0 });
    const ids = async (query: string) =>
      ((await grader.get(`${base}${query}`)).body.entries as { attemptId: string }[]).map((e) => e.attemptId).sort();
    expect(await ids('?filter=ungraded')).toEqual([attempts[2]]);
    expect(await ids('?filter=graded')).toEqual(attempts.slice(0, 2).sort());
    expect(await ids('?item=w1-gradient')).toEqual([attempts[1]]);
    expect(await ids(`?grader=${world.users.grader.id}`)).toEqual([attempts[0]]);
    // Moving back and forth through graded answers, in queue order.
    const order = [...attempts.slice(0, 2)].sort();
    const forward = (await next(grader, base, { filter: 'graded' })).body.answer.attemptId as string;
    expect(forward).toBe(order[0]);
    const onward = (await next(grader, base, { filter: 'graded', after: forward })).body.answer.attemptId as string;
    expect(onward).toBe(order[1]);
    const back = await next(grader, base, { filter: 'graded', direction: 'previous', after: onward });
    expect(back.body.answer.attemptId).toBe(order[0]);
    const none = await next(grader, base, { filter: 'graded', direction: 'previous', after: order[0] });
    expect(none.body.answer).toBeUndefined();
    const carrying = await next(grader, base, { filter: 'all', item: 'w1-gradient' });
    expect(carrying.body.answer.attemptId).toBe(attempts[1]);
    const anonymous = JSON.stringify((await grader.get(base)).body);
    expect(anonymous).not.toContain('Graded Student');
    expect((await grader.post(`/api/sittings/${world.sitting.id}/grading/names`, { revealed: true })).status).toBe(403);
    expect((await instructor.post(`/api/sittings/${world.sitting.id}/grading/names`, { revealed: true })).status).toBe(
      200,
    );
    expect(JSON.stringify((await grader.get(base)).body)).toContain('Graded Student');
  });
  it('flags an answer for a second look with a note, finds it under the flagged filter, and clears it (audited)', async () => {
    const { attempts, base, grader, instructor } = await setUp(['clear answer', 'is this copied?', 'another']);
    const flagged = attempts[1]!;
    const flag = await grader.put(`${base}/answers/${flagged}/flag`, { flagged: true, note: 'same as another answer' });
    expect(flag.status).toBe(200);
    expect(flag.body.flag).toMatchObject({ note: 'same as another answer', flaggedBy: 'grader' });
    const listed = (await instructor.get(`${base}?filter=flagged`)).body.entries;
    expect(listed.map((entry: { attemptId: string }) => entry.attemptId)).toEqual([flagged]);
    expect(listed[0].flag.note).toBe('same as another answer');
    expect((await instructor.get(`${base}/answers/${flagged}`)).body.flag.note).toBe('same as another answer');
    // A flagged answer can still be graded: the flag marks it, it does not hold it back.
    const graded = await grader.put(`${base}/answers/${flagged}/grade`, { items: [], expectedVersion: 0 });
    expect(graded.status).toBe(200);
    expect((await grader.put(`${base}/answers/${flagged}/flag`, { flagged: false })).body.flag).toBeUndefined();
    expect((await instructor.get(`${base}?filter=flagged`)).body.entries).toEqual([]);
    expect((await auditActions('grading.flagged')).map((event) => event.subject)).toEqual([
      `answer:${flagged}/${WRITTEN}`,
    ]);
    expect(await auditActions('grading.unflagged')).toHaveLength(1);
    // A flag needs its note, and only answers in the queue can be flagged.
    expect((await grader.put(`${base}/answers/${flagged}/flag`, { flagged: true })).status).toBe(400);
    expect((await grader.put(`${base}/answers/nobody/flag`, { flagged: true, note: 'x' })).status).toBe(404);
  });
});
