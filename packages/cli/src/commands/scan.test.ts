import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isChoiceQuestion,
  listQuestions,
  optionLetter,
  parseExam,
  score,
  seededRandom,
  type Exam,
  type SheetLayout,
  type StudentResponses,
} from '@examforge/core';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { openScanFile } from '../../../omr/src/files/scan-files.js';
import { scannerPdf } from '../../../omr/src/test-support/scanner-pdf.js';
import { painter } from '../../../omr/src/test-support/synthetic-marks.js';
import { rasterise, type GreyImage } from '../../../paper/src/test-support/rasterise.js';
import { BUNDLED, runCli } from '../test-support/run-cli.js';
import { textLines } from '../../../omr/src/test-support/text-lines.js';

// Printing, rasterising and reading every page of a batch takes 15–30 s alone here: room for a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const exam = loadBundled();
const STUDENTS = ['s001', 's002', 's003', 's004'];

interface Manifest {
  readonly sheets: readonly {
    readonly studentNumber: string;
    readonly file: string;
    readonly layout: SheetLayout;
    /** Where the answer sheet starts in its PDF (0-based page index), when the PDF also holds the question paper. */
    readonly sheetPageOffset?: number;
  }[];
}

/**
 * The round trip of a paper exam: print personalised, shuffled sheets → rasterise (pdf.js, and Debian's pdftoppm
 * as an independent renderer) → fill the bubbles of known answers as a student would → scan → grade. The scores
 * must be exactly those of the same answers entered online (scored by the same core function the server uses).
 */
describe('print → rasterise → mark → scan → grade', () => {
  const answers = STUDENTS.map((student, index) => studentAnswers(exam, student, index));
  // Both cases scan the same printed papers, so they are printed once (several seconds of rendering).
  let printing: Promise<string> | undefined;
  async function printPapers(): Promise<string> {
    const work = mkdtempSync(join(tmpdir(), 'examforge-roundtrip-print-'));
    const roster = join(work, 'roster.csv');
    writeFileSync(roster, `id,name\n${STUDENTS.map((s) => `${s},Student ${s}`).join('\n')}\n`);
    const printed = await runCli('print', BUNDLED, '--roster', roster, '--shuffle', '--out', join(work, 'print'));
    expect(printed.code, printed.stderr).toBe(0);
    return join(work, 'print');
  }

  it.each([
    ['pdf.js, pages scanned into one PDF of JPEG images', 'pdfjs'],
    ['pdftoppm, pages as PNG files at 300 dpi', 'pdftoppm'],
  ] as const)('gives the online scores exactly (%s)', async (_label, rasteriser) => {
    const work = mkdtempSync(join(tmpdir(), 'examforge-roundtrip-'));
    const print = await (printing ??= printPapers());
    const manifest = JSON.parse(readFileSync(join(print, 'manifest.json'), 'utf8')) as Manifest;

    const scans: string[] = [];
    const dpi = rasteriser === 'pdfjs' ? 200 : 300;
    const jpegPages: Buffer[] = [];
    for (const [index, sheet] of manifest.sheets.entries()) {
      const pdf = readFileSync(join(print, sheet.file));
      const pages = await sheetPages(pdf, rasteriser, dpi, sheet.sheetPageOffset ?? 0, sheet.layout.pages.length);
      const paint = painter(pages[0]!, `round-trip-${sheet.studentNumber}`);
      for (const bubble of sheet.layout.pages[0]!.bubbles) {
        if (!(answers[index]!.selected[bubble.questionId] ?? []).includes(bubble.option)) continue;
        paint.mark('filled', (bubble.x * dpi) / 72, (bubble.y * dpi) / 72, (bubble.r * dpi) / 72);
      }
      for (const [page, image] of pages.entries()) {
        if (rasteriser === 'pdfjs') jpegPages.push(await grey(image).jpeg({ quality: 85 }).toBuffer());
        else {
          const file = join(work, `${sheet.studentNumber}-${page + 1}.png`);
          writeFileSync(file, await grey(image).png().toBuffer());
          scans.push(file);
        }
      }
    }
    if (rasteriser === 'pdfjs') scans.push(await writeScannerPdf(jpegPages, join(work, 'scan.pdf'), dpi));

    const scanned = await runCli(
      'scan',
      BUNDLED,
      ...scans,
      '--manifest',
      join(print, 'manifest.json'),
      '--out',
      join(work, 'scan'),
      '--no-annotate',
    );
    expect(scanned.stdout).toContain(`${STUDENTS.length} sheet(s), 0 reading(s) to review, 0 anomaly(ies)`);
    expect(scanned.code).toBe(0);
    const graded = await runCli('grade', BUNDLED, join(work, 'scan', 'responses.csv'), '--out', join(work, 'r.csv'));
    expect(graded.code, graded.stderr).toBe(0);
    const results = parse<Record<string, string>>(readFileSync(join(work, 'r.csv'), 'utf8'), { columns: true });
    const paperTotals = Object.fromEntries(results.map((row) => [row['student'], row['total']]));
    const onlineTotals = Object.fromEntries(
      STUDENTS.map((student, index) => [student, score(exam, answers[index]!.responses).total.toString()]),
    );
    expect(paperTotals).toEqual(onlineTotals);
    // Not a trivial agreement: the students' totals differ from each other.
    expect(new Set(Object.values(onlineTotals)).size).toBeGreaterThan(1);
  });
});

