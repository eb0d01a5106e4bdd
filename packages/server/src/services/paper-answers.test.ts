import type { Exam, SheetLayout } from '@examforge/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQueuedScans } from '../jobs/jobs.js';
import { DIALECTS } from '../test-support/databases.js';
import { WRITTEN } from '../test-support/grading-seed.js';
import { writeInBox } from '../test-support/paper-handwriting.js';
import { paintSheets, SCAN_DPI, scanPdf } from '../test-support/paper-scans.js';
import { createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { loadExamVersion } from './exams.js';
import { sittingLayout, variantSeed } from './paper-layouts.js';
import { findSittingRow } from './sittings.js';

/** Students by roster index: two write in the `WRITTEN` box, one leaves it blank, one's sheet lacks its page. */
const [WRITER, SECOND_WRITER, BLANK_SHEET, PAGE_MISSING] = [0, 1, 2, 3];

type ResultRow = { studentNumber: string; attemptId: string; total: string; questions: Record<string, string> };
type Row = ResultRow & { notRead: string[]; ungraded: string[] };

describe.each(DIALECTS)('handwritten paper answers in grading on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;
  let grader: TestClient;
  let layouts: SheetLayout[];
  let pages: ReturnType<typeof paintSheets>;
  const base = () => `/api/sittings/${world.sitting.id}`;
  const queue = () => `${base()}/grading/${WRITTEN}`;
  const answer = (attemptId: string) => `${base()}/paper-answers/${attemptId}/${WRITTEN}`;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 4 });
    instructor = await world.logIn('instructor');
    grader = await world.logIn('grader');
    const sitting = await findSittingRow(world.context, world.sitting.id);
    const exam: Exam = await loadExamVersion(world.context, sitting.exam_version_id);
    const printed = await instructor.get(`${base()}/paper/sheets.pdf`);
    layouts = world.roster.map((student) => sittingLayout(exam, sitting, variantSeed(sitting.id, student.id), 'A4'));
    pages = paintSheets(
      printed.raw,
      layouts.map((layout) => ({ layout, marks: [] })),
      'paper-answers',
    );
    for (const index of [WRITER, SECOND_WRITER, PAGE_MISSING]) {
      const { page, box } = writtenBox(index);
      writeInBox(pages[sheetStart(index) + page - 1]!, box, SCAN_DPI, `student-${index}`);
    }
    const missing = sheetStart(PAGE_MISSING) + writtenBox(PAGE_MISSING).page - 1;
    const scanned = [WRITER, SECOND_WRITER, BLANK_SHEET, PAGE_MISSING]
      .flatMap((index) => pages.slice(sheetStart(index), sheetStart(index) + layouts[index]!.pages.length))
      .filter((page) => page !== pages[missing]);
    await uploadAndRead(await scanPdf(scanned), 'handwritten.pdf');
  });
  afterAll(() => world.close());

  const sheetStart = (index: number) => layouts.slice(0, index).reduce((sum, layout) => sum + layout.pages.length, 0);
  function writtenBox(index: number) {
    const page = layouts[index]!.pages.find((candidate) => candidate.boxes.some((b) => b.questionId === WRITTEN))!;
    return { page: page.number, box: page.boxes.find((b) => b.questionId === WRITTEN)! };
  }

  async function uploadAndRead(pdf: Buffer, name: string) {
    const uploaded = await instructor.upload(`${base()}/scans?name=${name}`, pdf, 'application/pdf');
    expect(uploaded.status, uploaded.text).toBe(202);
    expect(await readQueuedScans(world.context)).toBe(1);
    const batch = await instructor.get(`${base()}/scans/${uploaded.body.id as string}`);
    expect(batch.body.status, batch.body.error as string).toBe('done');
    return batch.body as { id: string; anomalies: { kind: string; studentNumber?: string }[] };
  }

  const results = async () => (await instructor.get(`${base()}/results`)).body as Row[];
  const rowOf = async (index: number) =>
    (await results()).find((r) => r.studentNumber === world.roster[index]!.studentNumber)!;
  const statusOf = async (attemptId: string) => {
    const detail = await instructor.get(`${base()}/attempts/${attemptId}`);
    return (detail.body.questions as { questionId: string; status: string }[]).find((q) => q.questionId === WRITTEN)!;
  };

  it('keeps box crops as JPEG per attempt, not in the page readings, and clears them from the batch', async () => {
    const pagesRows = await world.context.db.selectFrom('scan_pages').select('crops_json').execute();
    for (const row of pagesRows) expect(Object.keys(JSON.parse(row.crops_json) as object)).not.toContain(WRITTEN);
    expect(await world.context.db.selectFrom('scan_box_crops').selectAll().execute()).toEqual([]);
    const boxes = await world.context.db.selectFrom('paper_answer_boxes').selectAll().execute();
    // Three full sheets with every free-response box each, and the sheet without one page.
    expect(boxes.length).toBeGreaterThan(3);
    for (const box of boxes) expect(box.image_jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('sends written boxes to grading as crops; a blank box scores blank and a box not scanned is not read', async () => {
    const listed = (await grader.get(queue())).body;
    const writers = [WRITER, SECOND_WRITER].map(async (index) => (await rowOf(index)).attemptId);
    const writerIds = (await Promise.all(writers)).sort();
    expect(listed.entries.map((entry: { attemptId: string }) => entry.attemptId).sort()).toEqual(writerIds);
    expect(listed.entries.every((entry: { source: string }) => entry.source === 'paper')).toBe(true);
    const blank = await rowOf(BLANK_SHEET);
    expect(listed.blankPaperAnswers.map((box: { attemptId: string }) => box.attemptId)).toEqual([blank.attemptId]);
    const shown = (await grader.get(`${queue()}/answers/${writerIds[0]}`)).body;
    expect(shown.answer).toEqual({ kind: 'crop', url: `${answer(writerIds[0]!)}/crop.jpg` });
    expect(shown.paperBox).toMatchObject({
      ink: 'written',
      detectedInk: 'written',
      pageUrl: `${answer(writerIds[0]!)}/page.jpg`,
    });

    const writer = await rowOf(WRITER);
    expect([writer.questions[WRITTEN], writer.ungraded]).toEqual(['ungraded', expect.arrayContaining([WRITTEN])]);
    expect(blank.questions[WRITTEN]).toBe('0');
    expect((await statusOf(blank.attemptId)).status).toBe('blank');
    const missing = await rowOf(PAGE_MISSING);
    expect(missing.notRead).toContain(WRITTEN);
    expect(await statusOf(missing.attemptId)).toMatchObject({ status: 'missing', answer: { kind: 'missing' } });
    expect(listed.entries.map((entry: { attemptId: string }) => entry.attemptId)).not.toContain(missing.attemptId);
  });

  it('counts a graded paper answer in the total exactly as an online one', async () => {
    const before = await rowOf(WRITER);
    const graded = await grader.put(`${queue()}/answers/${before.attemptId}/grade`, {
      items: ['js-constant', 'w1-gradient'],
      comment: 'Both halves.',
      expectedVersion: 0,
    });
    expect(graded.status, graded.text).toBe(200);
    const after = await rowOf(WRITER);
    expect(after.questions[WRITTEN]).toBe('2');
    expect(Number(after.total) - Number(before.total)).toBe(2);
    expect(after.ungraded).not.toContain(WRITTEN);
    // A graded answer keeps its box written: its grade would otherwise count for a blank box.
    const refused = await grader.post(`${answer(before.attemptId)}/ink`, { ink: 'blank' });
    expect([refused.status, refused.body.code]).toEqual([409, 'answer-graded']);
    // Nor does a re-scan that reads the graded box blank: the answer stays in the queue, counted by its grade.
    const box = world.context.db
      .updateTable('paper_answer_boxes')
      .where('attempt_id', '=', before.attemptId)
      .where('question_id', '=', WRITTEN);
    await box.set({ ink: 'blank' }).execute();
    expect((await rowOf(WRITER)).questions[WRITTEN]).toBe('2');
    const entries = (await grader.get(queue())).body.entries as { attemptId: string; state: string }[];
    expect(entries.find((entry) => entry.attemptId === before.attemptId)?.state).toBe('graded');
    await box.set({ ink: 'written' }).execute();
  });

  it('lets a grader say a box judged blank is written: it enters the queue, audited', async () => {
    const blank = await rowOf(BLANK_SHEET);
    const overridden = await grader.post(`${answer(blank.attemptId)}/ink`, { ink: 'written' });
    expect(overridden.status, overridden.text).toBe(200);
    expect(overridden.body).toMatchObject({ ink: 'written', detectedInk: 'blank', override: 'written' });
    const listed = (await grader.get(queue())).body;
    expect(listed.entries.map((entry: { attemptId: string }) => entry.attemptId)).toContain(blank.attemptId);
    expect(listed.blankPaperAnswers).toBeUndefined();
    expect((await rowOf(BLANK_SHEET)).questions[WRITTEN]).toBe('ungraded');
    const events = await world.context.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'paper.box-ink')
      .execute();
    expect(events.map((event) => [event.actor_id, event.subject])).toEqual([
      [world.users.grader.id, `answer:${blank.attemptId}/${WRITTEN}`],
    ]);
    expect(JSON.parse(events[0]!.data_json)).toEqual({ detected: 'blank', was: 'blank', ink: 'written' });
    const bad = await grader.post(`${answer(blank.attemptId)}/ink`, { ink: 'maybe' });
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid-request']);
    const unknown = await grader.post(`${base()}/paper-answers/nobody/${WRITTEN}/ink`, { ink: 'written' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not-found']);
  });

  it('serves the crop at the scan resolution to staff, and to its student only once results are released', async () => {
    const writer = await rowOf(WRITER);
    const crop = await grader.get(`${answer(writer.attemptId)}/crop.jpg`);
    expect([crop.status, crop.headers['content-type']]).toEqual([200, 'image/jpeg']);
    const { width, height } = await sharp(crop.raw).metadata();
    const { box } = writtenBox(WRITER);
    // Cut just inside the printed border, at the scan's own pixels per point.
    expect(width).toBeGreaterThanOrEqual(Math.floor(box.width * (SCAN_DPI / 72) * 0.9));
    expect(height).toBeGreaterThanOrEqual(Math.floor(box.height * (SCAN_DPI / 72) * 0.9));
    const page = await grader.get(`${answer(writer.attemptId)}/page.jpg`);
    expect([page.status, page.headers['content-type']]).toEqual([200, 'image/jpeg']);

    const own = await world.join(world.roster[WRITER]!);
    const other = await world.join(world.roster[SECOND_WRITER]!);
    expect((await own.get(`${answer(writer.attemptId)}/crop.jpg`)).status).toBe(403);
    world.clock.set(new Date(world.sitting.closesAt));
    expect((await own.get(`${answer(writer.attemptId)}/crop.jpg`)).status).toBe(200);
    expect((await other.get(`${answer(writer.attemptId)}/crop.jpg`)).status).toBe(403);
    expect((await own.get(`${answer(writer.attemptId)}/page.jpg`)).status).toBe(403);
    const released = (await own.get('/api/attempt/results')).body;
    const question = released.questions.find((q: { questionId: string }) => q.questionId === WRITTEN);
    expect(question).toMatchObject({
      crop: `${answer(writer.attemptId)}/crop.jpg`,
      points: '2',
      grade: { comment: 'Both halves.' },
    });
    expect(question.answer).toBeUndefined();
  });

  it('reads a missing box page when it is scanned later: the question leaves not read for the queue', async () => {
    const missing = sheetStart(PAGE_MISSING) + writtenBox(PAGE_MISSING).page - 1;
    await uploadAndRead(await scanPdf([pages[missing]!]), 'late-page.pdf');
    const row = await rowOf(PAGE_MISSING);
    expect(row.notRead).not.toContain(WRITTEN);
    expect(row.questions[WRITTEN]).toBe('ungraded');
    const entries = (await grader.get(queue())).body.entries as { attemptId: string }[];
    expect(entries.map((entry) => entry.attemptId)).toContain(row.attemptId);
  });
});
