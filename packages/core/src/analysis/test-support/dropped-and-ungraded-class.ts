import { seededRandom } from '../../delivery/seeded-random.js';
import { dropQuestion } from '../../edit.js';
import { listQuestions } from '../../exam-queries.js';
import { optionLetter, type Exam, type Question } from '../../model.js';
import type { Grade, Response, StudentResponses } from '../../scoring/responses.js';
import { score } from '../../scoring/score.js';
import { bundledExam } from '../../test-support/bundled-exam.js';
import type { ScoredStudent } from '../analysis-input.js';

/**
 * The bundled exam (negative marking in its first section, 8 questions without a key, 3 written questions with
 * rubrics) with one question dropped for everyone and one dropped with full marks to everyone, answered by a seeded
 * class and scored as results are: blanks, ticks, several marks, answers not read, rubric grades, and written answers
 * left ungraded. The oracle's table of it goes through `score` and `analysisInput`, so the dropped, keyless and
 * ungraded questions are left out (or NA) by the code under test, and by R from the table's own columns.
 */
export const DROPPED = { exclude: 'resnet-residual-gradient', fullMarks: 'dilation-rate-effect' } as const;

export function droppedAndUngradedExam(): Exam {
  return dropQuestion(dropQuestion(bundledExam(), DROPPED.exclude, 'exclude'), DROPPED.fullMarks, 'full-marks');
}

export function droppedAndUngradedClass(students = 400): { exam: Exam; students: ScoredStudent[] } {
  const exam = droppedAndUngradedExam();
  const random = seededRandom('oracle-dropped-ungraded');
  const questions = listQuestions(exam).map(({ question }) => question);
  const difficulty = questions.map(() => random() * 2 - 1);
  const scored = Array.from({ length: students }, (): ScoredStudent => {
    const ability = random() * 3 - 1.5;
    const answers: Record<string, Response> = {};
    const grades: Record<string, Grade> = {};
    questions.forEach((question, index) => {
      const knows = random() < 1 / (1 + Math.exp(-1.5 * (ability - (difficulty[index] ?? 0))));
      answers[question.id] = answer(question, knows, random);
      const grade = gradeOf(question, ability, random);
      if (grade && answers[question.id]?.kind === 'text') grades[question.id] = grade;
    });
    const responses: StudentResponses = { answers, grades };
    return { responses, report: score(exam, responses) };
  });
  return { exam, students: scored };
}

function answer(question: Question, knows: boolean, random: () => number): Response {
  const roll = random();
  if (roll < 0.02) return { kind: 'missing' };
  if (question.kind === 'free') return roll < 0.07 ? { kind: 'blank' } : { kind: 'text', text: 'an answer' };
  if (question.kind !== 'single') return { kind: 'blank' };
  const key = question.options.findIndex((option) => option.correct);
  if (knows && key >= 0) return { kind: 'choice', selected: [optionLetter(key)] };
  if (roll < 0.14) return { kind: 'blank' };
  if (roll < 0.18) return { kind: 'choice', selected: [], invalidMarks: [{ option: 'a', mark: 'tick' }] };
  if (roll < 0.2) return { kind: 'choice', selected: ['a', 'c'] };
  return { kind: 'choice', selected: [optionLetter(Math.floor(random() * question.options.length))] };
}

/** A rubric grade (each item applied more often to the strong), or none: 12 % of written answers wait for a grader. */
function gradeOf(question: Question, ability: number, random: () => number): Grade | undefined {
  if (question.kind !== 'free' || random() < 0.12) return undefined;
  const items = question.rubric.filter(() => random() < 1 / (1 + Math.exp(-1.2 * ability))).map((item) => item.id);
  return { kind: 'rubric', items };
}