describe('a scanned PDF with pages shuffled, one upside down, one duplicated and one blank', () => {
  it('is read completely, and each anomaly is reported in words', async () => {
    const work = mkdtempSync(join(tmpdir(), 'examforge-batch-'));
    const roster = join(work, 'roster.csv');
    writeFileSync(roster, 'id,name\ns101,Asha Rao\ns102,Ben Okafor\n');
    const printed = await runCli('print', BUNDLED, '--roster', roster, '--shuffle', '--out', join(work, 'print'));
    expect(printed.code, printed.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(work, 'print', 'manifest.json'), 'utf8')) as Manifest;
    const dpi = 150;
    const pages: GreyImage[] = [];
    for (const sheet of manifest.sheets) {
      const pdf = readFileSync(join(work, 'print', sheet.file));
      pages.push(...(await sheetPages(pdf, 'pdftoppm', dpi, sheet.sheetPageOffset ?? 0, sheet.layout.pages.length)));
    }
    const blank = { ...pages[0]!, pixels: new Uint8Array(pages[0]!.pixels.length).fill(255) };
    const jpeg = (image: GreyImage, turn = 0) => grey(image).rotate(turn).jpeg({ quality: 85 }).toBuffer();
    // Feed order: s102's page 2 first, s101's page 3 upside down, a blank separator, s102's page 2 again.
    const feed = [
      await jpeg(pages[5]!),
      await jpeg(pages[0]!),
      await jpeg(pages[2]!, 180),
      await jpeg(blank),
      await jpeg(pages[7]!),
      await jpeg(pages[1]!),
      await jpeg(pages[5]!),
      await jpeg(pages[4]!),
      await jpeg(pages[3]!),
      await jpeg(pages[6]!),
    ];
    const scan = await writeScannerPdf(feed, join(work, 'batch.pdf'), dpi);
    const manifestPath = join(work, 'print', 'manifest.json');
    const out = join(work, 'scan');
    const result = await runCli('scan', BUNDLED, scan, '--manifest', manifestPath, '--out', out, '--no-annotate');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Read 10 page(s): 2 sheet(s)');
    expect(result.stdout).toContain('scan page 3 (s101) was upside down; it was turned and read');
    expect(result.stdout).toContain('scan page 4 is blank');
    expect(result.stdout).toContain('page 2 of s102 came twice (scan pages 1 and 7); the first copy was read');
    const report = JSON.parse(readFileSync(join(out, 'scan-report.json'), 'utf8')) as {
      sheets: { student: string; pages: Record<string, { scanPage: number }> }[];
      anomalies: { kind: string }[];
    };
    expect(report.anomalies.map((anomaly) => anomaly.kind)).toEqual(['upside-down', 'blank', 'duplicate']);
    const pagesRead = Object.fromEntries(
      report.sheets.map((sheet) => [sheet.student, Object.values(sheet.pages).map((page) => page.scanPage)]),
    );
    expect(pagesRead).toEqual({ s102: [8, 1, 10, 5], s101: [2, 6, 3, 9] });
  });
});

