import { hasErrors, type Exam } from '@examforge/core';
import { styles, type Output } from '../console.js';
import { EXIT } from '../errors.js';
import { lintExamFile } from '../load-exam.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { plural, renderOverview, renderWithoutKey } from '../render/exam-overview.js';

export interface LintOptions {
  /** Treat warnings as findings (exit 1). */
  readonly strict?: boolean;
}

/** `examforge lint <exam>`: the overview, every problem with its location, and the questions without a key. */
export function runLint(path: string, options: LintOptions, output: Output): number {
  const s = styles(output);
  const report = lintExamFile(path);
  const lines: string[] = [];
  if (report.exam) lines.push(...renderOverview(report.exam, s), '');
  const problems = renderDiagnostics(report.diagnostics, path, s, output.width, ['key-unknown']);
  if (problems.length > 0) lines.push(...problems, '');
  if (report.exam) lines.push(...renderWithoutKey(report.exam, s), ...notesLine(report.exam));
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  const verdict = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  lines.push('', errors > 0 ? s.error(`✘ ${verdict}`) : s.good(`✔ ${verdict}`));
  output.out(lines.join('\n'));
  const findings = hasErrors(report.diagnostics) || (options.strict === true && warnings > 0);
  return findings ? EXIT.findings : EXIT.ok;
}

function notesLine(exam: Exam): string[] {
  const withNotes = exam.sections
    .flatMap((section) => section.questions)
    .filter((question) => question.note !== undefined);
  if (withNotes.length === 0) return [];
  return [
    `${plural(withNotes.length, 'question')} carry an instructor note (e.g. text reconstructed from the source): \`examforge show\` prints them.`,
  ];
}
