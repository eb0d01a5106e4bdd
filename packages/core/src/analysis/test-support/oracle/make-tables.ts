/**
 * Writes the response tables the R oracle reads (`npx tsx packages/core/src/analysis/test-support/oracle/make-tables.ts`,
 * then `Rscript …/item-analysis.R`): the bundled exam's sample responses as scored, and simulated classes with
 * blanks, invalid marks, several marks, ungraded written answers and pages not read. The tables and R's answers are
 * committed; the tests read them and need no R.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { analysisInput } from '../../analysis-input.js';
import { score } from '../../../scoring/score.js';
import { readResponseTable } from '../../../table/response-table.js';
import { listQuestions, marksOf } from '../../../exam-queries.js';
import { bundledExam } from '../../../test-support/bundled-exam.js';
import { droppedAndUngradedClass } from '../dropped-and-ungraded-class.js';
import { writeOracleTable, type LeftOutQuestion } from '../oracle-tables.js';
import { simulateClass } from '../simulated-class.js';

const directory = fileURLToPath(new URL('./tables/', import.meta.url));
mkdirSync(directory, { recursive: true });

const exam = bundledExam();
const sample = readFileSync(
  fileURLToPath(new URL('../../../../../../exams/dl-endsem-winter-2025/sample-responses.csv', import.meta.url)),
  'utf8',
);
const rows: string[][] = parse(sample);
const table = readResponseTable(exam, rows);
writeOracleTable(
  directory,
  'bundled-sample',
  analysisInput(
    exam,
    table.students.map((student) => ({ responses: student.responses, report: score(exam, student.responses) })),
  ),
);
writeOracleTable(
  directory,
  'small-complete',
  simulateClass({ seed: 'oracle-small', students: 40, choiceQuestions: 8, blankShare: 0, invalidShare: 0 }),
);
writeOracleTable(
  directory,
  'negative-marking',
  simulateClass({
    seed: 'oracle-negative',
    students: 300,
    choiceQuestions: 26,
    writtenQuestions: 3,
    ungradedShare: 0.1,
  }),
);
writeOracleTable(
  directory,
  'pages-not-read',
  simulateClass({
    seed: 'oracle-unread',
    students: 500,
    choiceQuestions: 30,
    writtenQuestions: 2,
    unreadShare: 0.04,
    ungradedShare: 0.05,
    wrongKeys: [3],
  }),
);
writeOracleTable(
  directory,
  'large',
  simulateClass({
    seed: 'oracle-large',
    students: 2000,
    choiceQuestions: 56,
    writtenQuestions: 4,
    ungradedShare: 0.08,
    invalidShare: 0.05,
    wrongKeys: [10, 40],
  }),
);
{
  // Through scoring: the dropped and keyless questions are written with their points and why R must leave them out.
  const { exam: dropped, students } = droppedAndUngradedClass();
  const input = analysisInput(dropped, students);
  const analysed = new Set(input.items.map((item) => item.id));
  const leftOut = listQuestions(dropped).flatMap(({ question, section }, index): LeftOutQuestion[] => {
    if (analysed.has(question.id)) return [];
    const scores = Float64Array.from(students, ({ report }) => {
      const points = report.questions[index];
      return !points || points.status === 'not-scored' ? Number.NaN : points.points.toNumber();
    });
    const reason = question.dropped ? `dropped ${question.dropped}` : 'key unknown';
    const maximum = marksOf(question, section).toNumber();
    return [{ id: question.id, maximum, scores, reason }];
  });
  writeOracleTable(directory, 'dropped-and-ungraded', input, leftOut);
}
console.log(`tables written to ${directory}`);
