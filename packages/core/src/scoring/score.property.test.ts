import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionLetter, type Exam } from '../model.js';
import { Rational } from '../rational.js';
import { arbitraryExam, arbitraryResponses } from '../test-support/arbitrary-exam.js';
import { DEFAULT_POLICY, INVALID_MARKS_POLICIES, type ScoringPolicy } from './policy.js';
import type { Response, StudentResponses } from './responses.js';
import { score } from './score.js';
import { scoreRange } from './score-range.js';

const policy: fc.Arbitrary<ScoringPolicy> = fc.record({
  severalMarks: fc.constantFrom('zero' as const, 'wrong' as const),
  invalidMarks: fc.constantFrom(...INVALID_MARKS_POLICIES),
});
const examWithResponses = arbitraryExam.chain((exam) => fc.tuple(fc.constant(exam), arbitraryResponses(exam), policy));
const options = { numRuns: 300, seed: 20251125 };

/** The right answer to a question, when it has one. */
function rightAnswer(exam: Exam, questionId: string): Response | undefined {
  const question = exam.sections.flatMap((s) => s.questions).find((q) => q.id === questionId);
  if (!question) return undefined;
  if (question.kind === 'single') {
    const index = question.options.findIndex((o) => o.correct);
    return index < 0 ? undefined : { kind: 'choice', selected: [optionLetter(index)] };
  }
  if (question.kind === 'multiple') {
    const selected = question.options.flatMap((o, i) => (o.correct ? [optionLetter(i)] : []));
    return selected.length === 0 ? undefined : { kind: 'choice', selected };
  }
  if (question.kind === 'numeric') return question.answer && { kind: 'numeric', value: question.answer.value };
  return undefined;
}

describe('scoring properties', () => {
  it('the total is the sum of the question points and of the section totals', () => {
    fc.assert(
      fc.property(examWithResponses, ([exam, responses, p]) => {
        const report = score(exam, responses, p);
        expect(Rational.sum(report.questions.map((q) => q.points)).equals(report.total)).toBe(true);
        expect(Rational.sum(report.sections.map((s) => s.points)).equals(report.total)).toBe(true);
        expect(Rational.sum(report.questions.map((q) => q.maximum)).equals(report.maximum)).toBe(true);
      }),
      options,
    );
  });

  it('the total lies between the lowest and the highest possible total', () => {
    fc.assert(
      fc.property(examWithResponses, ([exam, responses, p]) => {
        const { lowest, highest } = scoreRange(exam);
        const { total } = score(exam, responses, p);
        expect(total.compare(lowest)).toBeGreaterThanOrEqual(0);
        expect(total.compare(highest)).toBeLessThanOrEqual(0);
      }),
      options,
    );
  });

  it('changing an answer to the right one never lowers the score', () => {
    fc.assert(
      fc.property(examWithResponses, fc.nat(), ([exam, responses, p], pick) => {
        const ids = exam.sections.flatMap((s) => s.questions).map((q) => q.id);
        const id = ids[pick % ids.length] ?? '';
        const right = rightAnswer(exam, id);
        fc.pre(right !== undefined);
        const corrected: StudentResponses = { ...responses, answers: { ...responses.answers, [id]: right } };
        const before = score(exam, responses, p).total;
        const after = score(exam, corrected, p).total;
        expect(after.compare(before)).toBeGreaterThanOrEqual(0);
      }),
      options,
    );
  });

  it('is deterministic: the same input gives the same report', () => {
    fc.assert(
      fc.property(examWithResponses, ([exam, responses]) => {
        expect(score(exam, responses, DEFAULT_POLICY)).toEqual(score(exam, responses, DEFAULT_POLICY));
      }),
      { ...options, numRuns: 50 },
    );
  });
});
