import type { Rational } from '@examforge/core';
import type { ExportNotes } from '../export/export-context.js';

/** QTI identifiers are XML NCNames; this subset (ASCII letter or underscore first) is what the schema subset checks. */
export const QTI_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * An Examforge id as a QTI identifier: unchanged when it is one already (every id the exam format writes is), else
 * with other characters replaced and `_` in front if needed.
 */
export function qtiIdentifier(id: string): string {
  if (QTI_IDENTIFIER.test(id)) return id;
  const replaced = id.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(replaced) ? replaced : `_${replaced}`;
}

/** The choice identifiers of a question's options: A, B, C, … (then A1, B1, … past Z). */
export function choiceIdentifier(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${letter}${Math.floor(index / 26)}`;
}

/** A number of marks as a QTI float; a value with no finite decimal (1/3) is rounded, and the report says so. */
export function qtiFloat(value: Rational, notes: ExportNotes, questionId: string | undefined): string {
  if (value.isDecimal()) return value.toString();
  const rounded = String(value.toNumber());
  notes.add(questionId, 'partial', `${value.toString()} has no exact decimal form; written as ${rounded}`);
  return rounded;
}
