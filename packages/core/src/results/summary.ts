import { listQuestions } from '../exam-queries.js';
import type { Exam } from '../model.js';
import { Rational } from '../rational.js';
import type { ScoreReport } from '../scoring/score.js';

export interface ResultsSummary {
  readonly students: number;
  readonly maximum: Rational;
  readonly mean: number;
  readonly median: number;
  readonly lowest: Rational;
  readonly highest: Rational;
  readonly sections: readonly { readonly sectionId: string; readonly mean: number; readonly maximum: Rational }[];
  /** Per question: share of students who earned full marks, and how many answers are flagged. */
  readonly questions: readonly { readonly questionId: string; readonly fullMarks: number; readonly flagged: number }[];
  readonly flaggedAnswers: number;
  readonly ungradedAnswers: number;
  /** Answers not read from the scan, in all (each is also flagged). */
  readonly missingAnswers: number;
  readonly notScored: readonly string[];
}

/**
 * The figures an instructor looks at first after grading. Means are reported as doubles (they are statistics, not
 * marks); totals stay exact.
 */
export function summariseResults(exam: Exam, reports: readonly ScoreReport[]): ResultsSummary {
  const totals = reports.map((report) => report.total).sort((a, b) => a.compare(b));
  const mean = (values: readonly Rational[]) =>
    values.length === 0 ? 0 : Rational.sum(values).toNumber() / values.length;
  return {
    students: reports.length,
    maximum: reports[0]?.maximum ?? Rational.ZERO,
    mean: mean(totals),
    median: median(totals),
    lowest: totals[0] ?? Rational.ZERO,
    highest: totals.at(-1) ?? Rational.ZERO,
    sections: exam.sections.map((section, index) => ({
      sectionId: section.id,
      mean: mean(reports.map((report) => report.sections[index]?.points ?? Rational.ZERO)),
      maximum: reports[0]?.sections[index]?.maximum ?? Rational.ZERO,
    })),
    questions: listQuestions(exam).map(({ question }, index) => {
      const scores = reports.map((report) => report.questions[index]);
      return {
        questionId: question.id,
        fullMarks: reports.length === 0 ? 0 : scores.filter((s) => s?.status === 'correct').length / reports.length,
        flagged: scores.filter((s) => s?.flagged).length,
      };
    }),
    flaggedAnswers: reports.reduce((sum, report) => sum + report.flagged.length, 0),
    ungradedAnswers: reports.reduce((sum, report) => sum + report.ungraded.length, 0),
    missingAnswers: reports.reduce((sum, report) => sum + report.missing.length, 0),
    notScored: reports[0]?.notScored ?? [],
  };
}

function median(sorted: readonly Rational[]): number {
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Rational.ZERO;
  return sorted.length % 2 === 1 ? upper.toNumber() : (upper.toNumber() + (sorted[middle - 1] ?? upper).toNumber()) / 2;
}
