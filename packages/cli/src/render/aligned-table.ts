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
  const line = (row: readonly Cell[]) => {
    // Empty cells at the end are left out and the last cell is not padded: no trailing spaces, coloured or not.
    let end = row.length;
    while (end > 0 && row[end - 1]?.text === '') end -= 1;
    const cells = row.slice(0, end).map((cell, column) => {
      const width = column === end - 1 && !cell.right ? 0 : (widths[column] ?? 0);
      const padded = cell.right ? cell.text.padStart(width) : cell.text.padEnd(width);
      return cell.style ? cell.style(padded) : padded;
    });
    return indent + cells.join('  ');
  };
  const headerCells = header.map((text, column) => ({ text, right: rows[0]?.[column]?.right ?? false }));
  return [headerStyle(line(headerCells)), ...rows.map(line)];
}
