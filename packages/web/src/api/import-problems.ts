import { ImportProblemSchema, type ImportProblem } from '@examforge/server/api';

const ProblemsSchema = ImportProblemSchema.array();

/**
 * The located problems of a refused file import (a roster, grades), from the reply's `details.problems`; empty when
 * there are none.
 *
 * @example
 * readImportProblems(error.details).map((p) => `row ${p.row}, column ${p.column}: ${p.message}`);
 */
export function readImportProblems(details: unknown): readonly ImportProblem[] {
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const parsed = ProblemsSchema.safeParse(details.problems);
  return parsed.success ? parsed.data : [];
}
