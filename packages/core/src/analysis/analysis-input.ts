import { listQuestions } from '../exam-queries.js';
import { optionLetter, type Exam, type Question } from '../model.js';
import type { QuestionScore } from '../scoring/question-score.js';
import type { Response, StudentResponses } from '../scoring/responses.js';
import type { ScoreReport } from '../scoring/score.js';
import { compileExam, type SharedScores } from '../scoring/shared-scores.js';
import type { AnalysisInput, ChoiceCell, ItemInput } from './item-analysis.js';

export interface ScoredStudent {
  readonly responses: StudentResponses;
  readonly report: ScoreReport;
}

/**
 * The items of a class's scored answers: one per question that is scored (not dropped, key known, not bonus), its
 * points per student, NaN where the answer is not available (ungraded, not read from a scan) so the statistics leave
 * it out instead of counting a 0; single-choice questions also carry each student's option.
 */
export function analysisInput(exam: Exam, students: readonly ScoredStudent[]): AnalysisInput {
  const questions = listQuestions(exam).map(({ question }) => question);
  const columns = questions.map(() => new Float64Array(students.length).fill(Number.NaN));
  const maxima = questions.map(() => 0);
  // Student by student, each report read in order: reading a column across 10,000 reports misses the cache.
  students.forEach(({ report }, row) => {
    report.questions.forEach((score, index) => {
      const unavailable = score.status === 'ungraded' || score.status === 'missing' || score.status === 'not-scored';
      const column = columns[index];
      if (column) column[row] = unavailable ? Number.NaN : score.points.toNumber();
      if (maxima[index] === 0 && score.maximum.numerator > 0) maxima[index] = score.maximum.toNumber();
    });
  });
  const choices = choiceColumns(exam, questions, students);
  const items = questions.flatMap((question, index): ItemInput[] => {
    const maximum = maxima[index] ?? 0;
    const scores = columns[index];
    // Not scored, dropped (with full marks to all too: a constant tells nothing), bonus: nothing to analyse.
    if (maximum === 0 || question.dropped !== undefined || !scores) return [];
    const choice = choices.get(question.id);
    return [{ id: question.id, maximum, scores, ...(choice && { choice }) }];
  });
  return { students: students.length, items, step: smallestStep(items) };
}

/** The option tables' cells, filled student by student (an answer looked up across 10,000 students misses the cache). */
function choiceColumns(
  exam: Exam,
  questions: readonly Question[],
  students: readonly ScoredStudent[],
): Map<string, NonNullable<ItemInput['choice']>> {
  const shared = compileExam(exam).questions;
  const tabled = questions.flatMap((question, index) => {
    const scores = shared[index];
    return hasOptionTable(question) && scores ? [{ question, index, scores }] : [];
  });
  const columns = tabled.map(() => new Array<ChoiceCell>(students.length));
  students.forEach(({ responses, report }, row) => {
    tabled.forEach(({ question, index, scores }, column) => {
      // Most answers' scores are shared ones that already say what was chosen; the others are read again.
      const known = sharedChoice(scores, report.questions[index]);
      const cells = columns[column];
      if (cells) cells[row] = known === undefined ? choiceCell(responses.answers[question.id]) : known;
    });
  });
  return new Map(
    tabled.map(({ question }, index) => [
      question.id,
      {
        options: question.options.map((_, option) => optionLetter(option)),
        key: question.options.flatMap((option, position) => (option.correct ? [optionLetter(position)] : [])),
        cells: columns[index] ?? [],
      },
    ]),
  );
}

/** Single-choice questions with fixed options have an option table; computed ones differ per student. */
function hasOptionTable(question: Question): question is Extract<Question, { kind: 'single' }> {
  return question.kind === 'single' && question.generator === undefined;
}

/** The cell a shared score stands for (scoring gives it only for these answers), or undefined for any other score. */
function sharedChoice(shared: SharedScores, score: QuestionScore | undefined): ChoiceCell | undefined {
  if (score === shared.blank) return 'blank';
  if (score === shared.notRead) return null;
  const option = score ? shared.byOption.indexOf(score) : -1;
  return option < 0 ? undefined : optionLetter(option);
}

function choiceCell(response: Response | undefined): ChoiceCell {
  if (!response || response.kind === 'blank') return 'blank';
  if (response.kind === 'missing') return null;
  if (response.kind !== 'choice') return 'invalid';
  if (response.selected.length === 1) return response.selected[0] ?? 'blank';
  if (response.selected.length > 1) return 'several';
  return (response.invalidMarks?.length ?? 0) > 0 ? 'invalid' : 'blank';
}

/** The smallest mark a total moves by: the greatest common step of the items' maxima, at most 1. */
function smallestStep(items: readonly ItemInput[]): number {
  for (const step of [1, 0.5, 0.25]) {
    if (items.every((item) => Number.isInteger(item.maximum / step))) return step;
  }
  return 0.25;
}
