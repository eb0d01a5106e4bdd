/** A table cell: its text, and a style applied after padding so colour codes never shift a column. */
export interface Cell {
  readonly text: string;
  readonly style?: (text: string) => string;
  /** Numbers align right. */
  readonly right?: boolean;
}

/**
 * Lines of an aligned table, two spaces between columns, the header through `headerStyle`.
 *
 * @example
 * alignedTable(['Q', 'n'], [[{ text: 'Q1' }, { text: '6', right: true }]], (t) => t); // ['Q   n', 'Q1  6']
 */
export function alignedTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  headerStyle: (text: string) => string,
  indent = '',
): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.text.length ?? 0)),
  );
  const line = (cells: readonly Cell[]) =>
    indent +
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        const padded = cell.right ? cell.text.padStart(width) : cell.text.padEnd(width);
        return cell.style ? cell.style(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const headerCells = header.map((text, column) => ({ text, right: rows[0]?.[column]?.right ?? false }));
  return [headerStyle(line(headerCells)), ...rows.map(line)];
}
