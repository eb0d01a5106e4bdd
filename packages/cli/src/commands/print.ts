import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { computedQuestionIds, variantSeed, type Exam, type PageSize } from '@examforge/core';
import { generateForSeeds } from '@examforge/checks';
import {
  printFiles,
  printMerged,
  printSetFor,
  variantCode,
  type PrintedSet,
  type PrintJob,
  type PrintSetSpec,
} from '@examforge/paper';
import { parse, type Options } from 'csv-parse/sync';
import type { Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { readUserFile } from '../files.js';
import { loadExam } from '../load-exam.js';
import { progress } from '../render/progress.js';

export interface PrintOptions {
  readonly out: string;
  readonly roster?: string;
  readonly pageSize: PageSize;
  readonly merged?: boolean;
  readonly shuffle?: boolean;
  readonly version: number;
  /** Answer sheets without question papers. */
  readonly sheetsOnly?: boolean;
  /** Pad odd question papers with a blank page for double-sided printing. */
  readonly duplex?: boolean;
  /** Worker threads; by default one per core. */
  readonly workers?: number;
  /**
   * The sitting the papers are for: each student's variant seed is `<sitting>:<student id>` (default: the exam's id),
   * the seed the server uses online for the same sitting, so a student's paper and screen show the same variant.
   */
  readonly sitting?: string;
}

interface Student {
  readonly number: string;
  readonly name: string;
}

/**
 * `examforge print <exam> --out dir`: for each student of the roster (or one generic set), the question paper in the
 * student's variant followed by the answer sheet for the same variant, as one PDF per student or one merged PDF, with
 * `manifest.json` holding every sheet's layout (the only geometry the scanner uses) and where it is in which file.
 */
export async function runPrint(examPath: string, options: PrintOptions, output: Output): Promise<number> {
  const exam = loadExam(examPath);
  const students = options.roster ? readRoster(options.roster) : [{ number: '', name: '' }];
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1)
    throw new UserError(`--workers must be a whole number of at least 1, not ${String(options.workers)}`);
  mkdirSync(options.out, { recursive: true });
  const specs = await withInstances(
    exam,
    students.map((student) => specFor(exam, student, options)),
    examPath,
  );
  const job: PrintJob = {
    examSource: readUserFile(examPath, 'exam file'),
    pageSize: options.pageSize,
    questionPapers: options.sheetsOnly !== true,
    ...(options.duplex ? { duplex: true } : {}),
  };
  const what = options.sheetsOnly ? 'answer sheet(s)' : 'question paper(s) and answer sheet(s)';
  const bar = progress(output, `Printing ${what}`, specs.length);
  let done = 0;
  const onSet = () => bar.update((done += 1));
  const placed = options.merged
    ? await printMergedFile(job, specs, {
        exam,
        workers,
        onSet,
        sheetsOnly: options.sheetsOnly === true,
        out: options.out,
      })
    : await printStudentFiles(job, specs, { workers, onSet, out: options.out });
  bar.done();
  writeManifest(exam, options, specs, placed);
  const files = new Set(placed.map((set) => set.file)).size;
  output.out(
    `Printed ${specs.length} ${what} of ${exam.id} (${options.pageSize}) → ${options.out}/ (${files} PDF file(s) and manifest.json)`,
  );
  return EXIT.ok;
}

type PlacedSet = PrintedSet & { readonly file: string };

async function printStudentFiles(
  job: PrintJob,
  specs: readonly PrintSetSpec[],
  context: { workers: number; onSet: () => void; out: string },
): Promise<PlacedSet[]> {
  const fileOf = (spec: PrintSetSpec) => `${spec.identity.studentNumber || 'generic'}.pdf`;
  const rendered = await printFiles(
    job,
    specs.map((spec) => [spec]),
    {
      workers: context.workers,
      onSet: context.onSet,
      onFile: (index, file) => {
        const spec = specs[index];
        if (spec) writeFileSync(join(context.out, fileOf(spec)), file.pdf);
      },
    },
  );
  return specs.flatMap((spec, index) => (rendered[index]?.sets ?? []).map((set) => ({ ...set, file: fileOf(spec) })));
}

