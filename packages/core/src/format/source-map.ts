import type { Position } from './diagnostic.js';

/**
 * Where each text field of an exam came from, so that checks on the model (TeX, images) can point at the file.
 * Keys: `exam.instructions`, `section.<id>`, `question.<id>`, `question.<id>.stem`, `question.<id>.option.<n>`,
 * `question.<id>.<part>` (explanation, solution, note, answer), `question.<id>.rubric.<n>`.
 */
export type SourceMap = ReadonlyMap<string, TextLocation>;

export interface TextLocation {
  /** Position of the field's first character. */
  readonly start: Position;
  /** File line and first column of each line of the field's text (continuation lines may be indented). */
  readonly lines: readonly Position[];
}

/** Maps an offset in a field's text back to the file. */
export function positionInText(location: TextLocation, text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineIndex = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = location.lines[lineIndex] ?? location.start;
  return { line: line.line, column: line.column + (offset - lineStart) };
}
