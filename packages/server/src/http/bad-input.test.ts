import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, PASSWORD, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { BAD_IDS, badBodies, writeRoutes, type WriteRoute } from '../test-support/write-routes.js';

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

/** A client over a real socket: a reply that never comes (a reset, a dropped connection) is an error, not a status. */
class SocketClient {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  async signIn(path: string, body: object): Promise<this> {
    const response = await this.send('POST', path, JSON.stringify(body));
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return this;
  }

  async send(method: string, path: string, body?: string | Buffer, contentType = 'application/json') {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': contentType }),
        ...(this.cookie && { cookie: this.cookie, 'x-csrf-token': this.csrf }),
      },
      ...(body !== undefined && { body }),
    });
    const text = await response.text();
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ef_session='));
    if (cookie) this.cookie = cookie.split(';')[0]!;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    const token = (parsed as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string') this.csrf = token;
    return { status: response.status, body: parsed };
  }
}

describe('every write route, over a real socket, with every kind of bad input', () => {
  let world: TestWorld;
  let base = '';
  const clients = new Map<string, SocketClient>();
  const params = new Map<string, string>();
  let routes: WriteRoute[] = [];
  beforeAll(async () => {
    world = await createTestWorld('sqlite');
    world.clock.set(T0);
    base = await world.app.listen({ port: 0, host: '127.0.0.1' });
    clients.set('anonymous', new SocketClient(base));
    const signIn = (path: string, body: object) => new SocketClient(base).signIn(path, body);
    for (const who of ['owner', 'instructor'] as const)
      clients.set(who, await signIn('/api/auth/login', { email: world.users[who].email, password: PASSWORD }));
    const student = await signIn('/api/student/join', { accessCode: world.roster[0]!.accessCode });
    await student.send('POST', '/api/attempt/start');
    clients.set('student', student);
    const attempt = await world.context.db.selectFrom('attempts').select('id').executeTakeFirstOrThrow();
    params.set('sittingId', world.sitting.id).set('examId', world.examId).set('attemptId', attempt.id);
    params.set('questionId', 'wasserstein-vs-js');
    const openApi = (await clients.get('anonymous')!.send('GET', '/api/docs/json')).body as Parameters<
      typeof writeRoutes
    >[1];
    routes = writeRoutes(world.app.printRoutes({ commonPrefix: false }), openApi);
  });
  afterAll(() => world.close());

  it('finds the write routes', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toContain('PUT /api/attempt/answers');
  });

  /** Who calls a route: a student for their attempt, nobody for those that start or end a session, else staff. */
  const callerOf = (path: string) => {
    if (path.startsWith('/api/attempt')) return 'student';
    const starts = ['/api/auth/login', '/api/student/join', '/api/setup', '/api/auth/set-password', '/api/auth/logout'];
    if (starts.includes(path)) return 'anonymous';
    return path.startsWith('/api/users') ? 'owner' : 'instructor';
  };
  const fill = (path: string, value?: string) =>
    path.replace(/:(\w+)/g, (_, name: string) => value ?? params.get(name) ?? 'nope');

  it('answers every bad request with a 4xx and {code, message}: no 500, no dropped connection', async () => {
    const failures: string[] = [];
    const oversized = JSON.stringify({ source: 'x'.repeat(4 * 1024 * 1024) });
    for (const route of routes) {
      const client = clients.get(callerOf(route.path))!;
      const cases: [string, string, string | Buffer | undefined, string?][] = [
        ['malformed JSON', fill(route.path), '{"saves": ['],
        ['random bytes as a file', fill(route.path), randomBytes(64 * 1024), 'application/octet-stream'],
        ['random bytes said to be a PDF', fill(route.path), randomBytes(4096), 'application/pdf'],
        ['a body that is not JSON', fill(route.path), 'a=1&b=2', 'text/plain'],
        ['an oversized body', fill(route.path), oversized],
        ...badBodies(route.bodySchema).map(({ name, json }): [string, string, string] => [
          name,
          fill(route.path),
          json,
        ]),
        ...(route.path.includes(':') ? BAD_IDS : []).map((id): [string, string, string] => [
          `the id ${id.slice(0, 20)}`,
          fill(route.path, id),
          '{}',
        ]),
      ];
      for (const [name, path, body, contentType] of cases) {
        const where = `${route.method} ${route.path} with ${name}`;
        try {
          const reply = await client.send(route.method, path, body, contentType);
          if (reply.status >= 500) failures.push(`${where}: ${reply.status} ${JSON.stringify(reply.body)}`);
          else if (reply.status >= 400 && !isProblem(reply.body))
            failures.push(`${where}: ${reply.status} without {code, message}`);
        } catch (error) {
          failures.push(`${where}: no reply (${String(error)})`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect((await clients.get('instructor')!.send('GET', '/api/exams')).status).toBe(200);
  });

  it.each([
    ['with its length', false],
    ['chunked, with no length', true],
  ])('replies 413 with {code, message} to a body over the limit sent %s', async (_, chunked) => {
    for (const [path, contentType, size, code] of [
      ['/api/exams', 'application/json', 8 * 1024 * 1024, 'body-too-large'],
      ['/api/student/join', 'application/json', 4 * 1024 * 1024, 'body-too-large'],
      [`/api/sittings/${world.sitting.id}/scans`, 'application/pdf', 60 * 1024 * 1024, 'scan-too-large'],
    ] as const) {
      const reply = await streamBody(new URL(base), path, contentType, size, chunked);
      expect(reply.status, path).toBe(413);
      expect(JSON.parse(reply.text), path).toMatchObject({ code, message: expect.stringMatching(/MB/) });
    }
    expect((await clients.get('instructor')!.send('GET', '/api/exams')).status).toBe(200);
  });
});

function isProblem(body: unknown): boolean {
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' && message !== '';
}

/** Streams `size` bytes to a path as a client that only reads the reply once it has sent everything (as Node's does). */
function streamBody(base: URL, path: string, contentType: string, size: number, chunked: boolean) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers = { 'content-type': contentType, ...(!chunked && { 'content-length': String(size) }) };
    const req = request({ host: base.hostname, port: base.port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}
