import { readFileSync } from 'node:fs';
import { listQuestions, parseExam, score, type Exam, type QuestionScore, type StudentResponses } from '@examforge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAnswers, arbitraryExpressibleExam } from '../test-support/expressible-exam.js';
import { exportGift } from './export-gift.js';
import { importGift } from './import-gift.js';

const BUNDLED = new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url);

function bundledExam(): Exam {
  const parsed = parseExam(readFileSync(BUNDLED, 'utf8'));
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  return parsed.exam;
}

function roundTrip(exam: Exam) {
  const bank = exportGift(exam);
  const back = importGift({ name: bank.fileName, bytes: bank.bytes });
  return { bank, back: back.exam, text: new TextDecoder().decode(bank.bytes) };
}

/**
 * Each question's score as a share of its marks (GIFT has no marks: Moodle gives every question 1), with its status;
 * a question not scored says so.
 */
function shares(exam: Exam, responses: StudentResponses, ids: readonly string[]): string[] {
  const byId = new Map(score(exam, responses).questions.map((question) => [question.questionId, question]));
  return ids.map((id) => share(byId.get(id)));
}

function share(question: QuestionScore | undefined): string {
  if (!question) return 'absent';
  if (question.maximum.isZero()) return question.status;
  return `${question.status} ${question.points.dividedBy(question.maximum).toString()}`;
}

describe('exportGift', () => {
  it('writes the bundled exam so that its keyed questions come back with the same ids, keys and weights', () => {
    const exam = bundledExam();
    const { bank, back, text } = roundTrip(exam);
    expect(bank.fileName).toBe('dl-endsem-winter-2025.gift.txt');
    expect(text).toContain('$CATEGORY: $course$/End-Semester Exam – Deep Learning (DL)/Beginner');
    expect(text).toContain('// [id:l2-prior]\n::L2 regularisation prior::[html]');
    expect(back.sections.map((section) => section.title)).toEqual(['Beginner', 'Intermediate', 'Advanced']);
    const original = listQuestions(exam).filter(({ question }) => !question.keyUnknown);
    const returned = new Map(listQuestions(back).map(({ question }) => [question.id, question]));
    expect([...returned.keys()]).toEqual(original.map(({ question }) => question.id));
    for (const { question } of original) {
      const again = returned.get(question.id);
      expect(again?.kind).toBe(question.kind);
      if (question.kind !== 'single' || again?.kind !== 'single') continue;
      expect(again.options.map((option) => option.correct)).toEqual(question.options.map((option) => option.correct));
      // A wrong answer costs the whole mark (0.5 of 0.5): Moodle's -100 %.
      expect(again.options.map((option) => option.weight?.toString())).toEqual(
        question.options.map((option) => (option.correct ? '1' : '-1')),
      );
    }
  });

  it('lists what GIFT cannot hold: marks, unknown keys, rubrics', () => {
    const { bank } = roundTrip(bundledExam());
    const byKind = (keptAs: string) => bank.notes.filter((note) => note.keptAs === keptAs);
    expect(byKind('left-out')).toEqual([]);
    expect(bank.notes.filter((note) => note.reason.includes('key is unknown')).map((note) => note.questionId)).toEqual(
      listQuestions(bundledExam()).flatMap(({ question }) => (question.keyUnknown ? [question.id] : [])),
    );
    expect(bank.notes.filter((note) => note.reason.startsWith('GIFT has no rubric'))).toHaveLength(3);
    expect(bank.notes[0]?.reason).toMatch(/^GIFT has no marks/);
  });

  it('scores random answers to the bundled exam the same after the round trip, as a share of the marks', () => {
    const exam = bundledExam();
    const { back } = roundTrip(exam);
    const ids = listQuestions(back).flatMap(({ question }) => (question.kind === 'free' ? [] : [question.id]));
    fc.assert(
      fc.property(arbitraryAnswers(exam), (responses) => {
        expect(shares(back, responses, ids)).toEqual(shares(exam, responses, ids));
      }),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it('round-trips random exams (single, weighted multiple, numeric): every question the report does not name scores the same', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        arbitraryExpressibleExam('moodle-xml').chain((exam) =>
          fc.tuple(fc.constant(exam), fc.array(arbitraryAnswers(exam), { minLength: 1, maxLength: 6 })),
        ),
        ([exam, students]) => {
          const { bank, back } = roundTrip(exam);
          const named = new Set(bank.notes.map((note) => note.questionId));
          const ids = listQuestions(exam).flatMap(({ question }) =>
            question.kind === 'free' || named.has(question.id) ? [] : [question.id],
          );
          expect(listQuestions(back).map(({ question }) => question.kind)).toEqual(
            listQuestions(exam).map(({ question }) => question.kind),
          );
          compared += ids.length;
          for (const responses of students) expect(shares(back, responses, ids)).toEqual(shares(exam, responses, ids));
        },
      ),
      { numRuns: 40, seed: 20261207 },
    );
    // Not vacuous: most questions are written exactly, so most are compared.
    expect(compared).toBeGreaterThan(100);
  });

  it('escapes GIFT control characters and keeps TeX', () => {
    const exam = bundledExam();
    const { text } = roundTrip(exam);
    expect(text).toContain('\\\\(\\\\mathcal\\{L\\}(\\\\theta) \\= \\\\mathbb\\{E\\}');
    expect(text).toContain('~%-100%Laplace');
    expect(text).toContain('=Gaussian');
  });
});
