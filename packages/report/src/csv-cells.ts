import { stringify } from 'csv-stringify/sync';

/** A CSV cell: text, or a number written exactly (NaN, a statistic that does not exist, is an empty cell). */
export type CsvCell = string | number;

/**
 * CSV text whose cells a spreadsheet cannot run: a text cell that starts like a formula (`=HYPERLINK(…)`, `+1`, `@SUM`)
 * gets a leading apostrophe, which spreadsheets read as "text follows" — the rule of the server's CSV downloads
 * (`csv-text-cell.ts`), kept here so the report does not load the server to write a file. Numbers are written
 * as numbers (a negative one is not guarded), with every digit, so the file holds the figures exactly.
 *
 * @example
 * formulaSafeCsv([['question', 'discrimination'], ['=cmd', -0.25]]); // "question,discrimination\n'=cmd,-0.25\n"
 */
export function formulaSafeCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows.map((row) => row.map(cellText)));
}

function cellText(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isNaN(cell) ? '' : String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

const FORMULA_START = /^[=+\-@\t\r']/;
