import { formatDiagnostic, listQuestions, parseExam } from '@examforge/core';
import { formatComputed, runChecks, type CheckResult } from '@examforge/checks';
import { styles, type Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { readUserFile } from '../files.js';
import { plural } from '../render/exam-overview.js';
import { progress } from '../render/progress.js';
import { FINDINGS, renderVerifySummary, renderVerifyTable } from './verify-table.js';

export interface VerifyOptions {
  /** Print the results as JSON instead of a table. */
  readonly json?: boolean;
  /** Time limit per check, in ms. */
  readonly timeLimit?: number;
}

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
  const { exam, sourceMap } = parsed;
  const total = listQuestions(exam).filter(({ question }) => question.check).length;
  const bar = options.json ? undefined : progress(output, 'Running checks', total);
  const results = await runChecks(exam, {
    sourceMap,
    ...(options.timeLimit !== undefined && { timeLimitMs: options.timeLimit }),
    onProgress: (done) => bar?.update(done),
  });
  bar?.done();
  const findings = results.some((result) => FINDINGS.includes(result.verdict));
  if (options.json) output.out(JSON.stringify(jsonReport(exam.id, results), null, 2));
  else output.out(renderReport(results, listQuestions(exam).length, path, s).join('\n'));
  return findings ? EXIT.findings : EXIT.ok;
}

function renderReport(results: readonly CheckResult[], questions: number, path: string, s: ReturnType<typeof styles>) {
  if (results.length === 0)
    return [`No question of ${path} has a check (add a \`### Check\` part to compute its answer).`];
  const unchecked = questions - results.length;
  return [
    ...renderVerifyTable(results, path, s),
    '',
    ...(unchecked > 0 ? [s.dim(`${plural(unchecked, 'question')} without a check.`)] : []),
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
