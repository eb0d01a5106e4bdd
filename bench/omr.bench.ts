/**
 * Workload: the bundled exam's answer sheets (4 pages each: one page of 26 bubble rows, three free-response pages),
 * printed for 75 students with shuffled variants, rasterised by pdftoppm at 200 dpi greyscale, marked as a class marks
 * (mostly one fill per question; blanks, partial fills, ticks, crosses and changed answers), then stored (1) as one scanner PDF of
 * 300 greyscale JPEG pages and (2) as 75 JPEG "photos" of the bubble pages (turned up to ±3°, unevenly lit).
 * Timed: `scanFiles` — decode, register, read the QR code, read every bubble, apply the mark rule, judge every
 * free-response box blank or written, assemble sheets — with 1 and 2 worker threads; once more keeping each page
 * image and cutting each box's crop at the scan's resolution, as the server does for grading. A sheet is one
 * scanned page (one side of paper through the feeder). Preparation is not timed. Goal: ≥ 10 sheets/s on 2 cores;
 * OMRChecker measured 24.7 sheets/s here (16.0 for phone photos).
 * Accuracy: the independent set (bench/independent-scans: 302 pages, 31,408 bubbles, 48 hands, six captures) and
 * the degraded survey of the tests (rotation, scale, shift, blur, noise, uneven light, JPEG, black-and-white;
 * 150/200/300 dpi) on other seeds than the tests' — 20,608 bubbles never used for tuning or testing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layoutAnswerSheet, makeVariant, parseExam, seededRandom, type Exam, type SheetLayout } from '@examforge/core';
import { scanFiles, type ScanFile } from '@examforge/omr/files';
import { renderAnswerSheets } from '@examforge/paper';
import sharp from 'sharp';
import { scannerPdf } from '../packages/omr/src/test-support/scanner-pdf.js';
import { degrade, randomDegradation } from '../packages/omr/src/test-support/degrade.js';
import {
  chooseMarks,
  layout,
  markedSheet,
  printedSheet,
  readSheet,
  Tally,
} from '../packages/omr/src/test-support/survey.js';
import { painter } from '../packages/omr/src/test-support/synthetic-marks.js';
import { rasterise, type GreyImage } from '../packages/paper/src/test-support/rasterise.js';
import { measureIndependentSet } from './independent-scans/measure.js';
import type { BenchmarkResult } from './run.js';

const STUDENTS = 75;
const DPI = 200;

export async function benchmarkOmr(): Promise<BenchmarkResult> {
  const examPath = fileURLToPath(new URL('../exams/dl-endsem-winter-2025/exam.md', import.meta.url));
  const examSource = readFileSync(examPath, 'utf8');
  const parsed = parseExam(examSource);
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  const exam = parsed.exam;
  console.log(`Preparing ${STUDENTS} marked sheets (${STUDENTS * 4} pages)…`);
  const { layouts, scanPdf, photos } = await prepare(exam);
  const context = { exam, layoutFor: (key: { variant: string }) => layouts.get(key.variant) };
  const rows: Record<string, string | number>[] = [];
  // `scan` keeps only the readings; the server also takes every page image and free-response box crop (onPage).
  const workloads: [string, ScanFile[], number, boolean][] = [
    [`scanner PDF, ${DPI} dpi grey JPEG pages`, [scanPdf], STUDENTS * 4, false],
    [`scanner PDF, ${DPI} dpi, page images and box crops kept (as the server reads)`, [scanPdf], STUDENTS * 4, true],
    ['JPEG photos of bubble pages', photos, photos.length, false],
  ];
  for (const [label, files, pages, keep] of workloads) {
    for (const workers of [1, 2]) {
      const started = performance.now();
      const spec = { examSource, layouts: { kind: 'printed' as const, layouts: [...layouts] } };
      const result = await scanFiles(files, context, { workers, spec, ...(keep ? { onPage: () => {} } : {}) });
      const seconds = (performance.now() - started) / 1000;
      rows.push({
        input: label,
        workers,
        pages,
        seconds: Number(seconds.toFixed(2)),
        'sheets/s': Number((pages / seconds).toFixed(1)),
        'students read': result.sheets.length,
        'to review': result.review.length,
        anomalies: result.anomalies.filter((a) => a.kind !== 'missing').length,
      });
    }
  }
  rows.push(...(await degradedAccuracy()));
  // The independent set (drawn by a simulator the classifier was not written against; cached after the first run).
  rows.push(...(await measureIndependentSet()).rows);
  return {
    name: 'omr',
    workload: `${STUDENTS} students' answer sheets of the bundled exam at ${DPI} dpi; a sheet is one scanned page`,
    rows,
  };
}

async function prepare(exam: Exam) {
  const sheets = Array.from({ length: STUDENTS }, (_, index) => {
    const student = `s${String(index + 1).padStart(3, '0')}`;
    const variant = makeVariant(exam, `${exam.id}:${student}`, { shuffleQuestions: true, shuffleOptions: true });
    return {
      layout: layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 }),
      content: {
        title: exam.title,
        identity: { examId: exam.id, version: 1, variant: variant.seed, studentNumber: student },
      },
    };
  });
  const layouts = new Map<string, SheetLayout>(sheets.map((s) => [s.content.identity.variant, s.layout]));
  {
    const pages = rasterise(await renderAnswerSheets(sheets), DPI);
    const jpegs: Buffer[] = [];
    const photos: ScanFile[] = [];
    for (const [index, printed] of pages.entries()) {
      const image = { ...printed, pixels: new Uint8Array(printed.pixels) };
      const sheet = sheets[Math.floor(index / 4)];
      if (index % 4 === 0 && sheet) {
        markPage(image, sheet.layout, `bench-${index}`);
        photos.push({ name: `photo-${index / 4 + 1}.jpg`, data: await photo(image, `photo-${index}`) });
      }
      jpegs.push(await raw(image).jpeg({ quality: 85 }).toBuffer());
    }
    return { layouts, scanPdf: { name: 'scan.pdf', data: await scannerPdf(jpegs, DPI) }, photos };
  }
}

/**
 * Marks as a class makes them: most questions one complete fill, some blank, a few with a partial fill, a tick or a
 * cross, and a few changed answers (a fill beside an erased one).
 */
