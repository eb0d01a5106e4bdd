import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';

/** Every mistake a client can make gets a 4xx with `{code, message}`; never a 500. */
describe('bad input', () => {
  let world: TestWorld;
  let student: TestClient;
  let instructor: TestClient;
  beforeAll(async () => {
    world = await createTestWorld('sqlite');
    world.clock.set(T0);
    student = await world.join(world.roster[0]!);
    await student.post('/api/attempt/start');
    instructor = await world.logIn('instructor');
  });
  afterAll(() => world.close());

  const sitting = () => `/api/sittings/${world.sitting.id}`;
  const GRADES_HEADER = 'student,question,rubric items,adjustment,adjustment reason,comment';
  const save = (overrides: object) => ({
    saves: [
      { seq: 1, questionId: 'l2-prior', answer: { kind: 'choice', selected: ['b'] }, flagged: false, ...overrides },
    ],
  });

  const cases: { name: string; run: () => Promise<{ status: number; body: unknown }>; status: number; code: string }[] =
    [
      {
        name: 'malformed JSON',
        run: () =>
          student.request('PUT', '/api/attempt/answers', '{"saves": [', { 'content-type': 'application/json' }),
        status: 400,
        code: 'malformed-json',
      },
      {
        name: 'oversized body',
        run: () => instructor.post('/api/exams', { source: 'x'.repeat(4 * 1024 * 1024) }),
        status: 413,
        code: 'body-too-large',
      },
      {
        name: 'a body that is not JSON',
        run: () => student.request('PUT', '/api/attempt/answers', 'saves=1', { 'content-type': 'text/plain' }),
        status: 415,
        code: 'unsupported-media-type',
      },
      {
        name: 'a string where a number belongs',
        run: () => student.put('/api/attempt/answers', save({ seq: 'one' })),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'a negative sequence number',
        run: () => student.put('/api/attempt/answers', save({ seq: -1 })),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'an unknown field',
        run: () => student.put('/api/attempt/answers', save({ score: 100 })),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'an unknown answer kind',
        run: () => student.put('/api/attempt/answers', save({ answer: { kind: 'essay' } })),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'an unknown question',
        run: () => student.put('/api/attempt/answers', save({ questionId: 'nope' })),
        status: 400,
        code: 'unknown-question',
      },
      {
        name: 'an option the question lacks',
        run: () => student.put('/api/attempt/answers', save({ answer: { kind: 'choice', selected: ['z'] } })),
        status: 400,
        code: 'unknown-option',
      },
      {
        name: 'a number for a choice question',
        run: () => student.put('/api/attempt/answers', save({ answer: { kind: 'numeric', value: 3 } })),
        status: 400,
        code: 'wrong-answer-kind',
      },
      {
        name: 'a missing body',
        run: () => student.request('PUT', '/api/attempt/answers'),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'no CSRF token',
        run: () => student.request('PUT', '/api/attempt/answers', save({}), { 'x-csrf-token': 'forged' }),
        status: 403,
        code: 'csrf',
      },
      {
        name: 'an unknown exam',
        run: () => instructor.get('/api/exams/00000000-0000-0000-0000-000000000000'),
        status: 404,
        code: 'not-found',
      },
      {
        name: 'an unknown sitting',
        run: () => instructor.get('/api/sittings/nope/results'),
        status: 404,
        code: 'not-found',
      },
      {
        name: 'an unknown attempt',
        run: () => instructor.get(`/api/sittings/${world.sitting.id}/attempts/nope`),
        status: 404,
        code: 'not-found',
      },
      { name: 'an unknown route', run: () => instructor.get('/api/nothing-here'), status: 404, code: 'not-found' },
      {
        name: 'an exam file with errors',
        run: () => instructor.post('/api/exams', { source: '---\nid: x\n---\n' }),
        status: 422,
        code: 'exam-invalid',
      },
      {
        name: 'a sitting that closes before it opens',
        run: () =>
          instructor.post(`/api/exams/${world.examId}/sittings`, {
            title: 't',
            opensAt: T0.toISOString(),
            closesAt: T0.toISOString(),
            durationMinutes: 10,
          }),
        status: 400,
        code: 'invalid-window',
      },
      {
        name: 'a date that is not a date',
        run: () =>
          instructor.post(`/api/exams/${world.examId}/sittings`, {
            title: 't',
            opensAt: 'tomorrow',
            closesAt: T0.toISOString(),
            durationMinutes: 10,
          }),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'a roster without a header',
        run: () => instructor.post(`/api/sittings/${world.sitting.id}/roster`, { csv: 'a,b\nc,d' }),
        status: 400,
        code: 'roster-invalid',
      },
      {
        name: 'a roster with bad extra time',
        run: () =>
          instructor.post(`/api/sittings/${world.sitting.id}/roster`, { csv: 'id,name,extra_time\nz1,Z,lots' }),
        status: 400,
        code: 'roster-invalid',
      },
      {
        name: 'a key with a letter the question lacks',
        run: () => instructor.post(`/api/sittings/${world.sitting.id}/key`, { questionId: 'l2-prior', letters: ['x'] }),
        status: 400,
        code: 'unknown-option',
      },
      {
        name: 'a key for a free-response question',
        run: () =>
          instructor.post(`/api/sittings/${world.sitting.id}/key`, { questionId: 'wasserstein-vs-js', letters: ['a'] }),
        status: 400,
        code: 'not-a-choice-question',
      },
      {
        name: 'a wrong password',
        run: () => world.client().post('/api/auth/login', { email: 'grader@examforge.test', password: 'nope' }),
        status: 401,
        code: 'bad-credentials',
      },
      {
        name: 'an email that is not one',
        run: () => world.client().post('/api/auth/login', { email: 'grader', password: 'nope' }),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'a wrong access code',
        run: () => world.client().post('/api/student/join', { accessCode: 'AAAA-AAAA' }),
        status: 401,
        code: 'bad-access-code',
      },
      {
        name: 'a grades file without its columns',
        run: () => instructor.post(`${sitting()}/grades/import`, { csv: 'student,question\ns0001,x', dryRun: true }),
        status: 400,
        code: 'grades-csv-invalid',
      },
      {
        name: 'a grades file that is not CSV',
        run: () => instructor.post(`${sitting()}/grades/import`, { csv: `${GRADES_HEADER}\n"s0001,x`, dryRun: true }),
        status: 400,
        code: 'grades-csv-invalid',
      },
      {
        name: 'a grades file naming an unknown student',
        run: () =>
          instructor.post(`${sitting()}/grades/import`, {
            csv: `${GRADES_HEADER}\nnobody,wasserstein-vs-js,js-constant,,,`,
            dryRun: false,
          }),
        status: 400,
        code: 'grades-import-invalid',
      },
      {
        name: 'a grades import that does not say whether it is a dry run',
        run: () => instructor.post(`${sitting()}/grades/import`, { csv: GRADES_HEADER }),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'a release confirmation that is not a boolean',
        run: () => instructor.post(`${sitting()}/release`, { confirmUngraded: 'yes' }),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'responses of an unknown sitting',
        run: () => instructor.get('/api/sittings/nope/responses.csv'),
        status: 404,
        code: 'not-found',
      },
      {
        name: 'a flag without its note',
        run: () => instructor.put(`${sitting()}/grading/wasserstein-vs-js/answers/a/flag`, { flagged: true }),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'a flag on an answer not in the queue',
        run: () =>
          instructor.put(`${sitting()}/grading/wasserstein-vs-js/answers/a/flag`, { flagged: true, note: 'why' }),
        status: 404,
        code: 'not-found',
      },
      {
        name: 'an ink verdict that is neither written nor blank',
        run: () => instructor.post(`/api/sittings/${world.sitting.id}/paper-answers/a/q/ink`, { ink: 'maybe' }),
        status: 400,
        code: 'invalid-request',
      },
      {
        name: 'an ink override of a paper answer that does not exist',
        run: () => instructor.post(`/api/sittings/${world.sitting.id}/paper-answers/a/q/ink`, { ink: 'blank' }),
        status: 404,
        code: 'not-found',
      },
      {
        name: 'the crop of a paper answer that does not exist',
        run: () => instructor.get(`/api/sittings/${world.sitting.id}/paper-answers/a/q/crop.jpg`),
        status: 404,
        code: 'not-found',
      },
      {
        name: 'the page of a paper answer in an unknown sitting',
        run: () => instructor.get('/api/sittings/nope/paper-answers/a/q/page.jpg'),
        status: 404,
        code: 'not-found',
      },
      {
        name: 'results before release',
        run: () => student.get('/api/attempt/results'),
        status: 403,
        code: 'forbidden',
      },
    ];

  it.each(cases)('$name → $status $code', async ({ run, status, code }) => {
    const response = await run();
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code, message: expect.any(String) });
  });

  it('refuses saves to a closed attempt with a clear message', async () => {
    const other = await world.join(world.roster[1]!);
    await other.post('/api/attempt/start');
    await other.post('/api/attempt/submit');
    const response = await other.put('/api/attempt/answers', save({}));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'attempt-closed', message: expect.stringContaining('submitted') });
  });

  it('treats an expired session as signed out', async () => {
    const client = await world.logIn('grader');
    world.clock.advance(13 * 3_600_000);
    const response = await client.get('/api/exams');
    world.clock.set(T0);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthorized');
  });

  it('sends security headers on every response', async () => {
    for (const url of ['/api/auth/me', '/api/nothing', '/']) {
      const response = await world.client().get(url);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/student/join',
      payload: { accessCode: world.roster[2]!.accessCode },
    });
    const cookie = response.cookies.find((c) => c.name === 'ef_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('serves the OpenAPI document', async () => {
    const response = await world.client().get('/api/docs/json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toContain('/api/attempt/answers');
  });
});
