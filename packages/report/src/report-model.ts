import {
  analyseItems,
  analysisInput,
  listQuestions,
  notAnalysedReason,
  optionLetter,
  type Exam,
  type ItemStatistics,
  type PlacedQuestion,
  type ScoredStudent,
  type TestStatistics,
} from '@examforge/core';
import type { Verdict } from '@examforge/checks';

export interface AnalysedQuestion {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  /** The keyed option letters of a choice question (`b`), empty otherwise. */
  readonly key: readonly string[];
  readonly statistics: ItemStatistics;
  /**
   * `verify`'s verdict when it ran: `no-check` for a question without a check, `computed` for a computed question
   * (its check runs per instance: `verify --seeds`).
   */
  readonly verdict?: AnalysisVerdict;
  /** Why no computation can decide the question (its `### No check` part), when it says. */
  readonly noCheck?: string;
}

export type AnalysisVerdict = Verdict | 'no-check' | 'computed';

export interface NotAnalysedQuestion {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly reason: string;
}

/** Everything `analyse` presents, in the terminal, the CSVs and the HTML report alike. */
export interface AnalysisReport {
  readonly examId: string;
  readonly examTitle: string;
  /** Whose answers these are, in words (the server's sitting, or every sitting of a version); absent for a file. */
  readonly scope?: string;
  readonly students: number;
  /** Full marks of the analysed exam (questions not scored excluded). */
  readonly maximum: number;
  readonly test: TestStatistics;
  readonly questions: readonly AnalysedQuestion[];
  readonly notAnalysed: readonly NotAnalysedQuestion[];
  /** Written answers not graded yet, and answers not read from a scan: left out of the figures, never 0. */
  readonly ungradedAnswers: number;
  readonly unreadAnswers: number;
  /** Whether `verify` ran (verdicts are then set on every analysed question). */
  readonly verified: boolean;
}

/**
 * Analyses a scored class with core's item analysis and places each item on the paper (number, title, key), with the
 * questions left out and why. `verdicts` are `verify`'s, by question id, when it ran.
 */
export function analysisReport(
  exam: Exam,
  scored: readonly ScoredStudent[],
  verdicts?: ReadonlyMap<string, Verdict>,
): AnalysisReport {
  const analysis = analyseItems(analysisInput(exam, scored));
  const placed = new Map(listQuestions(exam).map((entry) => [entry.question.id, entry]));
  const analysed = new Set(analysis.items.map((item) => item.id));
  const questions = analysis.items.map((statistics): AnalysedQuestion => {
    const entry = placed.get(statistics.id);
    return {
      ...describe(entry, statistics.id),
      key: keyOf(entry),
      statistics,
      ...(verdicts && { verdict: verdictOf(entry, verdicts) }),
      ...(entry?.question.noCheck && { noCheck: entry.question.noCheck.replace(/\s+/g, ' ').trim() }),
    };
  });
  const notAnalysed = [...placed.values()]
    .filter((entry) => !analysed.has(entry.question.id))
    .map((entry) => ({
      ...describe(entry, entry.question.id),
      reason: notAnalysedReason(entry.question, scored.length),
    }));
  return {
    examId: exam.id,
    examTitle: exam.title,
    students: scored.length,
    maximum: analysis.items.reduce((sum, item) => sum + item.maximum, 0),
    test: analysis.test,
    questions,
    notAnalysed,
    ungradedAnswers: countAnswers(scored, analysed, 'ungraded'),
    unreadAnswers: countAnswers(scored, analysed, 'missing'),
    verified: verdicts !== undefined,
  };
}

function verdictOf(entry: PlacedQuestion | undefined, verdicts: ReadonlyMap<string, Verdict>): AnalysisVerdict {
  if (entry?.question.generator) return 'computed';
  return verdicts.get(entry?.question.id ?? '') ?? 'no-check';
}

function describe(entry: PlacedQuestion | undefined, id: string): { number: number; id: string; title: string } {
  return { number: entry?.number ?? 0, id, title: entry?.question.title ?? id };
}

function keyOf(entry: PlacedQuestion | undefined): string[] {
  const question = entry?.question;
  if (question?.kind !== 'single' && question?.kind !== 'multiple') return [];
  return question.options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : []));
}

function countAnswers(
  scored: readonly ScoredStudent[],
  analysed: ReadonlySet<string>,
  list: 'ungraded' | 'missing',
): number {
  let count = 0;
  for (const { report } of scored) count += report[list].filter((id) => analysed.has(id)).length;
  return count;
}
