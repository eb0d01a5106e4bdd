import { DiagnosticSchema } from '@examforge/server/api';
import type { Diagnostic } from './exams-api.js';

const DiagnosticsDetailsSchema = DiagnosticSchema.array();

/**
 * The diagnostics of a 422 `exam-invalid` reply, from its `details.diagnostics`; empty when there are none.
 *
 * @example
 * readDiagnostics(error.details).map((d) => `${d.line}:${d.column} ${d.message}`);
 */
export function readDiagnostics(details: unknown): readonly Diagnostic[] {
  if (typeof details !== 'object' || details === null || !('diagnostics' in details)) return [];
  const parsed = DiagnosticsDetailsSchema.safeParse(details.diagnostics);
  return parsed.success ? parsed.data : [];
}
