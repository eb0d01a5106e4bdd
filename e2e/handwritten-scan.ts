import { expect, type APIRequestContext } from '@playwright/test';
import { layoutAnswerSheet, makeVariant, parseExam, type SheetLayout } from '../packages/core/src/index.js';
import { writeInBox } from '../packages/server/src/test-support/paper-handwriting.js';
import { scannerPdf } from '../packages/omr/src/test-support/scanner-pdf.js';
import { paintSheets, SCAN_DPI, scanJpeg } from '../packages/server/src/test-support/paper-scans.js';

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
    data: await scannerPdf(await Promise.all(scanned.map(scanJpeg)), SCAN_DPI),
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

function answerBox(layout: SheetLayout, questionId: string) {
  for (const page of layout.pages) {
    const box = page.boxes.find((candidate) => candidate.questionId === questionId);
    if (box) return { page: page.number, box };
  }
  throw new Error(`no answer box for ${questionId}`);
}
