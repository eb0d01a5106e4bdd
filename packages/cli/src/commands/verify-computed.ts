import type { ComputedSummary } from '@examforge/checks';
import { computedFinding } from '@examforge/checks';
import type { Styles } from '../console.js';

/** The table: per computed question, valid instances, distinct stems, check agreement and a verdict. */
export function renderComputedTable(summaries: readonly ComputedSummary[], s: Styles): string[] {
  const rows = summaries.map((summary) => [
    `Q${summary.number}`,
    summary.questionId,
    `${summary.valid}/${summary.seeds}`,
    String(summary.distinctStems),
    summary.checkAgrees === undefined ? '— (no check)' : `${summary.checkAgrees}/${summary.valid}`,
  ]);
  const header = ['', 'Computed question', 'Valid', 'Distinct stems', 'Check agrees'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const pad = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  const lines = [s.bold(`${pad(header)}  Verdict`)];
  summaries.forEach((summary, index) => {
    const finding = computedFinding(summary);
    lines.push(`${pad(rows[index] ?? [])}  ${finding ? s.error('✘ needs attention') : s.good('✔ ok')}`);
    if (summary.firstProblem)
      lines.push(
        `${' '.repeat((widths[0] ?? 0) + 2)}${s.error('first:')} seed "${summary.firstProblem.seed}": ${summary.firstProblem.message}`,
      );
  });
  return lines;
}
