import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { resultsTable, summariseResults } from '@examforge/core';
import { stringify } from 'csv-stringify/sync';
import { styles, type Output } from '../console.js';
import { EXIT } from '../errors.js';
import { loadExam } from '../load-exam.js';
import { renderGradeSummary } from '../render/grade-summary.js';
import { scoreResponsesFile, type ScoringOptions } from '../score-responses.js';

export interface GradeOptions extends ScoringOptions {
  readonly out?: string;
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
  const graded = await scoreResponsesFile(exam, examPath, responsesPath, options, output);
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

function defaultResultsPath(responsesPath: string): string {
  const stem = basename(responsesPath, extname(responsesPath));
  return join(dirname(responsesPath), `${stem}.results.csv`);
}
