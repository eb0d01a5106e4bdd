import { formatDiagnostic, type Diagnostic } from '@examforge/core';
import type { Styles } from '../console.js';
import { wrap } from './wrap.js';

/** Codes that are listed once as a group rather than one line each, when many questions share them. */
const GROUPED: Record<string, string> = {
  'missing-explanation': 'no explanation (students read one with their results)',
};
const GROUP_THRESHOLD = 4;

/**
 * Renders diagnostics compiler-style (`file:line:column severity: message`); a warning shared by many questions is
 * one line listing them, so that real errors are not lost in a page of repeats.
 */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  file: string,
  s: Styles,
  width: number,
  omit: readonly string[] = [],
): string[] {
  const lines: string[] = [];
  const shown = diagnostics.filter((d) => !omit.includes(d.code));
  const groups = new Map<string, Diagnostic[]>();
  for (const d of shown) {
    if (GROUPED[d.code] !== undefined) groups.set(d.code, [...(groups.get(d.code) ?? []), d]);
  }
  for (const d of shown) {
    const group = groups.get(d.code);
    if (group && group.length >= GROUP_THRESHOLD) continue;
    lines.push(colourSeverity(formatDiagnostic(d, file), d, s));
  }
  for (const [code, group] of groups) {
    if (group.length < GROUP_THRESHOLD) continue;
    const ids = group.map((d) => d.questionId ?? `line ${d.line}`).join(', ');
    lines.push(`${s.warning('warning')}: ${group.length} questions have ${GROUPED[code]}:`, ...wrap(`  ${ids}`, width));
  }
  return lines;
}

function colourSeverity(text: string, d: Diagnostic, s: Styles): string {
  const label = `${d.severity}:`;
  const colour = d.severity === 'error' ? s.error : d.severity === 'warning' ? s.warning : s.dim;
  return text.replace(label, colour(label));
}
