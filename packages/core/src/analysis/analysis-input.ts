import { listQuestions } from '../exam-queries.js';
import { optionLetter, type Exam, type Question } from '../model.js';
import type { Response, StudentResponses } from '../scoring/responses.js';
import type { ScoreReport } from '../scoring/score.js';
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
  const items: ItemInput[] = [];
  listQuestions(exam).forEach(({ question }, index) => {
    // Plain loops: this runs once per question per student (a million cells for 10,000 × 100).
    let maximum: number | undefined;
    const column = new Float64Array(students.length);
    for (let row = 0; row < students.length; row += 1) {
      const score = students[row]?.report.questions[index];
      const unavailable =
        !score || score.status === 'ungraded' || score.status === 'missing' || score.status === 'not-scored';
      column[row] = unavailable ? Number.NaN : score.points.toNumber();
      if (maximum === undefined && score && score.maximum.numerator > 0) maximum = score.maximum.toNumber();
    }
    if (maximum === undefined) return; // not scored, dropped, bonus: nothing to analyse
    const item: ItemInput = { id: question.id, maximum, scores: column };
    if (!hasOptionTable(question)) {
      items.push(item);
      return;
    }
    const cells = new Array<ChoiceCell>(students.length);
    for (let row = 0; row < students.length; row += 1)
      cells[row] = choiceCell(students[row]?.responses.answers[question.id]);
    items.push({
      ...item,
      choice: {
        options: question.options.map((_, option) => optionLetter(option)),
        key: question.options.flatMap((option, position) => (option.correct ? [optionLetter(position)] : [])),
        cells,
      },
    });
  });
  return { students: students.length, items, step: smallestStep(items) };
}

/** Single-choice questions with fixed options have an option table; computed ones differ per student. */
function hasOptionTable(question: Question): question is Extract<Question, { kind: 'single' }> {
  return question.kind === 'single' && question.generator === undefined;
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
