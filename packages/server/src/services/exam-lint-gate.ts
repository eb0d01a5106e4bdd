import type { Diagnostic } from '@examforge/core';
import { HttpError } from '../errors.js';
import { lintSource } from './exam-lint-cache.js';

/** How many errors the refusal's message names; `details.diagnostics` carries every one. */
const NAMED_ERRORS = 3;

/**
 * Refuses to open a sitting of an exam whose check finds errors (a 422 `exam-has-errors`, naming the first errors
 * with their line and column): students must never get a question without a key or with broken math. Warnings are
 * returned, never blocking.
 *
 * @example
 * requireLintClean(source); // throws when `examforge lint` would report an error
 */
export function requireLintClean(source: string): readonly Diagnostic[] {
  const diagnostics = lintSource(source).diagnostics;
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length === 0) return diagnostics;
  const named = errors.slice(0, NAMED_ERRORS).map((e) => `line ${e.line}, column ${e.column}: ${e.message}`);
  const more = errors.length > named.length ? `; and ${errors.length - named.length} more` : '';
  const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
  throw new HttpError(
    422,
    'exam-has-errors',
    `the exam has ${count}, so no sitting can be opened: ${named.join('; ')}${more}. Fix the exam file and import it ` +
      'again',
    { diagnostics: errors },
  );
}
