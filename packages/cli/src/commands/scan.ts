import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { formatResponseCell, listQuestions, type Exam } from '@examforge/core';
import { annotationSvg, describeAnomaly, type ReadSheet, type ReviewItem, type ScanAnomaly } from '@examforge/omr';
import {
  encodeAnnotated,
  encodeJpeg,
  encodePng,
  scanFileKind,
  scanFiles,
  ScanFileError,
  type ScanBatchResult,
  type ScanFile,
} from '@examforge/omr/files';
import { stringify } from 'csv-stringify/sync';
import { styles, type Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { readUserFile } from '../files.js';
import { loadExam } from '../load-exam.js';
import { loadLayouts } from '../load-manifest.js';
import { progress } from '../render/progress.js';

export interface ScanOptions {
  readonly out: string;
  /** The manifest.json of the print run (the only source of geometry); without it only canonical sheets read. */
  readonly manifest?: string;
  /** Resolution at which PDF pages are rasterised. */
  readonly dpi: number;
  /** Write an annotated image of every sheet page read. */
  readonly annotate: boolean;
  /** Worker threads reading pages (default: one per core). */
  readonly workers?: number;
}

/**
 * `examforge scan <exam> <files…> --out dir`: reads scanned answer sheets and writes `responses.csv` (which
 * `examforge grade` reads), `review.csv` with a crop per uncertain reading in `review/`, annotated pages in
 * `annotated/`, and `scan-report.json`. Exit 0 when everything was read with confidence, 1 when a person has
 * something to look at (review items or anomalies), 2 on bad input.
 */
export async function runScan(
  examPath: string,
  paths: readonly string[],
  options: ScanOptions,
  output: Output,
): Promise<number> {
  const exam = loadExam(examPath);
  const layouts = loadLayouts(exam, options.manifest);
  const files = paths.map(readScanFile);
  for (const directory of ['', 'review', ...(options.annotate ? ['annotated'] : [])])
    mkdirSync(join(options.out, directory), { recursive: true });
  let bar = progress(output, 'Reading scans', 0);
  const annotated: string[] = [];
  const result = await scanFiles(
    files,
    { exam, layoutFor: (key) => layouts.get(key.variant) },
    {
      dpi: options.dpi,
      onPlanned: (pages) => (bar = progress(output, 'Reading scans', pages)),
      workers: options.workers ?? availableParallelism(),
      spec: { examSource: readUserFile(examPath, 'exam file'), layouts: { kind: 'printed', layouts: [...layouts] } },
      onPage: async ({ scanPage, result: page, image }) => {
        bar.update(scanPage);
        // A page that could not be read reaches a person as its image: whose page it is, only a person can tell.
        if (page.kind === 'unknown') {
          writeFileSync(join(options.out, unreadPageImage(scanPage)), await encodeJpeg(image));
          return;
        }
        if (!options.annotate || page.kind !== 'read' || page.pageKind !== 'choices') return;
        const who = page.identity.studentNumber || page.studentNumber?.digits || 'generic';
        const name = `${String(scanPage).padStart(3, '0')}-${safe(who)}-p${page.identity.page}.jpg`;
        writeFileSync(join(options.out, 'annotated', name), await encodeAnnotated(image, annotationSvg(page, image)));
        annotated.push(name);
      },
    },
  );
  bar.done();
  writeFileSync(join(options.out, 'responses.csv'), stringify(responseRows(exam, result.sheets)));
  await writeReview(options.out, result);
  writeFileSync(join(options.out, 'scan-report.json'), `${JSON.stringify(report(examPath, result), null, 1)}\n`);
  printSummary(output, options.out, result.sources.length, result, annotated.length);
  return result.review.length > 0 || result.anomalies.length > 0 ? EXIT.findings : EXIT.ok;
}

/** Where the image of a scan page that could not be read goes, e.g. `review/scan-page-007.jpg`. */
function unreadPageImage(scanPage: number): string {
  return `review/scan-page-${String(scanPage).padStart(3, '0')}.jpg`;
}

function readScanFile(path: string): ScanFile {
  const absolute = resolve(path);
  if (!existsSync(absolute) || statSync(absolute).isDirectory())
    throw new UserError(`scan file not found: ${path}`, ['pass PDF, PNG or JPEG files; directories are not read']);
  const file = { name: path, data: readFileSync(absolute) };
  try {
    scanFileKind(file);
  } catch (error) {
    if (error instanceof ScanFileError) throw new UserError(error.message);
    throw error;
  }
  return file;
}

/**
 * One row per sheet: the student, then every question of the exam (free-response cells empty: not graded yet; a
 * choice question on a page that was not read `missing`, which `grade` never takes for blank).
 */
function responseRows(exam: Exam, sheets: readonly ReadSheet[]): string[][] {
  const questions = listQuestions(exam).map(({ question }) => question.id);
  return [
    ['student', ...questions],
    ...sheets.map((sheet) => [
      sheet.identity.studentNumber,
      ...questions.map((id) => formatResponseCell(sheet.answers[id])),
    ]),
  ];
}

/**
 * `review.csv`: every reading a person must confirm, with its crop, then every scan page that could not be read at
 * all, with its image (`reasons` is `unread-page`; the `reading` column says why in words).
 */
async function writeReview(out: string, result: ScanBatchResult): Promise<void> {
  const rows = [
    ['id', 'student', 'question', 'printed number', 'scan page', 'reasons', 'reading', 'counts as', 'crop'],
  ];
  await addReadingRows(out, result.review, rows);
  for (const page of result.unreadPages) {
    const image = unreadPageImage(page.scanPage);
    const described = describeAnomaly({ kind: 'unknown', ...page });
    rows.push([`scan-page-${page.scanPage}`, '', '', '', String(page.scanPage), 'unread-page', described, '', image]);
  }
  writeFileSync(join(out, 'review.csv'), stringify(rows));
}

async function addReadingRows(out: string, items: readonly ReviewItem[], rows: string[][]): Promise<void> {
  for (const item of items) {
    const crop = item.crop ? `review/${safe(item.studentNumber)}-${safe(item.questionId)}.png` : '';
    if (item.crop) writeFileSync(join(out, crop), await encodePng(item.crop));
    rows.push([
      item.id,
      item.studentNumber,
      item.questionId,
      item.printedNumber,
      String(item.scanPage),
      item.reasons.join(' '),
      item.bubbles.map((b) => `${b.label}:${b.kind}(${b.confidence.toFixed(2)})`).join(' '),
      typeof item.proposed === 'string' ? item.proposed : formatResponseCell(item.proposed),
      crop,
    ]);
  }
}

function report(examPath: string, result: ScanBatchResult) {
  return {
    exam: examPath,
    sheets: result.sheets.map((sheet) => ({
      student: sheet.identity.studentNumber,
      studentNumberFrom: sheet.studentNumberFrom,
      variant: sheet.identity.variant,
      pages: Object.fromEntries(
        [...sheet.pages].map(([page, scanPage]) => [page, { scanPage, ...result.sources[scanPage - 1] }]),
      ),
      notRead: notReadQuestions(sheet),
    })),
    anomalies: result.anomalies.map((anomaly: ScanAnomaly) => ({ ...anomaly, message: describeAnomaly(anomaly) })),
    review: result.review.map(({ crop: _crop, ...item }) => item),
    unreadPages: result.unreadPages.map((page) => ({
      ...page,
      ...result.sources[page.scanPage - 1],
      image: unreadPageImage(page.scanPage),
    })),
  };
}

/** The questions of a sheet whose page was not read: written `missing` in responses.csv. */
function notReadQuestions(sheet: ReadSheet): string[] {
  return Object.entries(sheet.answers).flatMap(([questionId, answer]) =>
    answer.kind === 'missing' ? [questionId] : [],
  );
}

function printSummary(output: Output, out: string, pages: number, result: ScanBatchResult, annotated: number): void {
  const s = styles(output);
  output.out(
    `Read ${pages} page(s): ${result.sheets.length} sheet(s), ${result.review.length} reading(s) to review, ${result.anomalies.length} anomaly(ies) → ${out}/`,
  );
  for (const anomaly of result.anomalies) output.out(`  ${s.warning('!')} ${describeAnomaly(anomaly)}`);
  const notRead = result.sheets.filter((sheet) => notReadQuestions(sheet).length > 0);
  if (notRead.length > 0) {
    const answers = notRead.reduce((sum, sheet) => sum + notReadQuestions(sheet).length, 0);
    output.out(
      `  ${s.warning('not read:')} ${answers} answer(s) of ${notRead.length} student(s) (${notRead.map((sheet) => sheet.identity.studentNumber).join(', ')}) are written as \`missing\` in responses.csv, never as blank; grade scores them 0 and names them`,
    );
  }
  if (result.review.length > 0)
    output.out(
      `  ${s.note('review:')} ${basename(out)}/review.csv lists each one with its crop; unsure marks count as unclear(…) until decided`,
    );
  if (result.unreadPages.length > 0)
    output.out(
      `  ${s.note('unread:')} ${result.unreadPages.length} page(s) could not be read at all; ${basename(out)}/review.csv lists each with its image in review/`,
    );
  output.out(
    `  responses.csv (for \`examforge grade\`), review.csv, scan-report.json${annotated > 0 ? `, ${annotated} annotated page(s) in annotated/` : ''}`,
  );
}

function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_');
}
