import { listQuestions, parseExam } from '@examforge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInstances } from '../services/attempt-exam.js';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import { seedPaperAnswerBox } from '../test-support/paper-answer-seed.js';
import { seedPaper } from '../test-support/paper-seed.js';
import {
  BUNDLED_SOURCE,
  createTestWorld,
  PRACTICE_SOURCE,
  T0,
  type TestClient,
  type TestWorld,
} from '../test-support/test-app.js';

/**
 * Nothing of the key reaches a student before release: every student-facing route is called through a whole attempt,
 * and every payload is searched for key material and for other students' data.
 */
describe('no key material reaches a student', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld('sqlite');
  });
  afterAll(() => world.close());

  function keyMaterial(): string[] {
    const parsed = parseExam(BUNDLED_SOURCE);
    if (!parsed.ok) throw new Error('bundled exam does not parse');
    const exam = parsed.exam;
    // What a student may read: the stems and the option texts (taken from the model, not from the view under test).
    const visible = JSON.stringify(
      listQuestions(exam).map(({ question }) => [
        question.stem,
        ...(question.kind === 'single' || question.kind === 'multiple' ? question.options.map((o) => o.text) : []),
      ]),
    );
    const texts = listQuestions(exam).flatMap(({ question }) => [
      question.explanation,
      question.note,
      question.title,
      ...(question.kind === 'free' ? [question.solution, ...question.rubric.map((item) => item.text)] : []),
      // An executable check computes the answer: its code is key material too.
      question.check?.source,
    ]);
    // A distinctive piece of each text, unless the stem itself quotes it (then it is not secret).
    const markers = texts
      .filter((text): text is string => text !== undefined)
      .map((text) => JSON.stringify(text).slice(1, 41))
      .filter((marker) => marker.length >= 12 && !visible.includes(marker));
    return [
      ...markers,
      '"correct"',
      'keyUnknown',
      '"rubric"',
      '"explanation"',
      '"solution"',
      '"note"',
      '"check"',
      '"value"',
      'convention',
    ];
  }

  it('holds for every student route through a whole attempt', async () => {
    const markers = keyMaterial();
    expect(markers.length).toBeGreaterThan(40);
    // Other students' names, access codes and (as JSON strings, since short ids occur inside random tokens) numbers.
    const others = [world.roster[1]!, world.roster[2]!, world.otherRoster[0]!].flatMap((s) => [
      s.name,
      s.accessCode,
      `"${s.studentNumber}"`,
    ]);
    world.clock.set(T0);
    const anonymous = world.client();
    const payloads: string[] = [];
    const record = async (response: Promise<{ text: string }>) => payloads.push((await response).text);
    await record(anonymous.get('/api/auth/me'));
    const student = world.client();
    await record(student.post('/api/student/join', { accessCode: world.roster[0]!.accessCode }));
    await record(student.get('/api/auth/me'));
    await record(student.get('/api/attempt'));
    await record(student.post('/api/attempt/start'));
    await record(student.get('/api/attempt'));
    await record(
      student.put('/api/attempt/answers', {
        saves: [{ seq: 1, questionId: 'l2-prior', answer: { kind: 'choice', selected: ['b'] }, flagged: false }],
      }),
    );
    await record(
      student.put('/api/attempt/answers', {
        saves: [{ seq: 2, questionId: 'nope', answer: { kind: 'blank' }, flagged: false }],
      }),
    );
    await record(student.get('/api/attempt/results'));
    await record(student.get('/api/attempt/regrade-requests'));
    await record(student.post('/api/attempt/regrade-requests', { questionId: 'l2-prior', reason: 'the key is b' }));
    for (const url of [
      `/api/exams/${world.examId}`,
      `/api/exams/${world.examId}/preview`,
      `/api/sittings/${world.sitting.id}/results`,
      `/api/sittings/${world.sitting.id}/roster`,
      `/api/sittings/${world.sitting.id}/analysis`,
      `/api/sittings/${world.sitting.id}/analysis/report.html`,
      `/api/sittings/${world.sitting.id}/analysis/statistics.csv`,
      `/api/sittings/${world.sitting.id}/analysis/options.csv`,
      `/api/exams/${world.examId}/versions/1/analysis`,
      `/api/exams/${world.examId}/versions/1/analysis/report.html`,
      `/api/exams/${world.examId}/versions/1/analysis/statistics.csv`,
      `/api/exams/${world.examId}/versions/1/analysis/options.csv`,
      `/api/sittings/${world.sitting.id}/audit`,
      `/api/sittings/${world.sitting.id}/regrade-requests`,
      `/api/exams/${world.examId}/archive`,
      `/api/exams/${world.examId}/export/moodle-xml/report`,
      `/api/exams/${world.examId}/export/moodle-xml`,
      `/api/exams/${world.examId}/export/qti3`,
    ]) {
      await record(student.get(url));
    }
    await record(student.post('/api/attempt/submit'));
    await record(student.get('/api/attempt'));
    await record(student.get('/api/attempt/results'));
    const all = payloads.join('\n');
    expect(all).toContain('Laplace'); // the questions did arrive
    for (const marker of [...markers, ...others]) expect(all, `leaked: ${marker}`).not.toContain(marker);
  });

  it('shows results, explanations and solutions once released, and not before', async () => {
    world.clock.set(T0);
    const student = await world.join(world.roster[1]!);
    await student.post('/api/attempt/start');
    await student.put('/api/attempt/answers', {
      saves: [{ seq: 1, questionId: 'masked-softmax', answer: { kind: 'choice', selected: ['d'] }, flagged: false }],
    });
    await student.post('/api/attempt/submit');
    expect((await student.get('/api/attempt/results')).status).toBe(403);
    world.clock.set(new Date(world.sitting.closesAt));
    const results = await student.get('/api/attempt/results');
    expect(results.status).toBe(200);
    const masked = results.body.questions.find((q: { questionId: string }) => q.questionId === 'masked-softmax');
    expect(masked).toMatchObject({
      points: '0.5',
      correct: ['d'],
      explanation: expect.stringContaining('Masked elements'),
    });
    world.clock.set(T0);
  });
});

