import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';

describe.each(DIALECTS)('exam staff on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;
  let grader: TestClient;
  let staffUrl = '';
  beforeAll(async () => {
    world = await createTestWorld(dialect);
    instructor = await world.logIn('instructor');
    grader = await world.logIn('grader');
    staffUrl = `/api/exams/${world.examId}/staff`;
  });
  afterAll(() => world.close());

  const roles = (body: { email: string; role: string }[]) => Object.fromEntries(body.map((m) => [m.email, m.role]));

  it('lists the owner, instructors and graders to the exam’s staff', async () => {
    const list = await grader.get(staffUrl);
    expect(list.status).toBe(200);
    expect(roles(list.body)).toEqual({ 'instructor@examforge.test': 'owner', 'grader@examforge.test': 'grader' });
    expect((await (await world.logIn('otherInstructor')).get(staffUrl)).status).toBe(403);
  });

  it('does not let a grader change a key or manage staff', async () => {
    const key = await grader.post(`/api/sittings/${world.sitting.id}/key`, { questionId: 'l2-prior', letters: ['b'] });
    expect(key.status).toBe(403);
    const grant = await grader.post(staffUrl, { email: 'other@examforge.test', role: 'grader' });
    expect(grant.status).toBe(403);
    expect((await grader.request('DELETE', `${staffUrl}/${world.users.grader.id}`)).status).toBe(403);
  });

  it('lets the exam’s instructor grant and revoke roles, with audit events', async () => {
    const other = await world.logIn('otherInstructor');
    const granted = await instructor.post(staffUrl, { email: 'OTHER@examforge.test', role: 'instructor' });
    expect(granted.status).toBe(200);
    expect(roles(granted.body)['other@examforge.test']).toBe('instructor');
    expect((await other.get(`/api/exams/${world.examId}`)).status).toBe(200);
    const unknown = await instructor.post(staffUrl, { email: 'nobody@x.test', role: 'grader' });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'no-such-account' } });
    const revoked = await instructor.request('DELETE', `${staffUrl}/${world.users.otherInstructor.id}`);
    expect(revoked.status).toBe(200);
    expect((await other.get(`/api/exams/${world.examId}`)).status).toBe(403);
    const owner = await instructor.request('DELETE', `${staffUrl}/${world.users.instructor.id}`);
    expect(owner).toMatchObject({ status: 409, body: { code: 'owner-role' } });
    const actions = await world.context.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject', '=', `exam:${world.examId}`)
      .where('action', 'like', 'staff.%')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['staff.granted', 'staff.revoked']);
  });

  it('hands the exam over when its owner makes someone else the owner; they stay on as an instructor', async () => {
    await instructor.post(staffUrl, { email: 'grader@examforge.test', role: 'instructor' });
    const promoted = await (
      await world.logIn('grader')
    ).post(staffUrl, {
      email: 'other@examforge.test',
      role: 'owner',
    });
    expect(promoted).toMatchObject({ status: 403 });
    const handed = await instructor.post(staffUrl, { email: 'other@examforge.test', role: 'owner' });
    expect(roles(handed.body)).toMatchObject({
      'other@examforge.test': 'owner',
      'instructor@examforge.test': 'instructor',
    });
  });
});
