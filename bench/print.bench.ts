/**
 * Workload: print 300 personalised sets (question paper + answer sheet, questions and options shuffled per student,
 * seeded) of the bundled exam `exams/dl-endsem-winter-2025/exam.md` on A4, (a) as one merged PDF and (b) as one PDF
 * per student, written to a temporary directory, on worker threads (one per core), exactly as `examforge print
 * --shuffle [--merged]` does. Timed: from the roster to the last file written, worker start-up and typesetting
 * included. Goal: under 60 s; the figure to beat is Auto Multiple Choice's 20.6 s merged, +49 s per student.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printFiles, printMerged, type PrintedSet, type PrintJob, type PrintSetSpec } from '@examforge/paper';
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

export async function benchmarkPrint(): Promise<BenchmarkResult> {
  const path = fileURLToPath(new URL(`../exams/${EXAM_ID}/exam.md`, import.meta.url));
  const job: PrintJob = { examSource: readFileSync(path, 'utf8'), pageSize: 'A4', questionPapers: true };
  const workers = availableParallelism();
  const directory = mkdtempSync(join(tmpdir(), 'examforge-print-bench-'));
  try {
    const runs = [
      { output: 'one merged PDF', ...(await timeMerged(job, directory, workers)) },
      { output: 'one PDF per student', ...(await timePerStudent(job, directory, workers)) },
    ];
    return {
      name: 'print',
      workload: `${SETS} personalised sets (question paper + answer sheet, shuffled) of ${EXAM_ID}, A4, ${workers} worker thread(s)`,
      rows: runs.map((run) => ({
        output: run.output,
        sets: SETS,
        seconds: Number(run.seconds.toFixed(2)),
        'sets/s': Number((SETS / run.seconds).toFixed(1)),
        pages: run.pages,
        'total MB': Number((run.bytes / 1e6).toFixed(1)),
      })),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
