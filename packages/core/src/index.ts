/**
 * @examforge/core: the exam model, the Markdown exam format, lint and scoring. Pure: no IO.
 */
export * from './model.js';
export { Rational } from './rational.js';
export type { Diagnostic, Position, Severity } from './format/diagnostic.js';
export { formatDiagnostic, hasErrors, sortDiagnostics } from './format/diagnostic.js';
export { parseExam, type ParseResult } from './format/parse.js';
export { printExam } from './format/print.js';
export type { SourceMap, TextLocation } from './format/source-map.js';
