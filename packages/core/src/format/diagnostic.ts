/** A problem found in an exam file, located precisely enough to jump to it in an editor. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `question-without-id`. */
  readonly code: string;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** What the parser or checker expected to find. */
  readonly expected?: string;
  readonly hint?: string;
  readonly questionId?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Builds diagnostics at a position; keeps call sites short. */
export function diagnostic(
  severity: Severity,
  code: string,
  at: Position,
  message: string,
  details: { expected?: string; hint?: string; questionId?: string } = {},
): Diagnostic {
  return { severity, code, message, line: at.line, column: at.column, ...details };
}

/**
 * `file:line:column severity: message`, then the expectation and the hint on their own lines,
 * the layout compilers use so that editors and terminals make the location clickable.
 *
 * @example
 * formatDiagnostic(d, 'exam.md'); // 'exam.md:14:4 error: question heading has no id\n  expected …'
 */
export function formatDiagnostic(d: Diagnostic, file: string): string {
  const lines = [`${file}:${d.line}:${d.column} ${d.severity}: ${d.message}`];
  if (d.expected) lines.push(`  expected ${d.expected}`);
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  return lines.join('\n');
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by position, so a report reads top to bottom like the file. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}