describe('a batch where one sheet lost its page 1 and another’s page 1 could not be read', () => {
  it('writes their answers as missing, never blank; grade scores them 0 and names the students', async () => {
    const work = mkdtempSync(join(tmpdir(), 'examforge-missing-'));
    const roster = join(work, 'roster.csv');
    writeFileSync(roster, 'id,name\ns201,Asha Rao\ns202,Ben Okafor\ns203,Chen Wei\n');
    const printed = await runCli('print', BUNDLED, '--roster', roster, '--shuffle', '--out', join(work, 'print'));
    expect(printed.code, printed.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(work, 'print', 'manifest.json'), 'utf8')) as Manifest;
    const dpi = 150;
    const sheets: GreyImage[][] = [];
    for (const sheet of manifest.sheets) {
      const pdf = readFileSync(join(work, 'print', sheet.file));
      const pages = await sheetPages(pdf, 'pdftoppm', dpi, sheet.sheetPageOffset ?? 0, sheet.layout.pages.length);
      // Every student fills (a) on each choice question of page 1.
      const paint = painter(pages[0]!, `missing-${sheet.studentNumber}`);
      for (const bubble of sheet.layout.pages[0]!.bubbles)
        if (bubble.option === 'a')
          paint.mark('filled', (bubble.x * dpi) / 72, (bubble.y * dpi) / 72, (bubble.r * dpi) / 72);
      sheets.push(pages);
    }
    const [s201, s202, s203] = sheets as [GreyImage[], GreyImage[], GreyImage[]];
    // s202's page 1 never reached the scanner; s203's page 1 came back as a page of something else.
    const unreadable = { ...s203[0]!, pixels: textLines(s203[0]!.width, s203[0]!.height) };
    const feed = [...s201, ...s202.slice(1), unreadable, ...s203.slice(1)];
    const jpeg = (image: GreyImage) => grey(image).jpeg({ quality: 85 }).toBuffer();
    const scan = await writeScannerPdf(await Promise.all(feed.map(jpeg)), join(work, 'batch.pdf'), dpi);
    const out = join(work, 'scan');
    const manifestPath = join(work, 'print', 'manifest.json');
    const scanned = await runCli('scan', BUNDLED, scan, '--manifest', manifestPath, '--out', out, '--no-annotate');

    const choiceIds = listQuestions(exam)
      .filter(({ question }) => isChoiceQuestion(question))
      .map(({ question }) => question.id);
    const n = choiceIds.length;
    expect(scanned.code).toBe(1);
    expect(scanned.stdout).toContain(
      `page 1 of s202 is missing from the scan; its ${n} choice questions are recorded as not read (missing), not blank`,
    );
    expect(scanned.stdout).toContain(`page 1 of s203 is missing from the scan; its ${n} choice questions`);
    expect(scanned.stdout).toContain(`${2 * n} answer(s) of 2 student(s) (s202, s203) are written as \`missing\``);
    expect(scanned.stdout).toContain('1 page(s) could not be read at all');
    const responses = parse<Record<string, string>>(readFileSync(join(out, 'responses.csv'), 'utf8'), {
      columns: true,
    });
    const row = (student: string) => responses.find((r) => r['student'] === student)!;
    for (const student of ['s202', 's203'])
      expect(choiceIds.map((id) => row(student)[id])).toEqual(choiceIds.map(() => 'missing'));
    // s201's page 1 was read: every choice question has its reading of the fill on (a) (whatever the classifier
    // made of each painted fill), none is missing or blank.
    expect(choiceIds.filter((id) => !/^(A|[a-z]+\(A\))$/.test(row('s201')[id] ?? ''))).toEqual([]);
    // The unreadable page reaches a person: a row of review.csv with the page's image.
    const review = parse<Record<string, string>>(readFileSync(join(out, 'review.csv'), 'utf8'), { columns: true });
    const unread = review.filter((r) => r['reasons'] === 'unread-page');
    expect(unread.map((r) => r['scan page'])).toEqual(['8']);
    expect(unread[0]!['reading']).toContain('scan page 8 could not be read (no corner marks');
    expect(readFileSync(join(out, unread[0]!['crop']!)).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

    const results = join(work, 'results.csv');
    const graded = await runCli('grade', BUNDLED, join(out, 'responses.csv'), '--out', results);
    expect(graded.code, graded.stderr).toBe(0);
    expect(graded.stdout).toContain(
      `${2 * n} answers of 2 students were not read from the scan: s202 (${n} questions:`,
    );
    expect(graded.stdout).toContain(`s203 (${n} questions:`);
    const rows = parse<Record<string, string>>(readFileSync(results, 'utf8'), { columns: true });
    for (const student of ['s202', 's203']) {
      const result = rows.find((r) => r['student'] === student)!;
      expect(choiceIds.map((id) => result[id])).toEqual(choiceIds.map(() => 'not read'));
      expect(result['not read']?.split(' ').sort()).toEqual([...choiceIds].sort());
      expect(result['total']).toBe('0');
    }
    expect(rows.find((r) => r['student'] === 's201')?.['not read']).toBe('');
  });
});

