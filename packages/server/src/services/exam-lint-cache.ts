import { lintExam, type LintReport } from '@examforge/core';

/** Reports kept, newest last: enough for the exams being worked on, bounded so a busy server does not grow. */
const KEPT = 32;
const reports = new Map<string, LintReport>();

/**
 * `lintExam` of an exam file, remembered by its text: the check typesets every formula (half a second on the bundled
 * exam), and an import, the exam's page and opening a sitting all ask for the same unchanged version.
 *
 * @example
 * lintSource(source).diagnostics.filter((d) => d.severity === 'error');
 */
export function lintSource(source: string): LintReport {
  const known = reports.get(source);
  if (known) {
    reports.delete(source);
    reports.set(source, known);
    return known;
  }
  const report = lintExam(source);
  reports.set(source, report);
  if (reports.size > KEPT) reports.delete(reports.keys().next().value ?? '');
  return report;
}
