import type { ExamDetail } from '@examforge/server/api';

type Diagnostic = ExamDetail['diagnostics'][number];

/** How many errors the explanation names; the exam's check lists every one. */
const NAMED = 2;

/**
 * Why no sitting can be opened for an exam, in words: its check found errors (warnings never block); undefined when
 * nothing blocks. The same rule as the server's, said before the instructor fills in the form.
 *
 * @example
 * sittingBlockedBy([{ severity: 'error', line: 14, column: 9, message: 'display math `$$` is never closed', … }]);
 * // 'This exam has an error, so no sitting can be opened: line 14, column 9: display math `$$` is never closed. …'
 */
export function sittingBlockedBy(diagnostics: readonly Diagnostic[]): string | undefined {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length === 0) return undefined;
  const named = errors.slice(0, NAMED).map((error) => `line ${error.line}, column ${error.column}: ${error.message}`);
  const more = errors.length > NAMED ? `; and ${errors.length - NAMED} more` : '';
  const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
  return (
    `This exam has ${count}, so no sitting can be opened: ${named.join('; ')}${more}. ` +
    'Fix the exam file and import it again (warnings do not block).'
  );
}
