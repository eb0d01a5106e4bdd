import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import {
  DEFAULT_POLICY,
  computedQuestionIds,
  formatDiagnostic,
  instantiateExam,
  isLongResponseTable,
  pivotLongResponses,
  variantSeed,
  readResponseTable,
  resultsTable,
  score,
  summariseResults,
  type Exam,
  type GradedStudent,
  type ScoringPolicy,
} from '@examforge/core';
import { generateForSeeds } from '@examforge/checks';
import { parse, type Options } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { styles, type Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { readUserFile } from '../files.js';
import { loadExam } from '../load-exam.js';
import { renderGradeSummary } from '../render/grade-summary.js';

export interface GradeOptions {
  readonly out?: string;
  readonly invalidMarks?: ScoringPolicy['invalidMarks'];
  readonly severalMarks?: ScoringPolicy['severalMarks'];
  /** The sitting: a student's variant seed is `<sitting>:<student>` (default: the exam's id), as `print` uses. */
  readonly sitting?: string;
}

/**
 * `examforge grade <exam> <responses.csv>`: scores every student, writes the results CSV and prints a summary.
 * A table with any unreadable cell is refused as a whole, so a results file is never silently incomplete.
 */
export async function runGrade(
  examPath: string,
  responsesPath: string,
  options: GradeOptions,
  output: Output,
): Promise<number> {
  const exam = loadExam(examPath);
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
  const graded: GradedStudent[] = table.students.map((row, index) => ({
    student: row.student,
    ...(row.name !== undefined && { name: row.name }),
    report: score(exams[index] ?? exam, row.responses, policy),
  }));
  const outPath = options.out ?? defaultResultsPath(responsesPath);
  writeFileSync(outPath, stringify(resultsTable(exam, graded)));
  output.out(
    renderGradeSummary(
      exam,
      graded,
      summariseResults(
        exam,
        graded.map((g) => g.report),
      ),
      outPath,
      styles(output),
    ).join('\n'),
  );
  return EXIT.ok;
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

function defaultResultsPath(responsesPath: string): string {
  const stem = basename(responsesPath, extname(responsesPath));
  return join(dirname(responsesPath), `${stem}.results.csv`);
}

function definedOnly(options: GradeOptions): Partial<ScoringPolicy> {
  return {
    ...(options.invalidMarks && { invalidMarks: options.invalidMarks }),
    ...(options.severalMarks && { severalMarks: options.severalMarks }),
  };
}
