import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import {
  DEFAULT_POLICY,
  INVALID_MARKS_POLICIES,
  invalidMarksPolicyNamed,
  listQuestions,
  type Exam,
} from '@examforge/core';
import { runChecks, type Verdict } from '@examforge/checks';
import { Option, type Command } from 'commander';
import { analysisReport, optionsCsv, reportHtml, statisticsCsv, type AnalysisReport } from '@examforge/report';
import { styles, type Output } from '../console.js';
import { EXIT } from '../errors.js';
import { loadExam } from '../load-exam.js';
import { renderAnalysis } from '../render/analysis-tables.js';
import { progress } from '../render/progress.js';
import { scoreResponsesFile, type ScoringOptions } from '../score-responses.js';

export interface AnalyseOptions extends ScoringOptions {
  /** A directory (files named after the responses) or a path prefix. */
  readonly out?: string;
  readonly json?: boolean;
  /** Run the exam's answer checks and put each verdict beside the question's flags. */
  readonly verify?: boolean;
}

/** Verdicts that make `analyse --verify` exit 1, as they make `verify` exit 1. */
const VERIFY_FINDINGS: readonly Verdict[] = ['disagrees', 'no-option-matches', 'several-options-match', 'check-failed'];

/**
 * `examforge analyse <exam> <responses.csv>`: scores every row as `grade` does, analyses the items, prints the
 * tables and writes `<prefix>.statistics.csv`, `<prefix>.options.csv` and `<prefix>.report.html`. Exit 1 when a key
 * looks wrong (a possible-wrong-key flag, or with --verify a check that disagrees), 0 otherwise, 2 on bad input.
 */
export async function runAnalyse(
  examPath: string,
  responsesPath: string,
  options: AnalyseOptions,
  output: Output,
): Promise<number> {
  const exam = loadExam(examPath);
  const scored = await scoreResponsesFile(exam, examPath, responsesPath, options, output);
  const verdicts = options.verify ? await verifyVerdicts(exam, options, output) : undefined;
  const report = analysisReport(exam, scored, verdicts);
  const files = writeReport(report, outputPrefix(options.out, responsesPath));
  if (options.json) output.out(JSON.stringify({ ...report, files }, null, 2));
  else {
    const s = styles(output);
    output.out([...renderAnalysis(report, examPath, s), '', `Wrote ${files.join(', ')}`].join('\n'));
  }
  return hasFindings(report) ? EXIT.findings : EXIT.ok;
}

async function verifyVerdicts(exam: Exam, options: AnalyseOptions, output: Output): Promise<Map<string, Verdict>> {
  const total = listQuestions(exam).filter(({ question }) => question.check && !question.generator).length;
  const bar = options.json ? undefined : progress(output, 'Running checks', total);
  const results = await runChecks(exam, { onProgress: (done) => bar?.update(done) });
  bar?.done();
  return new Map(results.map((result) => [result.questionId, result.verdict]));
}

function hasFindings(report: AnalysisReport): boolean {
  return report.questions.some(
    (question) =>
      question.statistics.flags.some((flag) => flag.kind === 'possible-wrong-key') ||
      VERIFY_FINDINGS.some((verdict) => verdict === question.verdict),
  );
}

/** `--out dir/` (or an existing directory) names the files after the responses; anything else is the prefix. */
export function outputPrefix(out: string | undefined, responsesPath: string): string {
  const stem = basename(responsesPath, extname(responsesPath));
  if (out === undefined) return join(dirname(responsesPath), stem);
  if (out.endsWith('/') || (existsSync(out) && statSync(out).isDirectory())) return join(out, stem);
  return out;
}

function writeReport(report: AnalysisReport, prefix: string): string[] {
  mkdirSync(dirname(prefix), { recursive: true });
  const files: [string, string][] = [
    [`${prefix}.statistics.csv`, statisticsCsv(report)],
    [`${prefix}.options.csv`, optionsCsv(report)],
    [`${prefix}.report.html`, reportHtml(report)],
  ];
  for (const [path, text] of files) writeFileSync(path, text);
  return files.map(([path]) => path);
}

/** Registers `analyse` with the same scoring options as `grade`. */
export function addAnalyseCommand(program: Command, output: Output, done: (code: number) => void): void {
  program
    .command('analyse')
    .alias('analyze')
    .description('item analysis of a responses table: facility, discrimination, options, flags; CSV and HTML report')
    .argument('<exam>', 'the exam file (exam.md)')
    .argument('<responses>', "CSV as `grade` reads it (the wide table, or the server's responses.csv)")
    .option('-o, --out <dir or prefix>', 'where to write the files (default: beside the responses, named after them)')
    .addOption(
      new Option('--invalid-marks <policy>', 'partial fills, ticks, crosses and unclear marks (as in grade)')
        .choices([...INVALID_MARKS_POLICIES, 'ignore'])
        .default(DEFAULT_POLICY.invalidMarks),
    )
    .addOption(
      new Option('--several-marks <policy>', 'several marks on a single-choice question (as in grade)')
        .choices(['zero', 'wrong'])
        .default('zero'),
    )
    .option('--sitting <id>', "the sitting the papers were printed for (default: the exam's id)")
    .option('--verify', "run the exam's answer checks and show each verdict beside the question's flags")
    .option('--json', 'print the analysis as JSON (figures that do not exist are null)')
    .addHelpText(
      'after',
      `
Writes <prefix>.statistics.csv (one row per question), <prefix>.options.csv (one row per option) and
<prefix>.report.html (self-contained: tables, score histogram, facility-against-discrimination scatter, option bars).
Ungraded written answers and answers not read from the scan are left out of the figures, never counted as 0.
Exit codes: 0 analysed, 1 a key looks wrong (possible-wrong-key flag, or with --verify a check that disagrees),
2 the exam or the table cannot be read.`,
    )
    .action(
      async (
        exam: string,
        responses: string,
        options: AnalyseOptions & { invalidMarks?: string; severalMarks?: 'zero' | 'wrong' },
      ) => {
        const { invalidMarks, ...rest } = options;
        const policy = invalidMarks === undefined ? undefined : invalidMarksPolicyNamed(invalidMarks);
        done(await runAnalyse(exam, responses, { ...rest, ...(policy && { invalidMarks: policy }) }, output));
      },
    );
}
