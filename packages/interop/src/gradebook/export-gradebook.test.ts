import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { GradebookStudent } from './gradebook-row.js';
import { exportGradebook, type GradebookOptions } from './export-gradebook.js';
import { LmsRosterError } from './lms-roster.js';

const ana: GradebookStudent = {
  studentNumber: 'S001',
  name: 'Ana Lima',
  email: 'Ana.Lima@uni.example',
  total: '14.5',
  maximum: '20',
  questions: [
    { questionId: 'l2-prior', points: '0.5', maximum: '0.5', status: 'scored' },
    { questionId: 'wasserstein', points: '', maximum: '2', status: 'ungraded' },
  ],
  notFinal: 'ungraded',
};
const ben: GradebookStudent = {
  studentNumber: 'S002',
  name: 'Ben Okafor',
  email: 'ben@uni.example',
  total: '-1.5',
  maximum: '20',
  questions: [{ questionId: 'l2-prior', points: '-0.5', maximum: '0.5', status: 'scored' }],
};
const cleo: GradebookStudent = { studentNumber: 'S003', name: 'Cleo Park', email: '', questions: [] };
const students = [ana, ben, cleo];

const base: Omit<GradebookOptions, 'target' | 'match'> = { itemName: 'DL end-sem', maximum: '20', baseName: 'dl' };
const rows = (csv: string): string[][] => {
  const parsed: unknown = parse(csv);
  return parsed as string[][];
};

describe('exportGradebook', () => {
  it('writes Moodle grade import by ID number, a blank (never 0) for a student with no result', () => {
    const out = exportGradebook(students, { ...base, target: 'moodle', match: 'id' });
    expect(out.fileName).toBe('dl-moodle-grades.csv');
    expect(rows(out.csv)).toEqual([
      ['ID number', 'DL end-sem'],
      ['S001', '14.5'],
      ['S002', '-1.5'],
      ['S003', ''],
    ]);
    expect(out.written).toBe(2);
    expect(out.noResult.map((s) => s.studentNumber)).toEqual(['S003']);
    expect(out.notFinal.map((s) => s.studentNumber)).toEqual(['S001']);
    expect(out.negative.map((s) => s.studentNumber)).toEqual(['S002']);
  });

  it('matches a Moodle export by email without case and lists who is on one side only', () => {
    const moodleExport =
      'First name,Last name,ID number,Institution,Department,Email address\n' +
      'Ana,Lima,,,,ana.lima@uni.example\n' +
      'Dev,Rao,,,,dev@uni.example\n';
    const out = exportGradebook(students, { ...base, target: 'moodle', match: 'email', lmsCsv: moodleExport });
    expect(rows(out.csv)).toEqual([
      ['Email address', 'DL end-sem'],
      ['Ana.Lima@uni.example', '14.5'],
    ]);
    expect(out.notInLms.map((s) => s.studentNumber)).toEqual(['S002', 'S003']);
    expect(out.notInSitting).toEqual([{ line: 3, label: 'Dev Rao' }]);
  });

  it('gives Canvas back its own identity cells and a Points Possible row', () => {
    const canvasExport =
      'Student,ID,SIS User ID,SIS Login ID,Section,Homework 1 (812)\n' +
      '    Points Possible,,,,,10\n' +
      '"Okafor, Ben",4411,S002,ben,DL-A,9\n' +
      '"Lima, Ana",4410,S001,ana,DL-A,10\n';
    const out = exportGradebook(students, { ...base, target: 'canvas', match: 'id', lmsCsv: canvasExport });
    expect(rows(out.csv)).toEqual([
      ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'DL end-sem'],
      ['Points Possible', '', '', '', '', '20'],
      ['Okafor, Ben', '4411', 'S002', 'ben', 'DL-A', '-1.5'],
      ['Lima, Ana', '4410', 'S001', 'ana', 'DL-A', '14.5'],
    ]);
    expect(out.notInLms.map((s) => s.studentNumber)).toEqual(['S003']);
  });

  it('writes Canvas columns from the roster when no Canvas export is given', () => {
    const out = exportGradebook([ana], { ...base, target: 'canvas', match: 'id' });
    expect(rows(out.csv)[2]).toEqual(['Ana Lima', '', 'S001', 'Ana.Lima@uni.example', '', '14.5']);
  });

  it('writes one row per student and question in the long CSV, with the status of points not yet final', () => {
    const out = exportGradebook(students, { ...base, target: 'long', match: 'id' });
    expect(rows(out.csv)).toEqual([
      ['student', 'name', 'question', 'points', 'maximum', 'status'],
      ['S001', 'Ana Lima', 'l2-prior', '0.5', '0.5', 'scored'],
      ['S001', 'Ana Lima', 'wasserstein', '', '2', 'ungraded'],
      ['S002', 'Ben Okafor', 'l2-prior', '-0.5', '0.5', 'scored'],
    ]);
  });

  it('refuses an LMS file without the column to match on, naming the columns it has', () => {
    expect(() =>
      exportGradebook(students, {
        ...base,
        target: 'moodle',
        match: 'email',
        lmsCsv: 'First name,ID number\nAna,S001\n',
      }),
    ).toThrow(
      new LmsRosterError(
        'the LMS file has no "Email address" or "SIS Login ID" column to match students by email (its columns: "First name", "ID number"); export the gradebook with that field, or match by student number',
      ),
    );
  });
});