/**
 * Written answers: a student reaches no grading route, never sees another student's answer or a grader's comment,
 * and sees their own grade (items, comment) only once results are released.
 */
describe('no other answer or grader comment reaches a student', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld('sqlite');
  });
  afterAll(() => world.close());

  it('holds for every grading route and for results before and after release', async () => {
    world.clock.set(T0);
    const student = await world.join(world.roster[0]!);
    await student.post('/api/attempt/start');
    const save = { seq: 1, questionId: WRITTEN, answer: { kind: 'text', text: 'My own $W_1$ answer' }, flagged: false };
    await student.put('/api/attempt/answers', { saves: [save] });
    await student.post('/api/attempt/submit');
    const own = await world.context.db
      .selectFrom('attempts')
      .select('id')
      .where('roster_id', '=', world.roster[0]!.id)
      .executeTakeFirstOrThrow();
    const others = await seedWrittenAnswers(world, ['OTHER-ANSWER-1 $x$', 'OTHER-ANSWER-1 $x$']);
    const grader = await world.logIn('grader');
    const grading = `/api/sittings/${world.sitting.id}/grading/${WRITTEN}`;
    for (const attemptId of others) {
      const graded = await grader.put(`${grading}/answers/${attemptId}/grade`, {
        items: ['w1-gradient'],
        comment: 'OTHER-COMMENT-2',
        expectedVersion: 0,
      });
      expect(graded.status).toBe(200);
    }
    await grader.put(`${grading}/answers/${own.id}/grade`, {
      items: ['js-constant'],
      comment: 'OWN-COMMENT-3',
      expectedVersion: 0,
    });
    const groupId = ((await grader.get(`${grading}/groups`)).body as { id: string }[])[0]!.id;
    const payloads: string[] = [];
    const record = async (response: Promise<{ status: number; text: string }>, status: number) => {
      const { status: got, text } = await response;
      expect(got, text).toBe(status);
      payloads.push(text);
    };
    const sittingBase = `/api/sittings/${world.sitting.id}`;
    for (const url of [
      `${sittingBase}/grading`,
      grading,
      `${grading}/answers/${others[0]}`,
      `${grading}/answers/${own.id}`,
      `${grading}/comments`,
      `${grading}/groups`,
    ])
      await record(student.get(url), 403);
    await record(student.post(`${grading}/next`, {}), 403);
    await record(student.post(`${grading}/answers/${own.id}/claim`), 403);
    await record(student.put(`${grading}/answers/${own.id}/grade`, { items: [], expectedVersion: 1 }), 403);
    await record(student.put(`${grading}/answers/${own.id}/flag`, { flagged: true, note: 'mine' }), 403);
    await record(
      student.put(`${grading}/groups/${groupId}/grade`, {
        items: [],
        members: [{ attemptId: own.id, expectedVersion: 1 }],
      }),
      403,
    );
    await record(student.post(`${grading}/comments`, { text: 'x' }), 403);
    await record(student.post(`${sittingBase}/grading/names`, { revealed: true }), 403);
    await record(student.put(`${sittingBase}/rubric/${WRITTEN}/items/x`, { points: '1', text: 'x' }), 403);
    await record(student.request('DELETE', `${sittingBase}/rubric/${WRITTEN}/items/js-constant`), 403);
    await record(student.get(`${sittingBase}/responses.csv`), 403);
    const gradesCsv = `student,question,rubric items,adjustment,adjustment reason,comment\n${world.roster[0]!.studentNumber},${WRITTEN},w1-gradient,,,\n`;
    await record(student.post(`${sittingBase}/grades/import`, { csv: gradesCsv, dryRun: true }), 403);
    await record(student.post(`${sittingBase}/release`, { confirmUngraded: true }), 403);
    // Another student's handwritten answer: its crop, its page, its ink.
    const { batch, paperAttempt } = await seedPaper(world);
    const paperAnswer = await seedPaperAnswerBox(world, paperAttempt, batch);
    await record(student.get(`${paperAnswer}/crop.jpg`), 403);
    await record(student.get(`${paperAnswer}/page.jpg`), 403);
    await record(student.post(`${paperAnswer}/ink`, { ink: 'blank' }), 403);
    await record(student.get('/api/attempt/results'), 403);
    const before = payloads.join('\n');
    for (const marker of ['OTHER-ANSWER-1', 'OTHER-COMMENT-2', 'OWN-COMMENT-3', 'js-constant'])
      expect(before, `leaked: ${marker}`).not.toContain(marker);
    world.clock.set(new Date(world.sitting.closesAt));
    const released = await student.get('/api/attempt/results');
    expect(released.status).toBe(200);
    const written = released.body.questions.find((q: { questionId: string }) => q.questionId === WRITTEN);
    expect(written).toMatchObject({
      points: '1',
      grade: { items: [{ id: 'js-constant', points: '1' }], comment: 'OWN-COMMENT-3' },
    });
    for (const marker of ['OTHER-ANSWER-1', 'OTHER-COMMENT-2', paperAttempt])
      expect(released.text, `leaked: ${marker}`).not.toContain(marker);
    expect((await student.get(`${paperAnswer}/crop.jpg`)).status).toBe(403);
    world.clock.set(T0);
  });
});

