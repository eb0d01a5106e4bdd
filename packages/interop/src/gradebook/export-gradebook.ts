import { stringify } from 'csv-stringify/sync';
import type { GradebookMatch, GradebookStudent, GradebookTarget } from './gradebook-row.js';
import { matchKey, readLmsRoster, type LmsRoster, type LmsStudent } from './lms-roster.js';

export interface GradebookOptions {
  readonly target: GradebookTarget;
  readonly match: GradebookMatch;
  /** The grade column's name in the LMS: the exam's title, so an LMS import creates or finds that grade item. */
  readonly itemName: string;
  /** The exam's maximum, for Canvas's "Points Possible" row. */
  readonly maximum: string;
  /** The LMS's own gradebook export; with it, only its students are written and unmatched ones are listed. */
  readonly lmsCsv?: string;
  /** The file name without extension, e.g. the sitting's title made safe. */
  readonly baseName: string;
}

/** A gradebook file and what an instructor must know before importing it into the LMS. */
export interface GradebookExport {
  readonly fileName: string;
  readonly csv: string;
  /** Rows written with a grade. */
  readonly written: number;
  /** Our students the LMS file does not list (their grades are not in the file): student number and name. */
  readonly notInLms: readonly StudentLabel[];
  /** The LMS's students we have no result for, with the line in their file. */
  readonly notInSitting: readonly { readonly line: number; readonly label: string }[];
  /** Students whose total may still change (written answers not graded, sheet pages not read). */
  readonly notFinal: readonly StudentLabel[];
  /** Students with no result at all (never started): a blank grade, not 0. */
  readonly noResult: readonly StudentLabel[];
  /** Totals below 0 (negative marking without a total floor): most LMSs refuse or clamp them. */
  readonly negative: readonly StudentLabel[];
}

export interface StudentLabel {
  readonly studentNumber: string;
  readonly name: string;
}

/**
 * Writes a sitting's results for an LMS gradebook: Moodle's grade import (one identity column, "ID number" or "Email
 * address", and a column named after the exam), Canvas's gradebook import (Student, ID, SIS User ID, SIS Login ID,
 * Section, the exam's column and a "Points Possible" row; with the LMS's export, its own identity cells are kept so
 * Canvas matches every row), or a long CSV (one row per student and question) for anything else.
 *
 * @example
 * const out = exportGradebook(students, { target: 'moodle', match: 'email', itemName: 'DL end-sem', maximum: '20', baseName: 'dl' });
 * out.csv; // "Email address,DL end-sem\nana@uni.edu,14.5\n…"
 */
export function exportGradebook(students: readonly GradebookStudent[], options: GradebookOptions): GradebookExport {
  const label = ({ studentNumber, name }: GradebookStudent): StudentLabel => ({ studentNumber, name });
  const lms = options.lmsCsv === undefined ? undefined : readLmsRoster(options.lmsCsv, options.match);
  const pairs = lms ? pairWithLms(students, lms, options.match) : undefined;
  const common = {
    notFinal: students.filter((student) => student.notFinal !== undefined).map(label),
    noResult: students.filter((student) => student.total === undefined).map(label),
    negative: students.filter((student) => student.total?.startsWith('-')).map(label),
    notInLms: pairs ? pairs.notInLms.map(label) : [],
    notInSitting: pairs ? pairs.notInSitting.map(({ line, label: who }) => ({ line, label: who })) : [],
  };
  const rows = pairs ? pairs.matched : students.map((student) => ({ student, lms: undefined }));
  const written = rows.filter(({ student }) => student.total !== undefined).length;
  switch (options.target) {
    case 'moodle':
      return { ...common, written, fileName: `${options.baseName}-moodle-grades.csv`, csv: moodleCsv(rows, options) };
    case 'canvas':
      return {
        ...common,
        written,
        fileName: `${options.baseName}-canvas-gradebook.csv`,
        csv: canvasCsv(rows, options, lms),
      };
    case 'long':
      return { ...common, written, fileName: `${options.baseName}-results-long.csv`, csv: longCsv(rows) };
  }
}

interface Row {
  readonly student: GradebookStudent;
  readonly lms: LmsStudent | undefined;
}

function pairWithLms(students: readonly GradebookStudent[], lms: LmsRoster, match: GradebookMatch) {
  const ours = new Map(students.map((student) => [matchKey(ourKey(student, match), match), student]));
  const matched: Row[] = [];
  const notInSitting: LmsStudent[] = [];
  const seen = new Set<string>();
  for (const row of lms.rows) {
    const key = matchKey(match === 'id' ? row.id : row.email, match);
    const student = ours.get(key);
    if (student && !seen.has(key)) {
      matched.push({ student, lms: row });
      seen.add(key);
    } else notInSitting.push(row);
  }
  const notInLms = students.filter((student) => !seen.has(matchKey(ourKey(student, match), match)));
  return { matched, notInSitting, notInLms };
}

function ourKey(student: GradebookStudent, match: GradebookMatch): string {
  return match === 'id' ? student.studentNumber : student.email;
}

function moodleCsv(rows: readonly Row[], options: GradebookOptions): string {
  const identity = options.match === 'id' ? 'ID number' : 'Email address';
  return stringify([
    [identity, options.itemName],
    ...rows.map(({ student }) => [ourKey(student, options.match), student.total ?? '']),
  ]);
}

const CANVAS_HEADER = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'];

function canvasCsv(rows: readonly Row[], options: GradebookOptions, lms: LmsRoster | undefined): string {
  const header = lms ? lms.identityColumns.map((column) => lms.header[column] ?? '') : CANVAS_HEADER;
  const identity = (row: Row): string[] =>
    lms && row.lms
      ? lms.identityColumns.map((column) => row.lms?.cells[column] ?? '')
      : [row.student.name, '', row.student.studentNumber, row.student.email, ''];
  return stringify([
    [...header, options.itemName],
    ['Points Possible', ...header.slice(1).map(() => ''), options.maximum],
    ...rows.map((row) => [...identity(row), row.student.total ?? '']),
  ]);
}

function longCsv(rows: readonly Row[]): string {
  return stringify([
    ['student', 'name', 'question', 'points', 'maximum', 'status'],
    ...rows.flatMap(({ student }) =>
      student.questions.map((question) => [
        student.studentNumber,
        student.name,
        question.questionId,
        question.points,
        question.maximum,
        question.status,
      ]),
    ),
  ]);
}
