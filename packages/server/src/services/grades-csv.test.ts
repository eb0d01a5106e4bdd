import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.js';
import { readGradesCsv } from './grades-csv.js';

const HEADER = 'student,question,rubric items,adjustment,adjustment reason,comment';

describe('reading a grades CSV', () => {
  it('numbers rows as a spreadsheet does, across multi-line cells, blank lines and mixed line endings', () => {
    const csv = `${HEADER}\r\ns1,q,a,,,"two\nlines"\n\ns2,q,b,,,x\n`;
    expect(readGradesCsv(csv).map((row) => [row.row, row.student, row.comment])).toEqual([
      [2, 's1', 'two\nlines'],
      [4, 's2', 'x'],
    ]);
  });

  it('takes the columns in any order and other spellings, ignores other columns, and removes one formula guard', () => {
    const csv = `Comment,answer,Student_Number,Question,items,Adjustment,Reason\n"'=fine",x,s1,q, a b ,0.5,"''why"\n`;
    expect(readGradesCsv(csv)).toEqual([
      {
        row: 2,
        student: 's1',
        question: 'q',
        items: 'a b',
        adjustment: '0.5',
        adjustmentReason: "'why",
        comment: '=fine',
      },
    ]);
  });

  it('names row 1 and the missing columns when the header lacks some', () => {
    const read = () => readGradesCsv('student,question,comment\ns1,q,x\n');
    expect(read).toThrow(HttpError);
    expect(read).toThrow('row 1 (the header) has no column "rubric items", "adjustment", "adjustment reason"');
  });
});