/** The same for an exam of computed questions: a student's own instance's key, explanation and parameters stay hidden. */
describe('no key material of a computed question reaches a student', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld('sqlite', { source: PRACTICE_SOURCE });
  });
  afterAll(() => world.close());

  it('holds for the student routes through a whole attempt', async () => {
    world.clock.set(T0);
    const payloads: string[] = [];
    const record = async (response: Promise<{ text: string }>) => payloads.push((await response).text);
    const student = await world.join(world.roster[0]!);
    await record(student.post('/api/attempt/start'));
    await record(student.get('/api/attempt'));
    const save = {
      seq: 1,
      questionId: 'conv-output-size',
      answer: { kind: 'choice', selected: ['a'] },
      flagged: false,
    };
    await record(student.put('/api/attempt/answers', { saves: [save] }));
    await record(student.get('/api/attempt/results'));
    await record(student.get(`/api/exams/${world.examId}/preview?seed=x`));
    await record(student.post('/api/attempt/submit'));
    await record(student.get('/api/attempt/results'));
    const row = await world.context.db
      .selectFrom('attempts')
      .select('generated_json')
      .where('roster_id', '=', world.roster[0]!.id)
      .executeTakeFirstOrThrow();
    const instances = Object.values(readInstances(row.generated_json ?? '{}'));
    const parsed = parseExam(PRACTICE_SOURCE);
    if (!parsed.ok) throw new Error('dl-practice does not parse');
    const code = listQuestions(parsed.exam).flatMap(({ question }) => [
      question.generator?.source.slice(0, 40),
      question.check?.source.slice(0, 40),
    ]);
    const markers = [
      ...instances.map((instance) => JSON.stringify(instance.explanation ?? '').slice(1, 41)),
      ...instances.map((instance) => JSON.stringify(instance.parameters ?? {})),
      ...code.filter((text): text is string => text !== undefined).map((text) => JSON.stringify(text).slice(1, -1)),
      '"correct"',
      '"value"',
      '"parameters"',
      '"explanation"',
      '"generator"',
      '"check"',
    ];
    const all = payloads.join('\n');
    expect(all).toContain(instances[0]!.stem.slice(0, 30).replace(/\\/g, '\\\\')); // the student's own questions did arrive
    for (const marker of markers) expect(all, `leaked: ${marker}`).not.toContain(marker);
  });
});

