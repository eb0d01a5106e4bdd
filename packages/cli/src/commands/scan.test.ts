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
import { decodeScanFile } from '@examforge/omr/files';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { scannerPdf } from '../../../omr/src/test-support/scanner-pdf.js';
import { painter } from '../../../omr/src/test-support/synthetic-marks.js';
import { rasterise, type GreyImage } from '../../../paper/src/test-support/rasterise.js';
import { BUNDLED, runCli } from '../test-support/run-cli.js';

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

  it.each([
    ['pdf.js, pages scanned into one PDF of JPEG images', 'pdfjs'],
    ['pdftoppm, pages as PNG files at 300 dpi', 'pdftoppm'],
  ] as const)('gives the online scores exactly (%s)', async (_label, rasteriser) => {
    const work = mkdtempSync(join(tmpdir(), 'examforge-roundtrip-'));
    const roster = join(work, 'roster.csv');
    writeFileSync(roster, `id,name\n${STUDENTS.map((s) => `${s},Student ${s}`).join('\n')}\n`);
    const printed = await runCli('print', BUNDLED, '--roster', roster, '--shuffle', '--out', join(work, 'print'));
    expect(printed.code, printed.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(work, 'print', 'manifest.json'), 'utf8')) as Manifest;

    const scans: string[] = [];
    const dpi = rasteriser === 'pdfjs' ? 200 : 300;
    const jpegPages: Buffer[] = [];
    for (const [index, sheet] of manifest.sheets.entries()) {
      const pdf = readFileSync(join(work, 'print', sheet.file));
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
      join(work, 'print', 'manifest.json'),
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

async function sheetPages(
  pdf: Buffer,
  rasteriser: 'pdfjs' | 'pdftoppm',
  dpi: number,
  offset: number,
  count: number,
): Promise<(GreyImage & { pixels: Uint8Array })[]> {
  const all: GreyImage[] = [];
  if (rasteriser === 'pdftoppm') all.push(...rasterise(pdf, dpi));
  else for await (const page of decodeScanFile({ name: 'printed.pdf', data: pdf }, { dpi })) all.push(page);
  return all.slice(offset, offset + count).map((page) => ({ ...page, pixels: new Uint8Array(page.pixels) }));
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
