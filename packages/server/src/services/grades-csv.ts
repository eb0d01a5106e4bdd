import { parse } from 'csv-parse/sync';
import { badRequest } from './access.js';
import { unguardTextCell } from './csv-text-cell.js';

/** One data row of a grades CSV, its cells as written (text cells without their formula guard). */
export interface GradesCsvRow {
  /** The spreadsheet row: the header is row 1. */
  readonly row: number;
  readonly student: string;
  readonly question: string;
  readonly items: string;
  readonly adjustment: string;
  readonly adjustmentReason: string;
  readonly comment: string;
}

type Field = Exclude<keyof GradesCsvRow, 'row'>;

/** The header each field is read from (as `responses.csv` writes it), and the other spellings accepted. */
export const GRADES_CSV_COLUMNS: Readonly<Record<Field, readonly string[]>> = {
  student: ['student', 'student number', 'student id'],
  question: ['question', 'question id'],
  items: ['rubric items', 'rubric item ids', 'items'],
  adjustment: ['adjustment'],
  adjustmentReason: ['adjustment reason', 'reason'],
  comment: ['comment'],
};

/** The column name a problem with a field is reported under. */
export const columnName = (field: Field): string => GRADES_CSV_COLUMNS[field][0] ?? field;

/**
 * Reads a grades CSV: a header row naming the six columns (any order; other columns, such as the answer and score of
 * an exported `responses.csv`, are ignored), then one row per (student, question). Rows with every cell empty are
 * left out. An unreadable file or a missing column is a 400 `grades-csv-invalid` naming row 1 and the column.
 *
 * @example
 * readGradesCsv('student,question,rubric items,adjustment,adjustment reason,comment\ns1,q,a b,,,Good.\n');
 */
export function readGradesCsv(csv: string): GradesCsvRow[] {
  const [header = [], ...body] = parseCsv(csv);
  const at = columnIndexes(header);
  const cell = (record: string[], field: Field) => record[at[field]] ?? '';
  return body.flatMap((record, index) =>
    record.every((value) => value.trim() === '')
      ? []
      : [
          {
            row: index + 2,
            student: cell(record, 'student').trim(),
            question: cell(record, 'question').trim(),
            items: cell(record, 'items').trim(),
            adjustment: cell(record, 'adjustment').trim(),
            adjustmentReason: unguardTextCell(cell(record, 'adjustmentReason')).trim(),
            comment: unguardTextCell(cell(record, 'comment')).trim(),
          },
        ],
  );
}

function parseCsv(csv: string): string[][] {
  try {
    // Empty lines are kept so that a record's index is its spreadsheet row; cells are not trimmed (comments).
    return parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n'],
    });
  } catch (error) {
    throw badRequest('grades-csv-invalid', `the file is not a readable CSV: ${(error as Error).message}`);
  }
}

function columnIndexes(header: readonly string[]): Record<Field, number> {
  const names = header.map((name) => name.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' '));
  const fields = Object.keys(GRADES_CSV_COLUMNS) as Field[];
  const found = fields.map(
    (field) => [field, names.findIndex((name) => GRADES_CSV_COLUMNS[field].includes(name))] as const,
  );
  const missing = found.filter(([, index]) => index === -1).map(([field]) => `"${columnName(field)}"`);
  if (missing.length > 0)
    throw badRequest(
      'grades-csv-invalid',
      `row 1 (the header) has no column ${missing.join(', ')}: a grades file needs the columns ` +
        fields.map((field) => `"${columnName(field)}"`).join(', '),
      { row: 1, columns: missing },
    );
  return Object.fromEntries(found) as Record<Field, number>;
}