/**
 * Once the sitting's results and solutions are released: a late taker whose attempt still takes answers (grace period
 * included) and a student the instructor held back get no key material from any route they can call; a student who
 * finished sees the key (the control).
 */
describe('no key material reaches a late taker or a held student after release', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld('sqlite');
  });
  afterAll(() => world.close());

  const choice = (seq: number, letter: string) => ({
    saves: [{ seq, questionId: 'masked-softmax', answer: { kind: 'choice', selected: [letter] }, flagged: false }],
  });

  it('holds while the late taker can answer and while the held student is held', async () => {
    world.clock.set(T0);
    const instructor = await world.logIn('instructor');
    const sitting = `/api/sittings/${world.sitting.id}`;
    const [finished, late, held] = await Promise.all(world.roster.map((student) => world.join(student)));
    for (const student of [finished!, held!]) {
      await student.post('/api/attempt/start');
      await student.put('/api/attempt/answers', choice(1, 'a'));
      await student.post('/api/attempt/submit');
    }
    await instructor.put(`${sitting}/student-releases/${world.roster[2]!.id}`, { results: 'held', solutions: 'held' });
    // The late taker starts 30 minutes before the window closes: their deadline is the close, saves until +60 s.
    world.clock.set(new Date(new Date(world.sitting.closesAt).getTime() - 30 * 60_000));
    await late!.post('/api/attempt/start');
    expect((await instructor.post(`${sitting}/release`, { confirmUngraded: true })).status).toBe(200);
    expect((await instructor.post(`${sitting}/release-solutions`, {})).status).toBe(200);
    expect((await finished!.get('/api/attempt/results')).text).toContain('"correct"');

    const markers = [
      '"correct"',
      '"explanation"',
      '"solution"',
      'Masked elements',
      `"${world.roster[0]!.studentNumber}"`, // the finished student's
    ];
    const payloads: string[] = [];
    const callEverything = async (student: TestClient, seq: number) => {
      const calls = [
        () => student.get('/api/attempt'),
        () => student.put('/api/attempt/answers', choice(seq, 'd')),
        () => student.get('/api/attempt/results'),
        () => student.get('/api/attempt/sheet/1'),
        () => student.get('/api/attempt/regrade-requests'),
        () => student.get(`${sitting}/student-releases`),
        () =>
          student.put(`${sitting}/student-releases/${world.roster[1]!.id}`, {
            results: 'released',
            solutions: 'released',
          }),
        () => student.post(`${sitting}/release-solutions`, {}),
        () => student.get(`${sitting}/results`),
      ];
      for (const call of calls) payloads.push((await call()).text);
    };
    await callEverything(late!, 2);
    await callEverything(held!, 2);
    world.clock.set(new Date(new Date(world.sitting.closesAt).getTime() + 30_000)); // the late taker's grace period
    await callEverything(late!, 3);
    const all = payloads.join('\n');
    for (const marker of markers) expect(all, `leaked: ${marker}`).not.toContain(marker);
    // Once the late taker can no longer answer, they see the key as everyone else does.
    world.clock.set(new Date(new Date(world.sitting.closesAt).getTime() + 61_000));
    expect((await late!.get('/api/attempt/results')).text).toContain('"correct"');
    expect((await held!.get('/api/attempt/results')).status).toBe(403);
  });
});
