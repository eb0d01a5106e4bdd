/**
 * Workload: print 300 personalised sets (question paper + answer sheet, questions and options shuffled per student,
 * seeded) of the bundled exam `exams/dl-endsem-winter-2025/exam.md` on A4, (a) as one merged PDF and (b) as one PDF
 * per student, written to a temporary directory, on worker threads (one per core), exactly as `examforge print
 * --shuffle [--merged]` does. Timed: from the roster to the last file written, worker start-up and typesetting
 * included. Goal: under 60 s; the figure to beat is Auto Multiple Choice's 20.6 s merged, +49 s per student.
 * Then the question papers alone (what the server's sitting page gives), for the same 300 students: by the CLI's pool
 * in this process, and by a real server process through its HTTP route (the background job; print-server.bench.ts),
 * with exam-day save latency measured while the server draws them and without. Goal (issue 14): about the CLI's time,
 * save p99 up by at most 20 ms. Options: --only papers (skip the sets with answer sheets), --savers N (default 20),
 * --baseline S (seconds of saving measured before the papers, default 30), --paper-workers N (the server's
 * PAPER_WORKERS; default its own).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printFiles, printMerged, type PrintedSet, type PrintJob, type PrintSetSpec } from '@examforge/paper';
import { benchmarkServerPrint, type SaveLatency } from './print-server.bench.js';
import type { BenchmarkResult } from './run.js';

const SETS = 300;
const EXAM_ID = 'dl-endsem-winter-2025';

function specs(): PrintSetSpec[] {
  return Array.from({ length: SETS }, (_, index) => {
    const number = `s${String(index + 1).padStart(3, '0')}`;
    const seed = `${EXAM_ID}:${number}`;
    return {
      seed,
      shuffle: true,
      studentName: `Student ${index + 1}`,
      identity: { examId: EXAM_ID, version: 1, variant: seed, studentNumber: number },
    };
  });
}

function pagesOf(sets: readonly PrintedSet[]): number {
  const last = sets.at(-1);
  return last ? last.answerSheet.firstPage + last.answerSheet.pages - 1 : 0;
}

async function timeMerged(job: PrintJob, directory: string, workers: number) {
  const start = performance.now();
  const merged = await printMerged(job, specs(), { workers, title: 'Bench' });
  writeFileSync(join(directory, 'papers-and-sheets.pdf'), merged.pdf);
  return { seconds: (performance.now() - start) / 1000, bytes: merged.pdf.length, pages: pagesOf(merged.sets) };
}

async function timePerStudent(job: PrintJob, directory: string, workers: number) {
  const start = performance.now();
  let bytes = 0;
  let pages = 0;
  const all = specs();
  await printFiles(
    job,
    all.map((spec) => [spec]),
    {
      workers,
      onFile: (index, file) => {
        writeFileSync(join(directory, `${all[index]?.identity.studentNumber ?? index}.pdf`), file.pdf);
        bytes += file.pdf.length;
        pages += pagesOf(file.sets);
      },
    },
  );
  return { seconds: (performance.now() - start) / 1000, bytes, pages };
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function timeQuestionPapers(job: PrintJob, workers: number) {
  const start = performance.now();
  const papersOnly: PrintJob = { ...job, answerSheets: false };
  const merged = await printMerged(papersOnly, specs(), { workers, title: 'Bench: question papers' });
  return { seconds: (performance.now() - start) / 1000, bytes: merged.pdf.length, pages: pagesOf(merged.sets) };
}

const savesRow = (what: string, saves: SaveLatency) => ({
  output: what,
  saves: saves.saves,
  'save p50 ms': saves.p50,
  'save p99 ms': saves.p99,
  'save max ms': saves.max,
  'save errors': saves.errors,
  'server loop delay p99 ms': saves.loopP99,
  'server loop delay max ms': saves.loopMax,
});

export async function benchmarkPrint(): Promise<BenchmarkResult> {
  const path = fileURLToPath(new URL(`../exams/${EXAM_ID}/exam.md`, import.meta.url));
  const job: PrintJob = { examSource: readFileSync(path, 'utf8'), pageSize: 'A4', questionPapers: true };
  const workers = availableParallelism();
  const savers = Number(option('savers') ?? 20);
  const paperWorkers = option('paper-workers');
  const directory = mkdtempSync(join(tmpdir(), 'examforge-print-bench-'));
  try {
    const runs =
      option('only') === 'papers'
        ? []
        : [
            { output: 'one merged PDF', ...(await timeMerged(job, directory, workers)) },
            { output: 'one PDF per student', ...(await timePerStudent(job, directory, workers)) },
          ];
    runs.push({ output: 'question papers only, merged: CLI pool', ...(await timeQuestionPapers(job, workers)) });
    const server = await benchmarkServerPrint({
      students: SETS,
      savers,
      baselineSeconds: Number(option('baseline') ?? 30),
      ...(paperWorkers ? { paperWorkers: Number(paperWorkers) } : {}),
    });
    runs.push({ output: 'question papers only: server job over HTTP', ...server });
    return {
      name: 'print',
      workload: `${SETS} personalised sets (question paper + answer sheet, shuffled) of ${EXAM_ID}, A4, ${workers} worker thread(s); then ${SETS} question papers alone by the CLI's pool and by a server process (PAPER_WORKERS ${paperWorkers ?? 'default'}) while ${savers} students save about once a second`,
      rows: [
        ...runs.map((run) => ({
          output: run.output,
          sets: SETS,
          seconds: Number(run.seconds.toFixed(2)),
          'sets/s': Number((SETS / run.seconds).toFixed(1)),
          pages: run.pages,
          'total MB': Number((run.bytes / 1e6).toFixed(1)),
        })),
        savesRow('saves without papers being drawn', server.saving),
        savesRow('saves while the server draws the papers', server.savingWhilePrinting),
        {
          output: 'save p99 rise (goal ≤ 20 ms)',
          'save p99 ms': Math.round((server.savingWhilePrinting.p99 - server.saving.p99) * 10) / 10,
        },
      ],
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
