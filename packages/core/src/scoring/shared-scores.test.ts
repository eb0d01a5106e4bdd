import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../rational.js';
import { arbitraryExam, arbitraryResponses } from '../test-support/arbitrary-exam.js';
import { INVALID_MARKS_POLICIES, type ScoringPolicy } from './policy.js';
import { BLANK } from './responses.js';
import { compileExam, findSharedScore } from './shared-scores.js';
import { score, scoreQuestion } from './score.js';

const policy: fc.Arbitrary<ScoringPolicy> = fc.record({
  severalMarks: fc.constantFrom('zero' as const, 'wrong' as const),
  invalidMarks: fc.constantFrom(...INVALID_MARKS_POLICIES),
});
const examWithResponses = arbitraryExam.chain((exam) =>
  fc.tuple(fc.constant(exam), fc.array(arbitraryResponses(exam), { minLength: 1, maxLength: 4 }), policy),
);
const options = { numRuns: 300, seed: 20261206 };

/**
 * `score` takes most answers' scores from the shared ones and adds points in integer units: neither may change a
 * score. Held on random exams (dropped questions, unknown keys, multiple-answer strategies, written questions with
 * rubrics) and random answers (blanks, invalid and several marks, unknown letters, answers not read, grades).
 */
describe('shared scores', () => {
  it('are what scoring the answer in full gives, under every policy', () => {
    fc.assert(
      fc.property(examWithResponses, ([exam, students, p]) => {
        for (const responses of students) {
          for (const shared of compileExam(exam).questions) {
            const response = responses.answers[shared.plan.question.id] ?? BLANK;
            const found = findSharedScore(shared, response);
            if (found)
              expect(found).toEqual(
                scoreQuestion(shared.plan, response, responses.grades?.[shared.plan.question.id], p),
              );
          }
        }
      }),
      options,
    );
  });

  it('leave every total and section sum as scoring each answer in full and adding rationals gives', () => {
    fc.assert(
      fc.property(examWithResponses, ([exam, students, p]) => {
        for (const responses of students) {
          const report = score(exam, responses, p);
          const reference = compileExam(exam).questions.map(({ plan }) =>
            scoreQuestion(plan, responses.answers[plan.question.id] ?? BLANK, responses.grades?.[plan.question.id], p),
          );
          expect(report.questions).toEqual(reference);
          exam.sections.forEach((section, index) => {
            const points = Rational.sum(reference.filter((q) => q.sectionId === section.id).map((q) => q.points));
            expect(report.sections[index]?.points.equals(points), section.id).toBe(true);
          });
          expect(report.rawTotal.equals(Rational.sum(reference.map((q) => q.points)))).toBe(true);
        }
      }),
      options,
    );
  });
});
