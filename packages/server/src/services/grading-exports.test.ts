import { isLongResponseTable, parseExam, pivotLongResponses, readResponseTable, score } from '@examforge/core';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import { finishedBatch } from '../test-support/paper-seed.js';
import { BUNDLED_SOURCE, createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { unguardTextCell } from './csv-text-cell.js';

/** Typed answers a spreadsheet or a careless CSV writer would break. */
const AWKWARD = [
  'JS is constant, so "no gradient"; W1 = |θ|',
  'line one\nline two, with $\\frac{\\partial W_1}{\\partial \\theta} = 1$\r\nand a third',
  '=HYPERLINK("http://evil.test","click")',
  '-',
  "'quoted already",
  '+1 @SUM(A1:A2)',
];

type Csv = Record<string, string>[];
const readCsv = (text: string): Csv => parse<Record<string, string>>(text, { columns: true, bom: true });
const writeCsv = (rows: Csv): string => stringify(rows, { header: true });

describe.each(DIALECTS)('grading exports and imports on %s', (dialect) => {
  let world: TestWorld;
  afterEach(() => world.close());

  async function setUp(texts: readonly string[]) {
    world = await createTestWorld(dialect, { students: 1 });
    const attempts = await seedWrittenAnswers(world, texts);
    const sitting = `/api/sittings/${world.sitting.id}`;
    return {
      attempts,
      sitting,
      grading: `${sitting}/grading/${WRITTEN}`,
      grader: await world.logIn('grader'),
      instructor: await world.logIn('instructor'),
    };
  }
  const events = (action: string) =>
    world.context.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
  const gradeRows = () => world.context.db.selectFrom('grades').selectAll().orderBy('attempt_id').execute();
  const writtenRows = (csv: Csv) => csv.filter((row) => row.question === WRITTEN);
  const importCsv = (client: TestClient, sitting: string, csv: string, dryRun: boolean) =>
    client.post(`${sitting}/grades/import`, { csv, dryRun });

  it('exports every response with the typed text exactly, guarded against formulas, and audits it', async () => {
    const { attempts, sitting, grading, grader, instructor } = await setUp(AWKWARD);
    await grader.put(`${grading}/answers/${attempts[0]}/grade`, {
      items: ['js-constant'],
      adjustment: '-0.25',
      adjustmentReason: '=not quite, "sign"',
      comment: '@see the W1 part,\nplease',
      expectedVersion: 0,
    });
    const response = await instructor.get(`${sitting}/responses.csv`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const csv = readCsv(response.text);
    const questions = new Set(csv.map((row) => row.question)).size;
    expect(questions).toBe(29);
    expect(csv).toHaveLength(AWKWARD.length * questions);
    const written = writtenRows(csv);
    expect(written.map((row) => unguardTextCell(row.answer!))).toEqual(AWKWARD);
    // Nothing a spreadsheet would run: every text cell that starts like a formula starts with an apostrophe.
    for (const row of csv) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@]/);
    expect(written[2]!.answer).toBe(`'${AWKWARD[2]}`);
    expect(written[0]).toMatchObject({
      student: 'g00000',
      name: 'Graded Student g0',
      kind: 'free',
      number: '27',
      score: '0.75',
      'rubric items': 'js-constant',
      adjustment: '-0.25',
      'adjustment reason': `'=not quite, "sign"`,
      comment: "'@see the W1 part,\nplease",
      grader: 'grader',
    });
    expect(written[1]).toMatchObject({ score: 'ungraded', 'rubric items': '', comment: '', grader: '' });
    const choice = csv.find((row) => row.question === 'l2-prior');
    expect(choice).toMatchObject({ kind: 'single', answer: '-', score: '0' });
    expect(await events('responses.exported')).toHaveLength(1);
  });

  it('scores the same offline: the export read as the CLI reads it gives the totals the server gives', async () => {
    const { attempts, sitting, grading, grader, instructor } = await setUp(AWKWARD);
    const grade = (attemptId: string, body: object) =>
      grader.put(`${grading}/answers/${attemptId}/grade`, { expectedVersion: 0, ...body });
    await grade(attempts[0]!, { items: ['js-constant'], adjustment: '0.25', adjustmentReason: 'close' });
    await grade(attempts[1]!, { items: ['js-constant', 'w1-gradient'] });
    await grade(attempts[2]!, { items: [] });
    const text = (await instructor.get(`${sitting}/responses.csv`)).text;
    const rows: string[][] = parse(text, { bom: true });
    expect(isLongResponseTable(rows[0]!)).toBe(true);
    const exam = parsedBundledExam();
    const table = readResponseTable(exam, pivotLongResponses(exam, rows));
    expect(table.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const offline = Object.fromEntries(
      table.students.map((row) => [row.student, score(exam, row.responses).total.toString()]),
    );
    const results = (await instructor.get(`${sitting}/results`)).body as { studentNumber: string; total?: string }[];
    const online = Object.fromEntries(
      results.filter((row) => row.total !== undefined).map((row) => [row.studentNumber, row.total]),
    );
    expect(offline).toEqual(online);
    expect(offline.g00000).toBe('1.25');
  });

  it('guards names that look like formulas in results.csv too', async () => {
    const { sitting, instructor } = await setUp(['an answer']);
    await world.context.db.updateTable('roster').set({ name: '=HYPERLINK("http://evil.test")' }).execute();
    const csv = readCsv((await instructor.get(`${sitting}/results.csv`)).text);
    expect(csv.map((row) => row.name)).toContain(`'=HYPERLINK("http://evil.test")`);
  });

  it('leaves names out for graders until an instructor reveals them', async () => {
    const { sitting, grader, instructor } = await setUp(['an answer']);
    const names = async (client: TestClient) =>
      readCsv((await client.get(`${sitting}/responses.csv`)).text).map((row) => row.name);
    expect(new Set(await names(grader))).toEqual(new Set(['']));
    expect(new Set(await names(instructor))).toEqual(new Set(['Graded Student g0']));
    await instructor.post(`${sitting}/grading/names`, { revealed: true });
    expect(new Set(await names(grader))).toEqual(new Set(['Graded Student g0']));
  });

  it('imports an exported and edited file: the dry run shows exactly the changes, the real run applies them', async () => {
    const { attempts, sitting, grading, grader, instructor } = await setUp(['first', 'second', 'third']);
    await grader.put(`${grading}/answers/${attempts[0]}/grade`, { items: ['js-constant'], expectedVersion: 0 });
    await grader.put(`${grading}/answers/${attempts[1]}/grade`, { items: [], comment: 'Fine.', expectedVersion: 0 });
    const exported = readCsv((await instructor.get(`${sitting}/responses.csv`)).text);
    const edited = exported.map((row) => {
      if (row.question !== WRITTEN) return row;
      if (row.student === 'g00000') return { ...row, 'rubric items': 'js-constant; w1-gradient' };
      if (row.student === 'g00002')
        return {
          ...row,
          'rubric items': 'w1-gradient',
          adjustment: '0.5',
          'adjustment reason': 'neat',
          comment: "'=1",
        };
      return row;
    });
    const csv = writeCsv(edited);
    const before = await gradeRows();
    const dry = await importCsv(instructor, sitting, csv, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      applied: false,
      counts: { new: 1, changed: 1, unchanged: 1, error: 0, skipped: exported.length - 3 },
    });
    // Only the rows that give a grade are listed: the choice questions and the other answers are counted as skipped.
    expect(dry.body.rows).toEqual([
      {
        outcome: 'changed',
        row: expect.any(Number),
        student: 'g00000',
        questionId: WRITTEN,
        before: { items: ['js-constant'] },
        after: { items: ['js-constant', 'w1-gradient'] },
        changed: ['items'],
      },
      expect.objectContaining({ outcome: 'unchanged', student: 'g00001', changed: [] }),
      expect.objectContaining({
        outcome: 'new',
        student: 'g00002',
        after: { items: ['w1-gradient'], adjustment: '0.5', adjustmentReason: 'neat', comment: '=1' },
      }),
    ]);
    expect(await gradeRows()).toEqual(before);
    expect(await events('grades.imported')).toHaveLength(0);
    expect((await importCsv(grader, sitting, csv, false)).status).toBe(403);
    const applied = await importCsv(instructor, sitting, csv, false);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, counts: { new: 1, changed: 1, unchanged: 1 } });
    const results = (await instructor.get(`${sitting}/results`)).body as { attemptId?: string; questions: object }[];
    const pointsOf = (attemptId: string | undefined) =>
      (results.find((row) => row.attemptId === attemptId)?.questions as Record<string, string>)[WRITTEN];
    expect(attempts.map(pointsOf)).toEqual(['2', '0', '1.5']);
    const grades = new Map((await gradeRows()).map((row) => [row.attempt_id, row]));
    expect(grades.get(attempts[0]!)).toMatchObject({ version: 2, items_json: '["js-constant","w1-gradient"]' });
    expect(grades.get(attempts[1]!)).toMatchObject({ version: 1, comment: 'Fine.' });
    expect(grades.get(attempts[2]!)).toMatchObject({ version: 1, comment: '=1', adjustment_reason: 'neat' });
    const audited = (await events('grade.applied')).map((event) => event.subject);
    expect(audited.filter((subject) => subject === `answer:${attempts[0]}/${WRITTEN}`)).toHaveLength(2);
    expect(audited.filter((subject) => subject === `answer:${attempts[2]}/${WRITTEN}`)).toHaveLength(1);
    expect(await events('grades.imported')).toHaveLength(1);
    // Imported again, the file changes nothing.
    const again = await importCsv(instructor, sitting, csv, true);
    expect(again.body.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
  });

  it('names the row and column of every problem, and a bad file changes nothing', async () => {
    const { attempts, sitting, grading, grader, instructor } = await setUp(['a', 'b', 'c', 'd', 'e', 'f']);
    await grader.put(`${grading}/answers/${attempts[0]}/grade`, { items: ['js-constant'], expectedVersion: 0 });
    const row = (cells: Partial<Record<string, string>>) => ({
      student: 'g00001',
      question: WRITTEN,
      'rubric items': 'w1-gradient',
      adjustment: '',
      'adjustment reason': '',
      comment: '',
      ...cells,
    });
    const csv = writeCsv([
      row({}), // row 2: a good row, not applied since others are bad (so is row 9)
      row({ student: 'nobody' }),
      row({ student: 'g00002', question: 'no-such-question' }),
      row({ student: 'g00003', 'rubric items': 'w1-gradient made-up' }),
      row({ student: 'g00004', adjustment: '0.5' }),
      row({ student: 'g00005', adjustment: 'lots', 'adjustment reason': 'why' }),
      row({ question: 'l2-prior' }),
      row({ student: 'g00000', 'rubric items': 'w1-gradient' }),
      row({}),
    ]);
    const before = await gradeRows();
    const dry = await importCsv(instructor, sitting, csv, true);
    expect(dry.status).toBe(200);
    const problems = (dry.body.rows as { outcome: string; problems?: { row: number; column: string }[] }[])
      .flatMap((entry) => entry.problems ?? [])
      .map(({ row, column }) => [row, column]);
    expect(problems).toEqual([
      [3, 'student'],
      [4, 'question'],
      [5, 'rubric items'],
      [6, 'adjustment reason'],
      [7, 'adjustment'],
      [8, 'question'],
      [10, 'student'],
    ]);
    expect(dry.body.counts).toMatchObject({ new: 1, changed: 1, error: 7 });
    const real = await importCsv(instructor, sitting, csv, false);
    expect(real.status).toBe(400);
    expect(real.body).toMatchObject({
      code: 'grades-import-invalid',
      message: expect.stringContaining('row 3, column "student"'),
    });
    expect(real.body.details.problems).toHaveLength(7);
    expect(await gradeRows()).toEqual(before);
    expect(await events('grades.imported')).toHaveLength(0);
    const refusals: [string, number, string][] = [
      ['student,question\ng00001,x\n', 400, 'grades-csv-invalid'],
      ['student,question,rubric items,adjustment,adjustment reason,comment\n"g00001,oops\n', 400, 'grades-csv-invalid'],
    ];
    for (const [text, status, code] of refusals) {
      const response = await importCsv(instructor, sitting, text, false);
      expect([response.status, response.body.code], response.text).toEqual([status, code]);
    }
    expect(await gradeRows()).toEqual(before);
  });

  it('exports a written box on a paper sheet as its crop, and imports its grade like a typed one', async () => {
    const { attempts, sitting, instructor } = await setUp(['typed', 'to become paper']);
    await makePaperBox(world, attempts[1]!);
    const written = writtenRows(readCsv((await instructor.get(`${sitting}/responses.csv`)).text));
    expect(written[1]).toMatchObject({
      student: 'g00001',
      answer: `/api/sittings/${world.sitting.id}/paper-answers/${attempts[1]}/${WRITTEN}/crop.jpg`,
      score: 'ungraded',
    });
    const csv = writeCsv(written.map((row) => ({ ...row, 'rubric items': 'w1-gradient' })));
    const applied = await importCsv(instructor, sitting, csv, false);
    expect(applied.body).toMatchObject({ applied: true, counts: { new: 2, error: 0 } });
    const after = writtenRows(readCsv((await instructor.get(`${sitting}/responses.csv`)).text));
    expect(after.map((row) => row.score)).toEqual(['1', '1']);
  });

  it('refuses to release results with ungraded answers unless confirmed', async () => {
    const { attempts, sitting, grading, grader, instructor } = await setUp(['first', 'second', 'third']);
    await grader.put(`${grading}/answers/${attempts[0]}/grade`, { items: ['js-constant'], expectedVersion: 0 });
    expect((await grader.post(`${sitting}/release`, { confirmUngraded: true })).status).toBe(403);
    const refused = await instructor.post(`${sitting}/release`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'ungraded-answers',
      message: expect.stringMatching(/^2 written answers are still ungraded \(question 27 `wasserstein-vs-js`: 2\)/),
      details: { ungraded: [{ questionId: WRITTEN, number: 27, ungraded: 2 }] },
    });
    expect((await instructor.get(sitting)).body.releaseResults).toBe('after-close');
    const released = await instructor.post(`${sitting}/release`, { confirmUngraded: true });
    expect(released.status).toBe(200);
    expect(released.body.releaseResults).toBe('immediately');
    const [event] = await events('results.released');
    expect(JSON.parse(event!.data_json)).toMatchObject({ ungraded: [{ questionId: WRITTEN, ungraded: 2 }] });
  });

  it('releases without confirmation once every written answer is graded, and students see results at once', async () => {
    const { attempts, sitting, grading, instructor } = await setUp(['only']);
    const student = await world.join(world.roster[0]!);
    await student.post('/api/attempt/start');
    await student.post('/api/attempt/submit');
    expect((await student.get('/api/attempt/results')).status).toBe(403);
    await instructor.put(`${grading}/answers/${attempts[0]}/grade`, { items: [], expectedVersion: 0 });
    const released = await instructor.post(`${sitting}/release`, {});
    expect([released.status, released.body.releaseResults]).toEqual([200, 'immediately']);
    expect((await student.get('/api/attempt/results')).status).toBe(200);
  });
});

/** Turns a seeded online attempt into a paper one whose written box was read as written (no typed answer). */
async function makePaperBox(world: TestWorld, attemptId: string): Promise<void> {
  const db = world.context.db;
  await db.deleteFrom('answers').where('attempt_id', '=', attemptId).execute();
  await db.updateTable('attempts').set({ close_reason: 'paper' }).where('id', '=', attemptId).execute();
  const batch = finishedBatch(world, `batch-${attemptId}`);
  await db.insertInto('scan_batches').values(batch).execute();
  await db
    .insertInto('paper_answer_boxes')
    .values({
      attempt_id: attemptId,
      question_id: WRITTEN,
      image_jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
      ink: 'written',
      ink_share: 0.2,
      confidence: 0.9,
      blank_override: null,
      overridden_by: null,
      overridden_at: null,
      batch_id: batch.id,
      scan_page: 1,
    })
    .execute();
}

function parsedBundledExam() {
  const parsed = parseExam(BUNDLED_SOURCE);
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  return parsed.exam;
}
