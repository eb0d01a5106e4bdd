import { expect, type APIRequestContext } from '@playwright/test';
import { layoutAnswerSheet, makeVariant, parseExam, type SheetLayout } from '../packages/core/src/index.js';
import { writeInBox } from '../packages/server/src/test-support/paper-handwriting.js';
import sharp from 'sharp';
import { scannerPdf } from '../packages/omr/src/test-support/scanner-pdf.js';
import { paintSheets, SCAN_DPI } from '../packages/server/src/test-support/paper-scans.js';
import type { GreyImage } from '../packages/paper/src/test-support/rasterise.js';

/**
 * The paper half of a sitting: the server prints every student's answer sheet, the test rasterises it, writes
 * handwriting-like strokes into `questionId`'s answer box of each paper student's sheet, and uploads those students'
 * pages as one scanned PDF of JPEG pages, as sheet-fed scanners write them, waiting until the server has read it.
 */
export async function scanHandwrittenAnswers(
  request: APIRequestContext,
  options: { sittingId: string; csrf: string; source: string; questionId: string; students: readonly string[] },
): Promise<void> {
  const { sittingId, csrf, questionId } = options;
  const parsed = parseExam(options.source);
  if (!parsed.ok) throw new Error('the exam does not parse');
  const exam = parsed.exam;
  const roster = (await (await request.get(`/api/sittings/${sittingId}/roster`)).json()) as {
    id: string;
    studentNumber: string;
  }[];
  const printed = await request.get(`/api/sittings/${sittingId}/paper/sheets.pdf`);
  expect(printed.status()).toBe(200);
  const layouts = roster.map((student) =>
    layoutAnswerSheet(
      exam,
      makeVariant(exam, `${sittingId}:${student.id}`, { shuffleQuestions: false, shuffleOptions: false }),
      { pageSize: 'A4', studentNumberDigits: 8 },
    ),
  );
  const pages = paintSheets(
    Buffer.from(await printed.body()),
    layouts.map((layout) => ({ layout, marks: [] })),
    'e2e-grading',
  );
  const scanned = roster.flatMap((student, index) => {
    if (!options.students.includes(student.studentNumber)) return [];
    const start = layouts.slice(0, index).reduce((sum, layout) => sum + layout.pages.length, 0);
    const { page, box } = answerBox(layouts[index]!, questionId);
    writeInBox(pages[start + page - 1]!, box, SCAN_DPI, `e2e-${student.studentNumber}`);
    return pages.slice(start, start + layouts[index]!.pages.length);
  });
  const uploaded = await request.post(`/api/sittings/${sittingId}/scans?name=handwritten.pdf`, {
    headers: { 'x-csrf-token': csrf, 'content-type': 'application/pdf' },
    data: await scannerPdf(await Promise.all(scanned.map(scannedJpeg)), SCAN_DPI),
  });
  expect(uploaded.status(), await uploaded.text()).toBe(202);
  const batchId = ((await uploaded.json()) as { id: string }).id;
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/sittings/${sittingId}/scans/${batchId}`)).json()) as { status: string })
          .status,
      { timeout: 240_000, intervals: [1_000] },
    )
    .toBe('done');
}

/**
 * A page as a scanner's JPEG. The server decodes a JPEG page directly at the scan's resolution, where the PNG pages
 * of the same scan (whose PDF images carry a PNG predictor) are each rendered with pdf.js at 200 dpi: scanning the 15
 * sheets took 20–40 s of the test with PNG pages, 13–16 s with JPEG.
 */
function scannedJpeg(page: GreyImage): Promise<Buffer> {
  return sharp(Buffer.from(page.pixels), { raw: { width: page.width, height: page.height, channels: 1 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function answerBox(layout: SheetLayout, questionId: string) {
  for (const page of layout.pages) {
    const box = page.boxes.find((candidate) => candidate.questionId === questionId);
    if (box) return { page: page.number, box };
  }
  throw new Error(`no answer box for ${questionId}`);
}
