import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ImportProblem } from '../api/index.js';
import { badRequest } from './access.js';

/** One student of a roster file, as read. */
export interface RosterLine {
  readonly studentNumber: string;
  readonly name: string;
  readonly email: string;
  readonly timeMultiplier: number;
}

/** A record as csv-parse gives it with `info`; `info.lines` is the line where it ends: the row a spreadsheet shows. */
const CsvRecordsSchema = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }),
);
type CsvRecord = z.infer<typeof CsvRecordsSchema>[number];

const COLUMN_NAMES = {
  id: ['id', 'student', 'student_id'],
  name: ['name'],
  email: ['email'],
  extra: ['extra_time', 'extra time', 'extra'],
} as const;

/**
 * Reads a roster CSV (`id,name,email,extra_time`; extra time as `25%`, `1.25` or empty). Every problem is found
 * before anything is stored and named by its row and column (a 400 `roster-invalid` with `details.problems`, the
 * first ones in the message), so the person fixing the file knows where to look.
 *
 * @example
 * readRosterCsv('id,name,extra_time\ns1,Asha,25%'); // [{ studentNumber: 's1', …, timeMultiplier: 1.25 }]
 */
export function readRosterCsv(csv: string): RosterLine[] {
  const [header, ...body] = parseRecords(csv);
  const names = header?.record ?? [];
  const column = (wanted: readonly string[]) => names.findIndex((name) => wanted.includes(name.toLowerCase()));
  const columns = {
    id: column(COLUMN_NAMES.id),
    name: column(COLUMN_NAMES.name),
    email: column(COLUMN_NAMES.email),
    extra: column(COLUMN_NAMES.extra),
  };
  if (columns.id < 0 || columns.name < 0) {
    const missing = columns.id < 0 ? '`id`' : '`name`';
    throw badRequest(
      'roster-invalid',
      `row 1 (the header) has no column ${missing}: the roster needs a header row with at least \`id\` and \`name\` ` +
        '(and optionally `email`, `extra_time`); nothing was imported',
      { problems: [{ row: 1, column: missing.replaceAll('`', ''), message: `no column ${missing}` }] },
    );
  }
  const cell = (record: CsvRecord, index: number) => (index < 0 ? '' : (record.record[index] ?? ''));
  const label = (index: number) => columnLabel(index, names[index] ?? '');
  const problems: ImportProblem[] = [];
  const firstRow = new Map<string, number>();
  const lines = body.flatMap((record): RosterLine[] => {
    const row = record.info.lines;
    const problem = (index: number, message: string) => (problems.push({ row, column: label(index), message }), []);
    const studentNumber = cell(record, columns.id);
    if (studentNumber === '') return problem(columns.id, 'no student id');
    const earlier = firstRow.get(studentNumber);
    if (earlier !== undefined) return problem(columns.id, `student ${studentNumber} is already on row ${earlier}`);
    firstRow.set(studentNumber, row);
    const extra = cell(record, columns.extra);
    const timeMultiplier = readExtraTime(extra);
    if (timeMultiplier === undefined)
      return problem(columns.extra, `cannot read extra time "${extra}" (write 25% or 1.25, at most 400%)`);
    return [{ studentNumber, name: cell(record, columns.name), email: cell(record, columns.email), timeMultiplier }];
  });
  if (problems.length > 0) throw rosterProblems(problems);
  return lines;
}

function parseRecords(csv: string): CsvRecord[] {
  try {
    const records: unknown = parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
    return CsvRecordsSchema.parse(records);
  } catch (error) {
    throw badRequest('roster-invalid', `the roster is not a readable CSV file: ${(error as Error).message}`);
  }
}

/** The message names the first three problems where they are; every one is in `details.problems`. */
function rosterProblems(problems: readonly ImportProblem[]) {
  const named = problems.slice(0, 3).map((p) => `row ${p.row}, column ${p.column}: ${p.message}`);
  const more = problems.length > named.length ? `; and ${problems.length - named.length} more` : '';
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return badRequest('roster-invalid', `the roster has ${count}, nothing was imported: ${named.join('; ')}${more}`, {
    problems,
  });
}

/** "C (extra_time)": the spreadsheet's letter and the header's name. */
export function columnLabel(index: number, name: string): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return name === '' ? letters : `${letters} (${name})`;
}

/** `25%` → 1.25, `1.5` → 1.5, empty → 1. */
function readExtraTime(text: string): number | undefined {
  if (text.trim() === '') return 1;
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text.trim());
  const value = percent ? 1 + Number(percent[1]) / 100 : Number(text);
  return Number.isFinite(value) && value >= 1 && value <= 5 ? value : undefined;
}
