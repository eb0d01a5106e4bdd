import {
  computedQuestionIds,
  formatDiagnostic,
  listQuestions,
  parseExam,
  type Exam,
  type SourceMap,
} from '@examforge/core';
import {
  computedFinding,
  formatComputed,
  runChecks,
  verifyComputed,
  verifySeeds,
  type CheckResult,
  type ComputedSummary,
} from '@examforge/checks';
import { styles, type Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { readUserFile } from '../files.js';
import { progress } from '../render/progress.js';
import { renderComputedTable } from './verify-computed.js';
import { FINDINGS, renderVerifySummary, renderVerifyTable } from './verify-table.js';
import { listUnchecked, renderUncheckedTable, type UncheckedQuestion } from './verify-unchecked.js';

export interface VerifyOptions {
  /** Print the results as JSON instead of a table. */
  readonly json?: boolean;
  /** Time limit per check, in ms. */
  readonly timeLimit?: number;
  /** Seeds each computed question's generator is run for (default 20). */
  readonly seeds?: number;
}

export const DEFAULT_VERIFY_SEEDS = 20;

/**
 * `examforge verify <exam>`: runs every answer check of the exam in the sandbox and prints, per checked question,
 * the marked key, the computed answer and the verdict. Exit 0 when every check agrees with its key (or there is no
 * key to compare), 1 when one disagrees, matches no option or several, or fails; 2 when the exam cannot be read.
 */
export async function runVerify(path: string, options: VerifyOptions, output: Output): Promise<number> {
  const s = styles(output);
  const parsed = parseExam(readUserFile(path, 'exam file'));
  if (!parsed.ok) {
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    throw new UserError(
      `${path} has ${errors.length} error(s); run \`examforge lint ${path}\` for details`,
      errors.slice(0, 5).map((d) => formatDiagnostic(d, path)),
    );
  }
  if (options.timeLimit !== undefined && !(options.timeLimit > 0))
    throw new UserError('--time-limit must be a positive number of milliseconds');
  const seedCount = options.seeds ?? DEFAULT_VERIFY_SEEDS;
  if (!Number.isInteger(seedCount) || seedCount < 1)
    throw new UserError('--seeds must be a whole number of at least 1');
  const { exam, sourceMap } = parsed;
  const total = listQuestions(exam).filter(({ question }) => question.check && !question.generator).length;
  const bar = options.json ? undefined : progress(output, 'Running checks', total);
  const results = await runChecks(exam, {
    sourceMap,
    ...(options.timeLimit !== undefined && { timeLimitMs: options.timeLimit }),
    onProgress: (done) => bar?.update(done),
  });
  bar?.done();
  const computed = await runComputed(exam, sourceMap, seedCount, options, output);
  const findings = results.some((result) => FINDINGS.includes(result.verdict)) || computed.some(computedFinding);
  const unchecked = listUnchecked(exam);
  if (options.json) output.out(JSON.stringify({ ...jsonReport(exam.id, results), unchecked, computed }, null, 2));
  else {
    const computedCount = computedQuestionIds(exam).length;
    const checks = results.length > 0 || computedCount === 0 ? renderReport(results, unchecked, path, s) : [];
    const table =
      computed.length > 0
        ? ['', `Computed questions, ${seedCount} seeds each:`, ...renderComputedTable(computed, s)]
        : [];
    output.out([...checks, ...table].join('\n'));
  }
  return findings ? EXIT.findings : EXIT.ok;
}

async function runComputed(
  exam: Exam,
  sourceMap: SourceMap,
  seedCount: number,
  options: VerifyOptions,
  output: Output,
): Promise<ComputedSummary[]> {
  const count = computedQuestionIds(exam).length;
  if (count === 0) return [];
  const bar = options.json ? undefined : progress(output, 'Generating computed questions', count * seedCount);
  const summaries = await verifyComputed(exam, verifySeeds(seedCount), {
    sourceMap,
    ...(options.timeLimit !== undefined && { timeLimitMs: options.timeLimit }),
    onProgress: (done) => bar?.update(done),
  });
  bar?.done();
  return summaries;
}

function renderReport(
  results: readonly CheckResult[],
  unchecked: readonly UncheckedQuestion[],
  path: string,
  s: ReturnType<typeof styles>,
) {
  const table = renderUncheckedTable(unchecked, s);
  if (results.length === 0)
    return [`No question of ${path} has a check (add a \`### Check\` part to compute its answer).`, '', ...table];
  return [
    ...renderVerifyTable(results, path, s),
    '',
    ...(table.length > 0 ? [...table, ''] : []),
    renderVerifySummary(results, s),
  ];
}

function jsonReport(examId: string, results: readonly CheckResult[]) {
  return {
    exam: examId,
    results: results.map((result) => ({
      ...result,
      ...(result.computed && { computedText: formatComputed(result.computed) }),
    })),
  };
}
