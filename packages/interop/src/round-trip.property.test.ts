import { listQuestions, score, type Exam, type StudentResponses } from '@examforge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportedBank } from './export-result.js';
import { importBank } from './import-bank.js';
import { exportMoodleXml } from './moodle-xml/export-moodle-xml.js';
import { exportQti30 } from './qti/export-qti30.js';
import { arbitraryAnswers, arbitraryExpressibleExam, type RoundTripTarget } from './test-support/expressible-exam.js';

/**
 * Issue 15, must show 3: an exam taken out to Moodle XML or QTI 3.0 and brought back scores every random class the
 * same, question by question and student by student. Questions are matched by position (an importer may rename
 * them), and each student's answers are given to the imported exam under its ids.
 */
const EXPORTERS: Record<RoundTripTarget, (exam: Exam) => ExportedBank> = {
  'moodle-xml': (exam) => exportMoodleXml(exam),
  qti30: (exam) => exportQti30(exam),
};

function roundTrip(bank: ExportedBank): { exam: Exam; report: string } {
  const imported = importBank({ name: bank.fileName, bytes: bank.bytes });
  const report = [
    ...bank.notes.map((note) => `export ${note.questionId ?? ''}: ${note.reason}`),
    ...imported.notes.map((note) => `import ${note.questionId ?? note.question ?? ''}: ${note.reason}`),
  ].join('\n');
  return { exam: imported.exam, report };
}

/** The same answers keyed by the imported exam's question ids, question by question in order. */
function renamed(responses: StudentResponses, from: Exam, to: Exam): StudentResponses {
  const ids = listQuestions(to).map(({ question }) => question.id);
  const byPosition = (record: Record<string, unknown> | undefined) =>
    Object.fromEntries(
      listQuestions(from).flatMap(({ question }, index) =>
        record?.[question.id] === undefined ? [] : [[ids[index] ?? question.id, record[question.id]]],
      ),
    );
  return {
    answers: byPosition(responses.answers) as StudentResponses['answers'],
    grades: byPosition(responses.grades) as StudentResponses['grades'],
  };
}

function scoresPerQuestion(exam: Exam, responses: StudentResponses): string[] {
  return score(exam, responses).questions.map((question) => `${question.status} ${question.points.toString()}`);
}

const classOf = (exam: Exam) => fc.array(arbitraryAnswers(exam), { minLength: 1, maxLength: 8 });

const TARGETS: readonly RoundTripTarget[] = ['moodle-xml', 'qti30'];

/**
 * What the exporter reports as not written exactly is not held to this, except a value with no decimal form (1/3)
 * in QTI: it is written as a long decimal, which the QTI importer snaps back to its fraction.
 */
function exportedExactly(bank: ExportedBank, target: RoundTripTarget): boolean {
  return bank.notes.every(
    (note) => note.questionId === undefined || (target === 'qti30' && /has no exact decimal form/.test(note.reason)),
  );
}

/** How each compared multiple-answer question was scored (weights, or its strategy): the property is not vacuous. */
function multipleScorings(exam: Exam): string[] {
  return listQuestions(exam).flatMap(({ question, section }) => {
    if (question.kind !== 'multiple') return [];
    if (question.options.some((option) => option.weight !== undefined)) return ['weights'];
    const scoring = question.scoring ?? section.scoring;
    const parameters = ['right', 'wrong', 'floor', 'ceiling'].some((name) => scoring && name in scoring);
    return [`${scoring?.strategy ?? 'all-or-nothing'}${parameters ? ' with parameters' : ''}`];
  });
}

const RUNS = 60;

describe.each(TARGETS)('Examforge → %s → Examforge', (target) => {
  it('scores every random class the same, question by question', () => {
    const compared = { exams: 0, students: 0, questions: 0, scorings: new Map<string, number>() };
    fc.assert(
      fc.property(
        arbitraryExpressibleExam(target).chain((exam) => fc.tuple(fc.constant(exam), classOf(exam))),
        ([exam, students]) => {
          const bank = EXPORTERS[target](exam);
          fc.pre(exportedExactly(bank, target));
          const { exam: back, report } = roundTrip(bank);
          expect(
            listQuestions(back).map(({ question }) => question.kind),
            report,
          ).toEqual(listQuestions(exam).map(({ question }) => question.kind));
          for (const responses of students)
            expect(scoresPerQuestion(back, renamed(responses, exam, back)), report).toEqual(
              scoresPerQuestion(exam, responses),
            );
          compared.exams += 1;
          compared.students += students.length;
          compared.questions += students.length * listQuestions(exam).length;
          for (const scoring of multipleScorings(exam))
            compared.scorings.set(scoring, (compared.scorings.get(scoring) ?? 0) + 1);
        },
      ),
      { numRuns: RUNS, seed: 20261207 },
    );
    console.info(
      `${target}: ${compared.exams} exams, ${compared.students} students, ${compared.questions} scored questions;`,
      Object.fromEntries(compared.scorings),
    );
    // Every strategy the exporter writes exactly is compared, not only generated.
    const strategies = ['weights', 'partial-credit', 'net-correct', 'all-or-nothing'];
    if (target === 'qti30') strategies.push('every-decision', 'per-option', 'per-option with parameters');
    for (const strategy of strategies) expect(compared.scorings.get(strategy) ?? 0, strategy).toBeGreaterThan(0);
  });
});