async function printMergedFile(
  job: PrintJob,
  specs: readonly PrintSetSpec[],
  context: { exam: Exam; workers: number; onSet: () => void; sheetsOnly: boolean; out: string },
): Promise<PlacedSet[]> {
  const file = context.sheetsOnly ? 'answer-sheets.pdf' : 'papers-and-sheets.pdf';
  const title = `${context.exam.title} — ${context.sheetsOnly ? 'answer sheets' : 'question papers and answer sheets'}`;
  const merged = await printMerged(job, specs, { workers: context.workers, onSet: context.onSet, title });
  writeFileSync(join(context.out, file), merged.pdf);
  return merged.sets.map((set) => ({ ...set, file }));
}

function writeManifest(
  exam: Exam,
  options: PrintOptions,
  specs: readonly PrintSetSpec[],
  placed: readonly PlacedSet[],
): void {
  const manifest = {
    exam: exam.id,
    version: options.version,
    pageSize: options.pageSize,
    units: 'PDF points, origin at the top-left corner, y downwards; pages numbered from 1 within each file',
    sheets: specs.map((spec, index) => ({
      studentNumber: spec.identity.studentNumber,
      name: spec.studentName,
      variant: spec.seed,
      variantCode: variantCode(spec.seed),
      file: placed[index]?.file,
      questionPaper: placed[index]?.questionPaper ?? null,
      answerSheet: placed[index]?.answerSheet,
      // Pages before the answer sheet in its file (the 0-based index of its first page), for scanners and scripts.
      sheetPageOffset: (placed[index]?.answerSheet.firstPage ?? 1) - 1,
      layout: printSetFor(exam, spec, options.pageSize).layout,
    })),
  };
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}

/**
 * Each student's instances of the computed questions, generated for their variant seed, travel with their spec to the
 * print workers; an exam without computed questions prints as before.
 */
async function withInstances(exam: Exam, specs: PrintSetSpec[], examPath: string): Promise<PrintSetSpec[]> {
  if (computedQuestionIds(exam).length === 0) return specs;
  const runs = await generateForSeeds(
    exam,
    specs.map((spec) => spec.seed),
  );
  return specs.map((spec, index) => {
    const run = runs[index];
    const failure = run?.failures[0];
    if (!run || failure)
      throw new UserError(
        `${examPath}: the generator of \`${failure?.questionId ?? '?'}\` failed for seed "${spec.seed}"`,
        [failure?.error ?? 'no result', `run \`examforge verify ${examPath}\` for details`],
      );
    return { ...spec, instances: run.instances };
  });
}

function specFor(exam: Exam, student: Student, options: PrintOptions): PrintSetSpec {
  // A computed question needs each student's own seed even when nothing is shuffled.
  const personal = (options.shuffle === true || computedQuestionIds(exam).length > 0) && student.number !== '';
  const seed = personal ? variantSeed(options.sitting ?? exam.id, student.number) : 'canonical';
  return {
    seed,
    shuffle: options.shuffle === true,
    studentName: student.name,
    identity: { examId: exam.id, version: options.version, variant: seed, studentNumber: student.number },
  };
}

function readRoster(path: string): Student[] {
  const options: Options = { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true };
  const rows = parse(readUserFile(path, 'roster file'), options);
  const [header = [], ...body] = rows;
  const id = header.findIndex((name) => ['id', 'student', 'student_id'].includes(name.toLowerCase()));
  const name = header.findIndex((column) => column.toLowerCase() === 'name');
  if (id < 0)
    throw new UserError(`${path} has no \`id\` column`, ['expected a header row such as `id,name,email,extra_time`']);
  return body
    .map((row) => ({ number: row[id] ?? '', name: name < 0 ? '' : (row[name] ?? '') }))
    .filter((student) => student.number !== '');
}
