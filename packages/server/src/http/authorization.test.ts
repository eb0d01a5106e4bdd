import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import { seedPaperAnswerBox } from '../test-support/paper-answer-seed.js';
import { seedPaper } from '../test-support/paper-seed.js';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { apiRoutes } from '../test-support/write-routes.js';

type Actor =
  'anonymous' | 'studentA' | 'studentB' | 'otherStudent' | 'grader' | 'otherInstructor' | 'instructor' | 'owner';
const ACTORS: readonly Actor[] = [
  'anonymous',
  'studentA',
  'studentB',
  'otherStudent',
  'grader',
  'otherInstructor',
  'instructor',
  'owner',
];

/** Expected statuses, one row per route, in the order of ACTORS. */
type Row = readonly [
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  expected: readonly number[],
];

/** A bank in the smallest format there is, as an upload's bytes. */
const AIKEN_BANK = Buffer.from('Which is prime?\nA) 4\nB) 7\nANSWER: B\n');

/** Routes that make or end a session: their callers are who they are because of them (tested in their own files). */
const SESSION_ROUTES = ['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/student/join'];

describe('authorization matrix: every route × every kind of caller', () => {
  let world: TestWorld;
  const clients = new Map<Actor, TestClient>();
  let attemptA = '';
  let batch = '';
  let item = '';
  let paperAttempt = '';
  let written: string[] = [];
  let groupId = '';
  let paperAnswer = '';
  beforeAll(async () => {
    world = await createTestWorld('sqlite');
    world.clock.set(T0);
    clients.set('anonymous', world.client());
    clients.set('studentA', await world.join(world.roster[0]!));
    clients.set('studentB', await world.join(world.roster[1]!));
    clients.set('otherStudent', await world.join(world.otherRoster[0]!));
    for (const who of ['grader', 'otherInstructor', 'instructor', 'owner'] as const)
      clients.set(who, await world.logIn(who));
    await clients.get('studentA')!.post('/api/attempt/start');
    const row = await world.context.db
      .selectFrom('attempts')
      .select('id')
      .where('roster_id', '=', world.roster[0]!.id)
      .executeTakeFirstOrThrow();
    attemptA = row.id;
    ({ batch, item, paperAttempt } = await seedPaper(world));
    paperAnswer = await seedPaperAnswerBox(world, paperAttempt, batch);
    written = await seedWrittenAnswers(world, ['to claim', 'same $x + y$', 'SAME $x+y$']);
    await world.context.db
      .insertInto('exam_assets')
      .values({
        exam_id: world.examId,
        path: 'images/seeded.png',
        content_type: 'image/png',
        data: Buffer.from('not really a png'),
        created_at: T0.toISOString(),
      })
      .execute();
    const groups = await clients.get('instructor')!.get(`/api/sittings/${world.sitting.id}/grading/${WRITTEN}/groups`);
    groupId = (groups.body as { id: string }[])[0]!.id;
  });
  afterAll(() => world.close());

  const rows = (): Row[] => {
    const exam = `/api/exams/${world.examId}`;
    const sitting = `/api/sittings/${world.sitting.id}`;
    const sittingBody = {
      title: 'Extra',
      opensAt: T0.toISOString(),
      closesAt: new Date(T0.getTime() + 3_600_000).toISOString(),
      durationMinutes: 30,
    };
    const save = {
      saves: [{ seq: 99, questionId: 'l2-prior', answer: { kind: 'choice', selected: ['b'] }, flagged: false }],
    };
    const grading = `${sitting}/grading/${WRITTEN}`;
    const answer = `${grading}/answers/${written[0]}`;
    const group = { items: [], members: written.slice(1).map((attemptId) => ({ attemptId, expectedVersion: 0 })) };
    const rubricItem = `${sitting}/rubric/${WRITTEN}/items`;
    const newPassword = 'long enough passphrase';
    const all = (status: number) => ACTORS.map(() => status);
    const regrade = { questionId: 'l2-prior', reason: 'B is right too.' };
    const decline = { outcome: 'declined', reply: 'The key stands.' };
    const regradeWindow = { until: new Date(T0.getTime() + 3_600_000).toISOString() };
    const studentRelease = `${sitting}/student-releases/${world.roster[2]!.id}`;
    const gradesImport = { csv: 'student,question,rubric items,adjustment,adjustment reason,comment\n', dryRun: true };
    //                                   anon studA studB other grader otherI instr owner
    return [
      // First, while the written answers are ungraded: released only with `confirmUngraded` (409; nothing changes).
      ['POST', `${sitting}/release`, {}, [401, 403, 403, 403, 403, 403, 409, 409]],
      // Solutions follow results (409 while results are not released); per-student releases are the instructor's.
      ['POST', `${sitting}/release-solutions`, {}, [401, 403, 403, 403, 403, 403, 409, 409]],
      ['GET', `${sitting}/student-releases`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['PUT', studentRelease, { results: 'sitting', solutions: 'sitting' }, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${sitting}/grading`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['POST', `${sitting}/grading/names`, { revealed: false }, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', grading, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', answer, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      // The grader claims the answer first: the instructor and the owner then find it held (409, audited).
      ['POST', `${answer}/claim`, {}, [401, 403, 403, 403, 200, 403, 409, 409]],
      ['PUT', `${answer}/grade`, { items: [], expectedVersion: 0 }, [401, 403, 403, 403, 200, 403, 409, 409]],
      ['PUT', `${answer}/flag`, { flagged: true, note: 'Ask why' }, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['POST', `${grading}/next`, { filter: 'graded' }, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${grading}/comments`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['POST', `${grading}/comments`, { text: 'Say why.' }, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${grading}/groups`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['PUT', `${grading}/groups/${groupId}/grade`, group, [401, 403, 403, 403, 200, 403, 409, 409]],
      ['PUT', `${rubricItem}/extra`, { points: '0.5', text: 'Extra' }, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['DELETE', `${rubricItem}/extra`, undefined, [401, 403, 403, 403, 403, 403, 200, 400]],
      ['GET', `${sitting}/responses.csv`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['POST', `${sitting}/grades/import`, gradesImport, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['POST', `${sitting}/gradebook`, { target: 'long', match: 'id' }, [401, 403, 403, 403, 200, 403, 200, 200]],
      // Any instructor imports banks as exams of their own; a file of an exam is its staff's.
      ['POST', '/api/exams/import-bank?name=bank.txt', AIKEN_BANK, [401, 403, 403, 403, 403, 201, 201, 201]],
      // A file no stem or option shows (the bundled exam has none) is not a student's to fetch.
      ['GET', `${exam}/files/images%2Fseeded.png`, undefined, [401, 404, 404, 404, 200, 403, 200, 200]],
      // The audit trail and the archive name the students behind anonymous grading: instructors and owners only.
      ['GET', `${sitting}/audit?kind=grade.applied`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${sitting}/audit/facets`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${sitting}/audit.csv`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${exam}/audit`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${exam}/audit/facets`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${exam}/audit.csv?actor=system`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${exam}/archive`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      // The exam written for another system holds its key and explanations: its instructors and owners only.
      ['GET', `${exam}/export/moodle-xml/report`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${exam}/export/qti3`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', '/api/auth/me', undefined, [200, 200, 200, 200, 200, 200, 200, 200]],
      // Probes (docs/operations.md): anyone, no session looked up.
      ['GET', '/api/health', undefined, all(200)],
      ['GET', '/api/ready', undefined, all(200)],
      // Accounts (decision 0011): the owner of this world is the site's administrator.
      ['GET', '/api/setup', undefined, [200, 200, 200, 200, 200, 200, 200, 200]],
      ['POST', '/api/setup', { code: 'AAAA-AAAA', email: 'a@x.test', name: 'A', password: newPassword }, all(403)],
      ['GET', '/api/users', undefined, [401, 403, 403, 403, 403, 403, 403, 200]],
      [
        'POST',
        '/api/users',
        { email: 'new@x.test', name: 'New', role: 'grader' },
        [401, 403, 403, 403, 403, 403, 403, 201],
      ],
      ['POST', '/api/users/nobody/disable', {}, [401, 403, 403, 403, 403, 403, 403, 404]],
      ['POST', '/api/users/nobody/enable', {}, [401, 403, 403, 403, 403, 403, 403, 404]],
      ['POST', '/api/users/nobody/reset', {}, [401, 403, 403, 403, 403, 403, 403, 404]],
      ['POST', '/api/auth/set-password', { token: 'not-a-token', password: newPassword }, all(410)],
      [
        'POST',
        '/api/auth/password',
        { currentPassword: 'wrong', newPassword },
        [401, 403, 403, 403, 400, 400, 400, 400],
      ],
      ['GET', `${exam}/staff`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      [
        'POST',
        `${exam}/staff`,
        { email: 'grader@examforge.test', role: 'grader' },
        [401, 403, 403, 403, 403, 403, 200, 200],
      ],
      ['DELETE', `${exam}/staff/nobody`, undefined, [401, 403, 403, 403, 403, 403, 404, 404]],
      ['GET', '/api/exams', undefined, [401, 403, 403, 403, 200, 200, 200, 200]],
      ['GET', exam, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${exam}/preview`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${exam}/preview?seed=s1`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${exam}/verify`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['POST', `${exam}/sittings`, sittingBody, [401, 403, 403, 403, 403, 403, 201, 201]],
      ['GET', sitting, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/roster`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['POST', `${sitting}/roster`, { csv: 'id,name\nnew1,New' }, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${sitting}/monitor`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/results`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/results.csv`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/analysis`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/analysis/report.html`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/analysis/statistics.csv`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/analysis/options.csv`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${exam}/versions/1/analysis`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${exam}/versions/1/analysis/report.html`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${exam}/versions/1/analysis/statistics.csv`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${exam}/versions/1/analysis/options.csv`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/attempts/${attemptA}`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      [
        'POST',
        `${sitting}/key/preview`,
        { questionId: 'l2-prior', letters: ['a'] },
        [401, 403, 403, 403, 403, 403, 200, 200],
      ],
      ['POST', `${sitting}/key`, { questionId: 'l2-prior', letters: ['b'] }, [401, 403, 403, 403, 403, 403, 200, 200]],
      [
        'POST',
        `${sitting}/drop`,
        { questionId: 'pac-bound-implication', mode: 'exclude' },
        [401, 403, 403, 403, 403, 403, 200, 200],
      ],
      ['GET', `${sitting}/paper/sheets.pdf`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${sitting}/paper/questions.pdf`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['POST', `${sitting}/paper/question-papers`, {}, [401, 403, 403, 403, 403, 403, 202, 202]],
      ['GET', `${sitting}/paper/question-papers`, undefined, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', `${sitting}/paper/question-papers/none`, undefined, [401, 403, 403, 403, 403, 403, 404, 404]],
      [
        'GET',
        `${sitting}/paper/question-papers/none/questions.pdf`,
        undefined,
        [401, 403, 403, 403, 403, 403, 404, 404],
      ],
      ['POST', `${sitting}/scans`, {}, [401, 403, 403, 403, 403, 403, 415, 415]],
      ['GET', `${sitting}/scans`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/scans/${batch}`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['POST', `${sitting}/scans/${batch}/retry`, {}, [401, 403, 403, 403, 403, 403, 409, 409]],
      ['GET', `${sitting}/review`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/review/${item}/crop.png`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['POST', `${sitting}/review/${item}`, { kind: 'blank' }, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/attempts/${paperAttempt}/sheet/1`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      // Its own student reaches the crop after release (services/paper-answers.test.ts); these are not theirs.
      ['GET', `${paperAnswer}/crop.jpg`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${paperAnswer}/page.jpg`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['POST', `${paperAnswer}/ink`, { ink: 'written' }, [401, 403, 403, 403, 200, 403, 200, 200]],
      // Regrade requests: results are not released here, so a student's request is refused (409), not forbidden.
      ['GET', '/api/attempt/regrade-requests', undefined, [401, 200, 200, 200, 403, 403, 403, 403]],
      ['POST', '/api/attempt/regrade-requests', regrade, [401, 409, 409, 409, 403, 403, 403, 403]],
      ['POST', '/api/attempt/regrade-requests/nobody/withdraw', {}, [401, 404, 404, 404, 403, 403, 403, 403]],
      ['GET', `${sitting}/regrade-requests`, undefined, [401, 403, 403, 403, 200, 403, 200, 200]],
      ['GET', `${sitting}/regrade-requests/nobody`, undefined, [401, 403, 403, 403, 404, 403, 404, 404]],
      ['POST', `${sitting}/regrade-requests/nobody/decision`, decline, [401, 403, 403, 403, 404, 403, 404, 404]],
      ['PUT', `${sitting}/regrade-window`, regradeWindow, [401, 403, 403, 403, 403, 403, 200, 200]],
      ['GET', '/api/attempt', undefined, [401, 200, 200, 200, 403, 403, 403, 403]],
      ['PUT', '/api/attempt/answers', save, [401, 200, 409, 409, 403, 403, 403, 403]],
      ['GET', '/api/attempt/results', undefined, [401, 403, 403, 403, 403, 403, 403, 403]],
      ['GET', '/api/attempt/sheet/1', undefined, [401, 403, 403, 403, 403, 403, 403, 403]],
      ['POST', '/api/attempt/heartbeat', {}, [401, 200, 409, 409, 403, 403, 403, 403]],
      [
        'POST',
        '/api/exams',
        {
          source:
            '---\nid: tiny\ntitle: T\nduration: 5\nsections:\n  - id: s\n    marks: 1\n---\n\n# S {#s}\n\n## {#q}\n\nQ?\n\n- [x] A\n- [ ] B\n',
        },
        [401, 403, 403, 403, 403, 201, 201, 201],
      ],
      // Last, since they change the students' attempts the rows above rely on.
      ['POST', '/api/attempt/start', {}, [401, 200, 200, 200, 403, 403, 403, 403]],
      ['POST', '/api/attempt/submit', {}, [401, 200, 200, 200, 403, 403, 403, 403]],
    ];
  };

  it('gives every caller exactly the expected status on every route', async () => {
    const mismatches: string[] = [];
    for (const [method, path, body, expected] of rows()) {
      for (const [index, actor] of ACTORS.entries()) {
        const response = await clients.get(actor)!.request(method, path, body);
        if (response.status !== expected[index])
          mismatches.push(
            `${method} ${path} as ${actor}: ${response.status} (expected ${expected[index]}) ${response.text.slice(0, 120)}`,
          );
        if (response.status >= 400)
          expect(response.body, `${method} ${path} as ${actor}`).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
          });
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every API route the server has', () => {
    const documented = new Set(
      rows().map(
        ([method, path]) =>
          `${method} ${path
            .split('?')[0]!
            .replace(world.examId, ':examId')
            .replace(world.sitting.id, ':sittingId')
            .replace(attemptA, ':attemptId')
            .replace(paperAttempt, ':attemptId')
            .replace(written[0]!, ':attemptId')
            .replace(batch, ':batchId')
            .replace(item, ':itemId')
            .replace(groupId, ':groupId')
            .replace(/\/versions\/1\//, '/versions/:version/')
            .replace(`/${WRITTEN}`, '/:questionId')
            .replace(/\/items\/[^/]+$/, '/items/:itemId')
            .replace(/\/sheet\/1$/, '/sheet/:page')
            .replace(/\/staff\/nobody$/, '/staff/:userId')
            .replace(/\/users\/nobody\//, '/users/:userId/')
            .replace(/\/regrade-requests\/nobody/, '/regrade-requests/:requestId')
            .replace(/\/question-papers\/none/, '/question-papers/:jobId')
            .replace(/\/files\/[^/]+$/, '/files/:path')
            .replace(/\/export\/[a-z0-9-]+/, '/export/:format')
            .replace(/\/student-releases\/[^/]+$/, '/student-releases/:rosterId')}`,
      ),
    );
    const served = apiRoutes(world.app.printRoutes({ commonPrefix: false })).map(
      ({ method, path }) => `${method} ${path}`,
    );
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((route) => !documented.has(route) && !SESSION_ROUTES.includes(route))).toEqual([]);
  });
});
