import { formatDiagnostic, lintExam, parseExam, type Exam, type LintReport } from '@examforge/core';
import { UserError } from './errors.js';
import { fileExistsBeside, readUserFile } from './files.js';

/** Reads and lints an exam file; the report keeps the exam when it parsed. */
export function lintExamFile(path: string): LintReport {
  return lintExam(readUserFile(path, 'exam file'), { fileExists: fileExistsBeside(path) });
}

/** Reads an exam other commands work on; an exam that does not parse is bad input for them. */
export function loadExam(path: string): Exam {
  const parsed = parseExam(readUserFile(path, 'exam file'));
  if (parsed.ok) return parsed.exam;
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  throw new UserError(
    `${path} has ${errors.length} error(s); run \`examforge lint ${path}\` for details`,
    errors.slice(0, 5).map((d) => formatDiagnostic(d, path)),
  );
}
