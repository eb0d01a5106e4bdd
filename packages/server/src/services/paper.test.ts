import { isChoiceQuestion, listQuestions, optionLetter, seededRandom, type Exam } from '@examforge/core';
import { renderAnswerSheets } from '@examforge/paper';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQueuedScans } from '../jobs/jobs.js';
import { DIALECTS } from '../test-support/databases.js';
import { paintPages, SCAN_DPI, scanPdf, scanPng, type PaperMark } from '../test-support/paper-scans.js';
import { claimScanBatch } from './scan-reading.js';
import { JOB_LEASE_MS } from '../jobs/claim-leased.js';
import { createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { rasterise, type GreyImage } from '../../../paper/src/test-support/rasterise.js';
import { loadExamVersion } from './exams.js';
import { currentVersion, sittingLayout, variantSeed } from './paper-layouts.js';
import { findSittingRow } from './sittings.js';
import { textLines } from '../../../omr/src/test-support/text-lines.js';

/** Canonical letters (or blank) for every choice question, drawn from a seed. */
function answerSet(exam: Exam, seed: string): Record<string, string | undefined> {
  const random = seededRandom(seed);
  return Object.fromEntries(
    listQuestions(exam).flatMap(({ question }) =>
      isChoiceQuestion(question)
        ? [[question.id, random() < 0.15 ? undefined : optionLetter(Math.floor(random() * question.options.length))]]
        : [],
    ),
  );
}

const rightLetter = (exam: Exam, questionId: string) => {
  const question = listQuestions(exam).find((entry) => entry.question.id === questionId)?.question;
  if (!question || !isChoiceQuestion(question)) throw new Error(`no choice question ${questionId}`);
  return optionLetter(question.options.findIndex((option) => option.correct));
};

describe.each(DIALECTS)('paper exams on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;
  let exam: Exam;
  const base = () => `/api/sittings/${world.sitting.id}`;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 8 });
    instructor = await world.logIn('instructor');
    exam = await loadExamVersion(
      world.context,
      (await findSittingRow(world.context, world.sitting.id)).exam_version_id,
    );
  });
  afterAll(() => world.close());

  /**
   * The sitting's printed sheets as the scanner sees them. Printed and rasterised once for the file (the sheets do not
   * change between its cases, and each scan paints its own copy), which saves most of a minute of pdftoppm.
   */
  let printedPages: Promise<GreyImage[]> | undefined;
  async function printSheets() {
    const printed = await instructor.get(`${base()}/paper/sheets.pdf`);
    expect(printed.status).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    return rasterise(printed.raw, SCAN_DPI);
  }

  /** The printed sheets of some roster students with marks painted in, as one scanned PDF. */
  async function scanOf(students: readonly { index: number; marks: readonly PaperMark[] }[]) {
    const printed = await (printedPages ??= printSheets());
    const sitting = await findSittingRow(world.context, world.sitting.id);
    const layouts = world.roster.map((student) =>
      sittingLayout(exam, sitting, variantSeed(sitting.id, student.id), 'A4'),
    );
    const all = paintPages(
      printed,
      world.roster.map((_, index) => ({
        layout: layouts[index]!,
        marks: students.find((student) => student.index === index)?.marks ?? [],
      })),
      'paper-test',
    );
    const perSheet = layouts[0]!.pages.length;
    return students.flatMap(({ index }) => all.slice(index * perSheet, (index + 1) * perSheet));
  }

  async function uploadAndRead(pdf: Buffer, name: string) {
    const uploaded = await instructor.upload(`${base()}/scans?name=${name}`, pdf, 'application/pdf');
    expect(uploaded.status, uploaded.text).toBe(202);
    expect(uploaded.body).toMatchObject({ status: 'queued', pagesDone: 0 });
    expect(await readQueuedScans(world.context)).toBe(1);
    const batch = await instructor.get(`${base()}/scans/${uploaded.body.id as string}`);
    expect(batch.body.status, batch.body.error as string).toBe('done');
    expect(batch.body.pagesDone).toBe(batch.body.pagesTotal);
    return batch.body;
  }

  it('scores answers painted on printed sheets exactly as the same answers given online', async () => {
    const sets = [0, 1, 2].map((pair) => answerSet(exam, `pair-${pair}`));
    for (const [pair, answers] of sets.entries()) {
      const student = await world.join(world.roster[pair]!);
      await student.post('/api/attempt/start');
      const saves = Object.entries(answers).flatMap(([questionId, letter], index) =>
        letter === undefined ? [] : [{ seq: index + 1, questionId, answer: { kind: 'choice', selected: [letter] } }],
      );
      expect((await student.put('/api/attempt/answers', { saves })).status).toBe(200);
      expect((await student.post('/api/attempt/submit')).status).toBe(200);
    }
    const paper = sets.map((answers, pair) => ({
      index: pair + 3,
      marks: Object.entries(answers).flatMap(([questionId, option]) =>
        option === undefined ? [] : [{ questionId, option, mark: 'filled' as const }],
      ),
    }));
    const batch = await uploadAndRead(await scanPdf(await scanOf(paper)), 'paper-vs-online.pdf');
    expect(batch.anomalies).toEqual([]);
    expect(
      batch.sheets.map((sheet: { studentNumber: string; attached: boolean }) => [sheet.studentNumber, sheet.attached]),
    ).toEqual([
      ['s0004', true],
      ['s0005', true],
      ['s0006', true],
    ]);
    expect((await instructor.get(`${base()}/review`)).body).toEqual([]);
    const results = (await instructor.get(`${base()}/results`)).body as {
      studentNumber: string;
      total: string;
      questions: Record<string, string>;
      source: string;
      flagged: string[];
    }[];
    for (const pair of [0, 1, 2]) {
      const online = results.find((row) => row.studentNumber === world.roster[pair]!.studentNumber)!;
      const onPaper = results.find((row) => row.studentNumber === world.roster[pair + 3]!.studentNumber)!;
      expect([online.source, onPaper.source]).toEqual(['online', 'paper']);
      expect(onPaper.questions).toEqual(online.questions);
      expect(onPaper.total).toBe(online.total);
      expect(onPaper.flagged).toEqual([]);
    }
  });

  it('gives a paper student their own annotated sheet once results are released, the key once solutions are', async () => {
    const student = await world.join(world.roster[3]!);
    const early = await student.get('/api/attempt/sheet/1');
    expect([early.status, early.body.message]).toEqual([403, 'results are not released yet']);
    const sitting = await findSittingRow(world.context, world.sitting.id);
    world.clock.set(new Date(new Date(sitting.closes_at).getTime() + 1000));
    const results = await student.get('/api/attempt/results');
    expect(results.status, results.text).toBe(200);
    expect(results.body.sheetPages).toEqual([1, 2, 3, 4]);
    const sheet = await student.get('/api/attempt/sheet/1');
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toBe('image/jpeg');
    expect(sheet.raw.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await student.get('/api/attempt/sheet/9')).status).toBe(404);
    await world.context.db.updateTable('sittings').set({ release_solutions: 'never' }).execute();
    const withoutKey = await student.get('/api/attempt/sheet/1');
    expect(withoutKey.status).toBe(200);
    expect(withoutKey.raw.equals(sheet.raw)).toBe(false);
    await world.context.db.updateTable('sittings').set({ release_solutions: 'after-close' }).execute();
    const online = await world.join(world.roster[0]!);
    expect((await online.get('/api/attempt/results')).body.sheetPages).toBeUndefined();
    expect((await online.get('/api/attempt/sheet/1')).status).toBe(404);
    world.clock.set(new Date(sitting.opens_at));
  });

  it('sends uncertain marks to review; a decision rescores the student and is audited; the decision outlives a re-scan', async () => {
    const wrong = (id: string) => (rightLetter(exam, id) === 'a' ? 'b' : 'a');
    const marks: PaperMark[] = [
      // Two complete fills on a single-choice question: a person says which (if any) was meant.
      { questionId: 'l2-prior', option: rightLetter(exam, 'l2-prior'), mark: 'filled' },
      { questionId: 'l2-prior', option: wrong('l2-prior'), mark: 'filled' },
      // A changed answer, a fill beside the residue of an erased one: residue is noise, the fill is the answer.
      { questionId: 'perceptron-update-loss', option: rightLetter(exam, 'perceptron-update-loss'), mark: 'erased' },
      { questionId: 'perceptron-update-loss', option: wrong('perceptron-update-loss'), mark: 'filled' },
      {
        questionId: 'sigmoid-squared-loss-gradient',
        option: rightLetter(exam, 'sigmoid-squared-loss-gradient'),
        mark: 'filled',
      },
      // A tick alone is not an answer: recorded as an invalid mark, the question unanswered (0, no penalty), flagged.
      { questionId: 'resnet-residual-gradient', option: rightLetter(exam, 'resnet-residual-gradient'), mark: 'tick' },
    ];
    const pages = await scanOf([{ index: 6, marks }]);
    const sitting = await findSittingRow(world.context, world.sitting.id);
    const { version } = await currentVersion(world.context, sitting);
    const stranger = rasterise(
      await renderAnswerSheets([
        {
          layout: sittingLayout(exam, sitting, `${sitting.id}:nobody`, 'A4'),
          content: {
            title: exam.title,
            identity: { examId: exam.id, version, variant: `${sitting.id}:nobody`, studentNumber: 'x9999' },
          },
        },
      ]),
      150,
    );
    const blank = { ...pages[0]!, pixels: new Uint8Array(pages[0]!.pixels.length).fill(255) };
    const file = await scanPdf([...pages, blank, pages[1]!, ...stranger]);
    const batch = await uploadAndRead(file, 'review.pdf');
    const messages = (batch.anomalies as { message: string }[]).map((anomaly) => anomaly.message);
    expect(messages).toContain('scan page 5 is blank');
    expect(messages).toContain('page 2 of s0007 came twice (scan pages 2 and 6); the first copy was read');
    expect(messages).toContainEqual(expect.stringContaining('x9999'));
    expect(messages.find((m) => m.includes('x9999'))).toContain('not for a student on this sitting');

    const queue = (await instructor.get(`${base()}/review`)).body as {
      id: string;
      questionId: string;
      studentNumber: string;
    }[];
    expect(queue.map((item) => item.questionId).sort()).toEqual(['l2-prior']);
    expect(queue.every((item) => item.studentNumber === 's0007')).toBe(true);
    const crop = await instructor.get(`${base()}/review/${queue[0]!.id}/crop.png`);
    expect([crop.status, crop.headers['content-type'], crop.raw.subarray(1, 4).toString()]).toEqual([
      200,
      'image/png',
      'PNG',
    ]);

    const row = async () =>
      (
        (await instructor.get(`${base()}/results`)).body as {
          studentNumber: string;
          attemptId: string;
          questions: Record<string, string>;
          flagged: string[];
          openReviews: number;
        }[]
      ).find((r) => r.studentNumber === 's0007')!;
    const before = await row();
    expect(before.questions['l2-prior']).toBe('0');
    expect(before.flagged).toContain('l2-prior');
    expect(before.questions['sigmoid-squared-loss-gradient']).toBe('0.5');
    expect(before.openReviews).toBe(1);
    expect(before.questions['perceptron-update-loss']).toBe('-0.5');
    expect(before.flagged).not.toContain('perceptron-update-loss');
    expect(before.questions['resnet-residual-gradient']).toBe('0');
    expect(before.flagged).toContain('resnet-residual-gradient');
    const detail = await instructor.get(`${base()}/attempts/${before.attemptId}`);
    const ticked = (detail.body.questions as { questionId: string; answer: unknown; reason: string }[]).find(
      (q) => q.questionId === 'resnet-residual-gradient',
    )!;
    expect(ticked.answer).toEqual({
      kind: 'choice',
      selected: [],
      invalidMarks: [{ option: rightLetter(exam, 'resnet-residual-gradient'), mark: 'tick' }],
    });
    expect(ticked.reason).toContain('not a complete fill');

    const item = queue.find((entry) => entry.questionId === 'l2-prior')!;
    const right = rightLetter(exam, 'l2-prior');
    const decided = await instructor.post(`${base()}/review/${item.id}`, { kind: 'choice', selected: [right] });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'decided',
      decision: { kind: 'choice', selected: [right] },
      decidedBy: 'instructor',
    });
    expect((await row()).questions['l2-prior']).toBe('0.5');
    expect((await row()).flagged).not.toContain('l2-prior');
    const grader = await world.logIn('grader');
    expect((await grader.post(`${base()}/review/${item.id}`, { kind: 'blank' })).status).toBe(200);
    expect((await row()).questions['l2-prior']).toBe('0');
    const events = await world.context.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'review.decided')
      .where('subject', '=', `attempt:${before.attemptId}`)
      .orderBy('id')
      .execute();
    expect(events.map((event) => JSON.parse(event.data_json).answer)).toEqual([
      { kind: 'choice', selected: [right] },
      { kind: 'blank' },
    ]);
    expect(events.map((event) => event.actor_id)).toEqual([world.users.instructor.id, world.users.grader.id]);
    expect((await instructor.get(`${base()}/review`)).body).toHaveLength(0);

    // The same sheet scanned again: the reading is refreshed, the decision stays.
    await uploadAndRead(file, 'review-again.pdf');
    expect((await row()).questions['l2-prior']).toBe('0');
    expect((await instructor.get(`${base()}/review`)).body).toHaveLength(0);

    const sheet = await instructor.get(`${base()}/attempts/${before.attemptId}/sheet/1`);
    expect([sheet.status, sheet.headers['content-type'], sheet.raw[0], sheet.raw[1]]).toEqual([
      200,
      'image/jpeg',
      0xff,
      0xd8,
    ]);
    expect((await instructor.get(`${base()}/attempts/${before.attemptId}/sheet/9`)).status).toBe(404);
  });

  it('records the questions of a sheet page that was not read as not read, never blank, until a scan reads it', async () => {
    const right = rightLetter(exam, 'l2-prior');
    const pages = await scanOf([{ index: 7, marks: [{ questionId: 'l2-prior', option: right, mark: 'filled' }] }]);
    const choiceIds = listQuestions(exam)
      .filter(({ question }) => isChoiceQuestion(question))
      .map(({ question }) => question.id);
    // Page 1 of s0008's sheet, with every choice question, came back as a page of something else; pages 2–4 read.
    const unreadable = { ...pages[0]!, pixels: textLines(pages[0]!.width, pages[0]!.height) };
    const batch = await uploadAndRead(await scanPdf([unreadable, ...pages.slice(1)]), 'without-page-1.pdf');
    expect(batch.anomalies).toContainEqual(expect.objectContaining({ kind: 'unknown', scanPage: 1 }));
    expect((batch.anomalies as { message: string }[]).map((anomaly) => anomaly.message)).toContain(
      `page 1 of s0008 is missing from the scan; its ${choiceIds.length} choice questions are recorded as not read (missing), not blank, until the page is scanned`,
    );
    // The unreadable page is kept as it was scanned, for a person to see whose page it is.
    const stored = await world.context.db
      .selectFrom('scan_pages')
      .select('image_jpeg')
      .where('batch_id', '=', batch.id as string)
      .where('scan_page', '=', 1)
      .executeTakeFirstOrThrow();
    expect(stored.image_jpeg?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    type Row = { studentNumber: string; attemptId: string; total: string; questions: Record<string, string> };
    const row = async () =>
      ((await instructor.get(`${base()}/results`)).body as (Row & { notRead: string[]; flagged: string[] })[]).find(
        (r) => r.studentNumber === 's0008',
      )!;
    const missing = await row();
    expect(missing.notRead).toEqual(choiceIds);
    expect(missing.total).toBe('0');
    expect(missing.flagged).toContain('l2-prior');
    const detail = await instructor.get(`${base()}/attempts/${missing.attemptId}`);
    const l2 = (
      detail.body.questions as { questionId: string; status: string; answer: unknown; reason: string }[]
    ).find((q) => q.questionId === 'l2-prior')!;
    expect(l2).toMatchObject({
      status: 'missing',
      points: '0',
      answer: { kind: 'missing' },
      reason: 'the page with this question was not read from the scan: 0 until it is read',
    });
    const csv = parse<Record<string, string>>((await instructor.get(`${base()}/results.csv`)).text, { columns: true });
    const csvRow = csv.find((r) => r['student'] === 's0008')!;
    expect(choiceIds.map((id) => csvRow[id])).toEqual(choiceIds.map(() => 'not read'));
    expect(csvRow['not read']).toBe(choiceIds.join(' '));

    // Page 1 scanned on its own later: its answers are read; the other pages, absent this time, take nothing away.
    await uploadAndRead(await scanPdf(pages.slice(0, 1)), 'page-1.pdf');
    const read = await row();
    expect(read.notRead).toEqual([]);
    expect(read.questions['l2-prior']).toBe('0.5');
    // Pages 2–4 scanned again: page 1 is missing from this batch, but its answers stay as read.
    await uploadAndRead(await scanPdf(pages.slice(1)), 'without-page-1-again.pdf');
    expect((await row()).notRead).toEqual([]);
    expect((await row()).questions['l2-prior']).toBe('0.5');
  });

  it('takes up a batch again when the job reading it died', async () => {
    const blank = { width: 400, height: 500, pixels: new Uint8Array(400 * 500).fill(255) };
    const uploaded = await instructor.upload(`${base()}/scans?name=blank.png`, await scanPng(blank), 'image/png');
    expect(uploaded.status).toBe(202);
    // A job claims the batch and dies before reading it.
    expect(await claimScanBatch(world.context)).toBe(uploaded.body.id);
    expect(await readQueuedScans(world.context)).toBe(0);
    world.clock.advance(JOB_LEASE_MS + 1000);
    expect(await readQueuedScans(world.context)).toBe(1);
    const batch = await instructor.get(`${base()}/scans/${uploaded.body.id as string}`);
    expect(batch.body).toMatchObject({
      status: 'done',
      pagesDone: 1,
      anomalies: [{ kind: 'blank', message: 'scan page 1 is blank' }],
    });
    const row = await world.context.db
      .selectFrom('scan_batches')
      .select('tries')
      .where('id', '=', uploaded.body.id)
      .executeTakeFirstOrThrow();
    expect(row.tries).toBe(2);
  });

  it('refuses files that are not scans, and files over the size limit, with a clear message', async () => {
    const text = await instructor.upload(
      `${base()}/scans?name=notes.pdf`,
      Buffer.from('not a pdf at all'),
      'application/pdf',
    );
    expect([text.status, text.body.code]).toEqual([415, 'not-a-scan']);
    expect(text.body.message).toContain('notes.pdf');
    const plain = await instructor.upload(`${base()}/scans`, Buffer.from('hello'), 'text/plain');
    expect([plain.status, plain.body.code]).toEqual([415, 'not-a-scan']);
    const huge = Buffer.alloc(51 * 1024 * 1024, 0x25);
    const tooLarge = await instructor.upload(`${base()}/scans?name=huge.pdf`, huge, 'application/pdf');
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'scan-too-large']);
    expect(tooLarge.body.message).toContain('50 MB');
  });
});
