/**
 * Free text in a CSV we serve (typed answers, comments, names) can start like a spreadsheet formula (`=HYPERLINK(…)`,
 * `+1`, `@SUM`), and a spreadsheet that opens the file would run it. Such a cell is written with a leading apostrophe,
 * which spreadsheets read as "text follows"; a cell that itself starts with an apostrophe gets one more, so removing
 * exactly one leading apostrophe always gives the text back exactly.
 *
 * @example
 * guardTextCell('=1+1'); // "'=1+1"
 * unguardTextCell("'=1+1"); // '=1+1'
 */
export function guardTextCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a guarded cell holds: one leading apostrophe removed, if there is one. */
export function unguardTextCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

const FORMULA_START = /^[=+\-@\t\r']/;
