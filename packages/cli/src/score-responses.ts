import {
  DEFAULT_POLICY,
  computedQuestionIds,
  formatDiagnostic,
  instantiateExam,
  isLongResponseTable,
  pivotLongResponses,
  readResponseTable,
  score,
  variantSeed,
  type Exam,
  type GradedStudent,
  type ScoredStudent,
  type ScoringPolicy,
} from '@examforge/core';
import { generateForSeeds } from '@examforge/checks';
import { parse, type Options } from 'csv-parse/sync';
import type { Output } from './console.js';
import { UserError } from './errors.js';
import { readUserFile } from './files.js';

export interface ScoringOptions {
  readonly invalidMarks?: ScoringPolicy['invalidMarks'];
  readonly severalMarks?: ScoringPolicy['severalMarks'];
  /** The sitting: a student's variant seed is `<sitting>:<student>` (default: the exam's id), as `print` uses. */
  readonly sitting?: string;
}

/** A student of the table, scored: what `grade` writes and what the item analysis reads. */
export type ScoredRow = GradedStudent & ScoredStudent;

/**
 * Reads a responses table (the wide table `scan` writes, or the server's long `responses.csv`) and scores every row,
 * as `grade` and `analyse` both do. A table with any unreadable cell is refused whole; warnings go to stderr.
 */
export async function scoreResponsesFile(
  exam: Exam,
  examPath: string,
  responsesPath: string,
  options: ScoringOptions,
  output: Output,
): Promise<ScoredRow[]> {
  const rows = readCsv(responsesPath);
  const fromServer = isLongResponseTable(rows[0] ?? []);
  if (fromServer && computedQuestionIds(exam).length > 0)
    throw new UserError(`${responsesPath} is a server export of an exam with computed questions`, [
      "each student's instances come from the server's seeds, which the export does not carry: use the server's results",
    ]);
  // The server's responses.csv (one row per student and question) is read as the wide table `scan` writes.
  const table = readResponseTable(exam, fromServer ? pivotLongResponses(exam, rows) : rows);
  const errors = table.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new UserError(
      `${responsesPath}: ${errors.length} problem(s); nothing was graded`,
      errors.map((d) => formatDiagnostic(d, responsesPath)),
    );
  }
  for (const warning of table.diagnostics) output.err(formatDiagnostic(warning, responsesPath));
  const policy: ScoringPolicy = { ...DEFAULT_POLICY, ...definedOnly(options) };
  const exams = await studentExams(
    exam,
    table.students.map((row) => row.student),
    options.sitting ?? exam.id,
    examPath,
  );
  return table.students.map((row, index) => ({
    student: row.student,
    ...(row.name !== undefined && { name: row.name }),
    responses: row.responses,
    report: score(exams[index] ?? exam, row.responses, policy),
  }));
}

/**
 * The exam each student sat: with computed questions, their own instances, made again from the variant seed that
 * `print` used for them (`<sitting>:<student id>`), so each answer is scored against that student's key.
 */
async function studentExams(
  exam: Exam,
  students: readonly string[],
  sitting: string,
  examPath: string,
): Promise<Exam[]> {
  if (computedQuestionIds(exam).length === 0) return students.map(() => exam);
  const runs = await generateForSeeds(
    exam,
    students.map((student) => variantSeed(sitting, student)),
  );
  return runs.map((run) => {
    const failure = run.failures[0];
    if (failure)
      throw new UserError(`${examPath}: the generator of \`${failure.questionId}\` failed for seed "${run.seed}"`, [
        failure.error,
      ]);
    return instantiateExam(exam, run.instances);
  });
}

function readCsv(path: string): string[][] {
  const text = readUserFile(path, 'responses file');
  try {
    const options: Options = { bom: true, relax_column_count: true, skip_empty_lines: true, trim: false };
    return parse(text, options);
  } catch (error) {
    throw new UserError(`${path} is not a readable CSV file: ${(error as Error).message}`, [
      'expected a header row `student,<question ids…>` and one row per student',
    ]);
  }
}

function definedOnly(options: ScoringOptions): Partial<ScoringPolicy> {
  return {
    ...(options.invalidMarks && { invalidMarks: options.invalidMarks }),
    ...(options.severalMarks && { severalMarks: options.severalMarks }),
  };
}
