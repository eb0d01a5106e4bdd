import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, AuditPage } from '../api/index.js';
import { DIALECTS } from '../test-support/databases.js';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { closeExpiredAttempts } from './attempts.js';
import { unguardTextCell } from './csv-text-cell.js';
import { parseSubject, subjectAttemptId } from './audit-subject.js';

const FORMULA_NAME = '=HYPERLINK("http://evil.test","x")';
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const choice = (letter: string) => ({ kind: 'choice', selected: [letter] });

interface StoredEvent {
  readonly id: number;
  readonly at: string;
  readonly actor_kind: string;
  readonly actor_id: string;
  readonly action: string;
  readonly subject: string;
}

describe.each(DIALECTS)('the audit trail on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;
  let sitting: string;
  let exam: string;
  let written: string[];
  /** Every stored event and every attempt's sitting and student: the oracle the routes are compared with. */
  let stored: StoredEvent[];
  let attempts: Map<string, { sittingId: string; rosterId: string }>;
  let names: Map<string, string>;

  beforeAll(async () => {
    world = await createTestWorld(dialect);
    sitting = `/api/sittings/${world.sitting.id}`;
    exam = `/api/exams/${world.examId}`;
    const [a, b] = [await world.join(world.roster[0]!), await world.join(world.roster[1]!)];
    const other = await world.join(world.otherRoster[0]!);
    world.clock.set(minutes(1));
    await a.post('/api/attempt/start');
    await other.post('/api/attempt/start');
    world.clock.set(minutes(2));
    await b.post('/api/attempt/start');
    world.clock.set(minutes(10));
    await a.put('/api/attempt/answers', {
      saves: [{ seq: 1, questionId: 'l2-prior', answer: choice('b'), flagged: false }],
    });
    await other.put('/api/attempt/answers', {
      saves: [{ seq: 1, questionId: 'l2-prior', answer: choice('c'), flagged: false }],
    });
    world.clock.set(minutes(20));
    await a.put('/api/attempt/answers', {
      saves: [{ seq: 2, questionId: 'masked-softmax', answer: choice('d'), flagged: true }],
    });
    await a.post('/api/attempt/submit');
    world.clock.set(minutes(30));
    written = await seedWrittenAnswers(world, ['JS is constant', 'W1 has a gradient']);
    await world.context.db
      .updateTable('roster')
      .set({ name: FORMULA_NAME })
      .where('student_number', '=', 'g00001')
      .execute();
    const grader = await world.logIn('grader');
    const answer = `${sitting}/grading/${WRITTEN}/answers/${written[0]}`;
    await grader.post(`${answer}/claim`);
    await grader.put(`${answer}/grade`, { items: ['js-constant'], expectedVersion: 0 });
    world.clock.set(minutes(40));
    await grader.put(`${sitting}/grading/${WRITTEN}/answers/${written[1]}/flag`, { flagged: true, note: '=1+1 ask' });
    world.clock.set(minutes(200));
    await closeExpiredAttempts(world.context);
    instructor = await world.logIn('instructor');
    stored = await world.context.db
      .selectFrom('audit_events')
      .select(['id', 'at', 'actor_kind', 'actor_id', 'action', 'subject'])
      .orderBy('id', 'desc')
      .execute();
    const rows = await world.context.db.selectFrom('attempts').select(['id', 'sitting_id', 'roster_id']).execute();
    attempts = new Map(rows.map((row) => [row.id, { sittingId: row.sitting_id, rosterId: row.roster_id }]));
    const roster = await world.context.db.selectFrom('roster').select(['id', 'name']).execute();
    names = new Map(roster.map((row) => [row.id, row.name]));
  });
  afterAll(() => world.close());

  /** The oracle: the stored events of the main sitting (or exam), filtered in plain code, newest first. */
  function expected(scope: 'sitting' | 'exam', keep: (event: StoredEvent, rosterId?: string) => boolean): number[] {
    return stored
      .filter((event) => {
        const subject = parseSubject(event.subject);
        const attemptId = subjectAttemptId(subject);
        const attempt = attemptId === undefined ? undefined : attempts.get(attemptId);
        const inScope =
          (subject.kind === 'sitting' && subject.sittingId === world.sitting.id) ||
          (scope === 'exam' && subject.kind === 'exam' && subject.examId === world.examId) ||
          attempt?.sittingId === world.sitting.id;
        return inScope && keep(event, attempt?.rosterId);
      })
      .map((event) => event.id);
  }

  async function allPages(base: string, query: string, limit: number): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const response = await instructor.get(
        `${base}/audit?limit=${limit}${query}${cursor === null ? '' : `&cursor=${cursor}`}`,
      );
      expect(response.status, response.text).toBe(200);
      const page = response.body as AuditPage;
      expect(page.events.length).toBeLessThanOrEqual(limit);
      events.push(...page.events);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return events;
  }

  const studentA = () => world.roster[0]!;
  const graderId = () => world.users.grader.id;
  const cases: readonly [
    name: string,
    scope: 'sitting' | 'exam',
    query: () => string,
    keep: Parameters<typeof expected>[1],
  ][] = [
    ['everything of the sitting', 'sitting', () => '', () => true],
    ['everything of the exam', 'exam', () => '', () => true],
    ['one kind', 'sitting', () => '&kind=answer.saved', (e) => e.action === 'answer.saved'],
    ['the system', 'sitting', () => '&actor=system', (e) => e.actor_kind === 'system'],
    ['students acting', 'exam', () => '&actor=student', (e) => e.actor_kind === 'student'],
    [
      'one user',
      'exam',
      () => `&actor=user:${graderId()}`,
      (e) => e.actor_kind === 'user' && e.actor_id === graderId(),
    ],
    ['a roster id', 'sitting', () => `&rosterId=${studentA().id}`, (_e, roster) => roster === studentA().id],
    ['a student number, any case', 'sitting', () => '&student=S0002', (_e, roster) => roster === world.roster[1]!.id],
    [
      'part of a name',
      'exam',
      () => '&student=graded%20student',
      (_e, roster) => (names.get(roster ?? '') ?? '').toLowerCase().includes('graded student'),
    ],
    ['a name with LIKE wildcards matches literally', 'sitting', () => '&student=%25', () => false],
    [
      'a time range',
      'sitting',
      () => `&from=${minutes(10).toISOString()}&to=${minutes(30).toISOString()}`,
      (e) => e.at >= minutes(10).toISOString() && e.at < minutes(30).toISOString(),
    ],
    [
      'kind, student and actor together',
      'sitting',
      () => `&kind=answer.saved&actor=student&rosterId=${studentA().id}&from=${minutes(15).toISOString()}`,
      (e, roster) => e.action === 'answer.saved' && roster === studentA().id && e.at >= minutes(15).toISOString(),
    ],
    ['a kind nobody did', 'sitting', () => '&kind=results.released', () => false],
  ];

  it.each(cases)('filters by %s, every page exactly the right events', async (_name, scope, query, keep) => {
    const want = expected(scope, keep);
    const base = scope === 'sitting' ? sitting : exam;
    const whole = await allPages(base, query(), 500);
    expect(whole.map((event) => event.id)).toEqual(want);
    const paged = await allPages(base, query(), 2);
    expect(paged.map((event) => event.id)).toEqual(want);
  });

  it('finds the expected story in the sitting (not the other exam’s)', async () => {
    const kinds = (await allPages(sitting, '', 500)).map((event) => event.kind);
    expect(kinds.filter((kind) => kind === 'answer.saved')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'attempt.started')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'attempt.expired')).toHaveLength(1);
    expect(kinds).toContain('sitting.created');
    expect(kinds).not.toContain('exam.imported');
    const examKinds = (await allPages(exam, '', 500)).map((event) => event.kind);
    expect(examKinds.filter((kind) => kind === 'exam.imported')).toHaveLength(1);
  });

  it('names who, what, and the student and question an event is about', async () => {
    const events = await allPages(sitting, '', 500);
    const grade = events.find((event) => event.kind === 'grade.applied')!;
    expect(grade.actor).toEqual({ kind: 'user', id: graderId(), name: 'grader', email: 'grader@examforge.test' });
    expect(grade.student).toMatchObject({ studentNumber: 'g00000', name: 'Graded Student g0' });
    expect(grade.questionId).toBe(WRITTEN);
    expect(grade.sittingTitle).toBe('Main sitting');
    expect(grade.summary).toBe(`graded ${WRITTEN}: items js-constant (version 1)`);
    const expired = events.find((event) => event.kind === 'attempt.expired')!;
    expect(expired.actor).toEqual({ kind: 'system' });
    expect(expired.student).toMatchObject({ rosterId: world.roster[1]!.id, name: 'Student 2' });
    const flagged = events.find((event) => event.kind === 'answer.saved' && event.questionId === 'masked-softmax')!;
    expect(flagged.actor).toMatchObject({ kind: 'student', name: 'Student 1', studentNumber: 's0001' });
    expect(flagged.summary).toBe('saved an answer to masked-softmax: D (flagged)');
    const created = events.find((event) => event.kind === 'sitting.created')!;
    expect(created).toMatchObject({
      student: null,
      sittingId: world.sitting.id,
      summary: 'created the sitting “Main sitting”',
    });
  });

  it('offers the kinds and actors found in the trail, with counts', async () => {
    const response = await instructor.get(`${sitting}/audit/facets`);
    expect(response.status).toBe(200);
    const sittingEvents = expected('sitting', () => true).length;
    const facets = response.body as {
      kinds: { kind: string; count: number }[];
      actors: { value: string; count: number }[];
    };
    expect(facets.kinds.reduce((sum, kind) => sum + kind.count, 0)).toBe(sittingEvents);
    expect(facets.kinds).toContainEqual({ kind: 'answer.saved', count: 2 });
    expect(facets.actors).toContainEqual(
      expect.objectContaining({ value: `user:${graderId()}`, label: 'grader (grader@examforge.test)' }),
    );
    expect(facets.actors.map((actor) => actor.value)).toEqual(expect.arrayContaining(['system', 'student']));
  });

  it('keeps pages stable while events are written: the next page starts below the cursor', async () => {
    const first = (await instructor.get(`${sitting}/audit?limit=3`)).body as AuditPage;
    await instructor.post(`${sitting}/grading/names`, { revealed: true });
    const second = (await instructor.get(`${sitting}/audit?limit=3&cursor=${first.nextCursor}`)).body as AuditPage;
    expect(second.events[0]!.id).toBeLessThan(first.events.at(-1)!.id);
    const newest = (await instructor.get(`${sitting}/audit?limit=1`)).body as AuditPage;
    expect(newest.events[0]).toMatchObject({
      kind: 'grading.names-revealed',
      summary: 'revealed students’ names to graders',
    });
  });

  it('writes the same filtered view as CSV, formula-looking names guarded, and audits the download', async () => {
    const query = `kind=grading.flagged`;
    const response = await instructor.get(`${sitting}/audit.csv?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const rows = parse<Record<string, string>>(response.text, { columns: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe(`'${FORMULA_NAME}`);
    expect(unguardTextCell(rows[0]!.name!)).toBe(FORMULA_NAME);
    expect(rows[0]).toMatchObject({ kind: 'grading.flagged', student: 'g00001', question: WRITTEN, actor: 'grader' });
    expect(rows[0]!.summary).toBe(`flagged ${WRITTEN} for a second look: “=1+1 ask”`);
    const audited = (await instructor.get(`${sitting}/audit?kind=audit.exported`)).body as AuditPage;
    expect(audited.events[0]!.data).toEqual({ filter: { kind: 'grading.flagged' } });
  });

  it('streams a long trail in chunks: every event once, in order', async () => {
    const many = Array.from({ length: 2500 }, (_, index) => ({
      at: minutes(300).toISOString(),
      actor_kind: 'user' as const,
      actor_id: world.users.instructor.id,
      action: 'test.bulk',
      subject: `sitting:${world.sitting.id}`,
      data_json: JSON.stringify({ index }),
    }));
    for (let start = 0; start < many.length; start += 500)
      await world.context.db
        .insertInto('audit_events')
        .values(many.slice(start, start + 500))
        .execute();
    const response = await instructor.get(`${sitting}/audit.csv?kind=test.bulk`);
    const rows = parse<Record<string, string>>(response.text, { columns: true });
    expect(rows.map((row) => JSON.parse(row.data!) as { index: number })).toEqual(
      many.map((_, index) => ({ index: many.length - 1 - index })),
    );
  });

  it('is for the exam’s instructors and owners: graders, other instructors, students and strangers are refused', async () => {
    const routes = [
      `${sitting}/audit`,
      `${sitting}/audit/facets`,
      `${sitting}/audit.csv`,
      `${exam}/audit`,
      `${exam}/audit.csv`,
    ];
    const callers: [TestClient, number][] = [
      [world.client(), 401],
      [await world.join(world.roster[2]!), 403],
      [await world.logIn('grader'), 403],
      [await world.logIn('otherInstructor'), 403],
      [await world.logIn('owner'), 200],
    ];
    for (const route of routes)
      for (const [client, status] of callers) expect((await client.get(route)).status, route).toBe(status);
    expect((await instructor.get(`/api/sittings/${world.otherSitting.id}/audit`)).status).toBe(403);
    expect((await instructor.get(`/api/sittings/nope/audit`)).status).toBe(404);
  });

  it.each([['kind=Grade%20applied'], ['actor=bob'], ['from=yesterday'], ['cursor=0'], ['limit=501'], ['unknown=1']])(
    'refuses a malformed filter (%s) with a code and a message',
    async (query) => {
      const response = await instructor.get(`${sitting}/audit?${query}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid-request', message: expect.any(String) });
    },
  );
});