function markPage(image: GreyImage & { pixels: Uint8Array }, layout: SheetLayout, seed: string): void {
  const random = seededRandom(seed);
  const paint = painter(image, seed);
  const scale = DPI / 72;
  const rows = new Map<string, { x: number; y: number; r: number }[]>();
  for (const bubble of layout.pages[0]?.bubbles ?? [])
    rows.set(bubble.questionId, [...(rows.get(bubble.questionId) ?? []), bubble]);
  for (const bubbles of rows.values()) {
    const pick = () => bubbles[Math.floor(random() * bubbles.length)];
    const roll = random();
    const kind =
      roll < 0.8
        ? 'filled'
        : roll < 0.88
          ? 'empty'
          : roll < 0.92
            ? 'partial'
            : roll < 0.95
              ? 'tick'
              : roll < 0.97
                ? 'cross'
                : 'changed';
    const chosen = pick();
    if (!chosen || kind === 'empty') continue;
    paint.mark(kind === 'changed' ? 'filled' : kind, chosen.x * scale, chosen.y * scale, chosen.r * scale);
    const erased = kind === 'changed' ? bubbles.find((bubble) => bubble !== chosen) : undefined;
    if (erased) paint.mark('erased', erased.x * scale, erased.y * scale, erased.r * scale);
  }
}

/** A phone-style photo of a flat sheet: slightly turned, lit unevenly, saved as JPEG. */
async function photo(image: GreyImage, seed: string): Promise<Buffer> {
  const random = seededRandom(seed);
  const angle = (random() * 2 - 1) * 3;
  return raw(image)
    .rotate(angle, { background: '#ffffff' })
    .linear(0.85 + random() * 0.1, 0)
    .jpeg({ quality: 80 })
    .toBuffer();
}

function raw(image: GreyImage) {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } });
}

/** Reads the degraded survey on the benchmark's own seeds and reports, per scan mode, how well each bubble was read. */
export async function degradedAccuracy(): Promise<Record<string, string | number>[]> {
  console.log('Reading the degraded survey on fresh seeds…');
  const sheetsPerDpi: Record<number, number> = { 150: 24, 200: 20, 300: 12 };
  const rows: Record<string, string | number>[] = [];
  for (const mode of ['grey', 'bw'] as const) {
    const tally = new Tally();
    // A page whose corner marks are not found is reported as unknown and read by a person: nothing on it is guessed.
    let unregistered = 0;
    for (const dpi of [150, 200, 300]) {
      const printed = await printedSheet(dpi);
      for (let sheet = 0; sheet < (sheetsPerDpi[dpi] ?? 0); sheet += 1) {
        const name = `bench-${mode}-${dpi}-${sheet}`;
        const truth = chooseMarks(`truth-${name}`);
        const how = randomDegradation(`scan-${name}`, dpi, mode, (layout.width * dpi) / 72);
        const scan = await degrade(markedSheet(printed, dpi, truth, `marks-${name}`), how, `noise-${name}`);
        const readings = readSheet(scan);
        if (readings) tally.add(name, truth, readings);
        else unregistered += 1;
      }
    }
    const percent = (count: number) => Number(((100 * count) / tally.total).toFixed(3));
    rows.push({
      input: `degraded survey, ${mode === 'grey' ? 'greyscale' : 'black-and-white'}, 150–300 dpi`,
      bubbles: tally.total,
      'correct with confidence %': percent(tally.correct),
      'to review %': percent(tally.review),
      'confident errors': tally.confidentlyWrong.length,
      'invalid read as filled': tally.invalidAccepted.length,
      'blank question read as marked': tally.blankQuestionFilled.length,
      'pages not registered': unregistered,
    });
  }
  return rows;
}
