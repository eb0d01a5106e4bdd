import { parse } from 'csv-parse/sync';
import type { GradebookMatch } from './gradebook-row.js';

/**
 * The students an LMS knows, read from its own gradebook export (Moodle's "Export grades to a CSV file", Canvas's
 * "Export entire gradebook"): each row keeps its cells so a Canvas import can be given back the LMS's own identity
 * columns, which Canvas needs to match a row to a student.
 */
export interface LmsRoster {
  readonly header: readonly string[];
  /** The columns that identify a student in the LMS, in the file's order (Canvas: Student, ID, SIS User ID, …). */
  readonly identityColumns: readonly number[];
  readonly rows: readonly LmsStudent[];
}

export interface LmsStudent {
  /** 1-based line of the file, for messages. */
  readonly line: number;
  readonly cells: readonly string[];
  readonly id: string;
  readonly email: string;
  readonly label: string;
}

export class LmsRosterError extends Error {
  override readonly name = 'LmsRosterError';
}

/** Header names, lower-cased, that hold the student's institutional id and email in the LMSs' exports. */
const ID_HEADERS = ['id number', 'idnumber', 'sis user id', 'student number', 'student id', 'student_number'];
const EMAIL_HEADERS = ['email address', 'email', 'e-mail', 'sis login id', 'login id'];
const NAME_HEADERS = ['student', 'name', 'full name', 'first name', 'last name', 'surname'];
const CANVAS_IDENTITY = ['student', 'id', 'sis user id', 'sis login id', 'integration id', 'section'];

/**
 * Reads an LMS gradebook export. The column to match on must be there: `id` needs an ID number or SIS User ID
 * column, `email` an email or SIS Login ID column; the message names the columns the file has when it is missing.
 * Canvas's "Points Possible" row and its rows without an identity are skipped.
 */
export function readLmsRoster(csv: string, match: GradebookMatch): LmsRoster {
  let records: string[][];
  try {
    const parsed: unknown = parse(csv.replace(/^\uFEFF/, ''), { relaxColumnCount: true, skipEmptyLines: true });
    records = parsed as string[][];
  } catch (error) {
    throw new LmsRosterError(`the LMS file is not a readable CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header)
    throw new LmsRosterError('the LMS file is empty: export the gradebook from the LMS and upload that file');
  const lower = header.map((cell) => cell.trim().toLowerCase());
  const idColumn = lower.findIndex((cell) => ID_HEADERS.includes(cell));
  const emailColumn = lower.findIndex((cell) => EMAIL_HEADERS.includes(cell));
  const wanted = match === 'id' ? idColumn : emailColumn;
  if (wanted < 0) {
    const needs = match === 'id' ? '"ID number" or "SIS User ID"' : '"Email address" or "SIS Login ID"';
    throw new LmsRosterError(
      `the LMS file has no ${needs} column to match students by ${match === 'id' ? 'student number' : 'email'} ` +
        `(its columns: ${header.map((cell) => `"${cell}"`).join(', ')}); export the gradebook with that field, ` +
        `or match by ${match === 'id' ? 'email' : 'student number'}`,
    );
  }
  const canvasIdentity = lower.flatMap((cell, index) => (CANVAS_IDENTITY.includes(cell) ? [index] : []));
  const nameColumns = lower.flatMap((cell, index) => (NAME_HEADERS.includes(cell) ? [index] : []));
  const rows: LmsStudent[] = [];
  body.forEach((cells, index) => {
    const key = (cells[wanted] ?? '').trim();
    if (key === '' || /points possible/i.test(cells[0] ?? '')) return;
    rows.push({
      line: index + 2,
      cells,
      id: idColumn >= 0 ? (cells[idColumn] ?? '').trim() : '',
      email: emailColumn >= 0 ? (cells[emailColumn] ?? '').trim() : '',
      label:
        nameColumns
          .map((column) => cells[column] ?? '')
          .join(' ')
          .trim() || key,
    });
  });
  return { header, identityColumns: canvasIdentity.length > 0 ? canvasIdentity : [wanted], rows };
}

/** The key a student is matched on: ids compare exactly (trimmed), emails without case. */
export function matchKey(value: string, match: GradebookMatch): string {
  const trimmed = value.trim();
  return match === 'email' ? trimmed.toLowerCase() : trimmed;
}