/** Seeded answers for one student: a single letter on most questions, some left blank; the last student is blank. */
function studentAnswers(exam: Exam, student: string, index: number) {
  const random = seededRandom(`answers-${student}`);
  const selected: Record<string, string[]> = {};
  const responses: StudentResponses['answers'] = {};
  const answers: Record<string, StudentResponses['answers'][string]> = {};
  for (const { question } of listQuestions(exam)) {
    if (!isChoiceQuestion(question)) continue;
    const blank = index === STUDENTS.length - 1 || random() < 0.15;
    const letter = optionLetter(Math.floor(random() * question.options.length));
    selected[question.id] = blank ? [] : [letter];
    answers[question.id] = blank ? { kind: 'blank' } : { kind: 'choice', selected: [letter] };
  }
  return { selected, responses: { ...responses, answers } };
}

/**
 * The answer sheet's pages of a student's printed PDF, rasterised: only those, since the question paper before them
 * (five of the nine pages) is not scanned.
 */
async function sheetPages(
  pdf: Buffer,
  rasteriser: 'pdfjs' | 'pdftoppm',
  dpi: number,
  first: number,
  count: number,
): Promise<(GreyImage & { pixels: Uint8Array })[]> {
  const pages: GreyImage[] = [];
  if (rasteriser === 'pdftoppm') pages.push(...rasterise(pdf, dpi, { first, count }));
  else {
    const scan = await openScanFile({ name: 'printed.pdf', data: pdf }, { dpi });
    try {
      for (let index = first; index < first + count; index += 1) pages.push(await scan.page(index));
    } finally {
      await scan.close();
    }
  }
  expect(pages).toHaveLength(count);
  return pages.map((page) => ({ ...page, pixels: new Uint8Array(page.pixels) }));
}

function grey(image: GreyImage) {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } });
}

/** A scanner's PDF of the page images, written to `path`. */
async function writeScannerPdf(pages: readonly Buffer[], path: string, dpi: number): Promise<string> {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, await scannerPdf(pages, dpi));
  return path;
}

function loadBundled(): Exam {
  const parsed = parseExam(readFileSync(BUNDLED, 'utf8'));
  if (!parsed.ok) throw new Error('bundled exam does not parse');
  return parsed.exam;
}
