/**
 * Workload: score 10,000 students on the bundled exam (29 questions) and 10,000 students on a generated 100-question
 * exam (70 single choice, 10 multiple answer under each strategy, 10 numeric, 10 free response), with seeded random
 * responses that include blanks, wrong answers, invalid marks and rubric grades. Timed: `score()` for every student,
 * building the full report with reasons; parsing is done once, before timing. Goal: under 1 s each.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  MULTIPLE_SCORING_STRATEGIES,
  optionLetter,
  parseExam,
  Rational,
  score,
  seededRandom,
  type Exam,
  type Question,
  type Response,
  type StudentResponses,
} from '@examforge/core';
import type { BenchmarkResult } from './run.js';

const STUDENTS = 10_000;
const RUNS = 5;

function loadBundled(): Exam {
  const path = fileURLToPath(new URL('../exams/dl-endsem-winter-2025/exam.md', import.meta.url));
  const parsed = parseExam(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  return parsed.exam;
}

function generatedExam(): Exam {
  const half = Rational.parse('0.5') as Rational;
  const option = (correct: boolean, index: number) => ({ text: `Option ${index}`, correct, fixed: false });
  const questions: Question[] = Array.from({ length: 100 }, (_, index): Question => {
    const base = { id: `q${index + 1}`, stem: `Question ${index + 1}`, keyUnknown: false, bonus: false };
    if (index < 70)
      return {
        ...base,
        kind: 'single',
        acceptAny: false,
        options: [0, 1, 2, 3].map((i) => option(i === index % 4, i)),
      };
    if (index < 80) {
      const strategy = MULTIPLE_SCORING_STRATEGIES[index % MULTIPLE_SCORING_STRATEGIES.length] ?? 'all-or-nothing';
      return {
        ...base,
        kind: 'multiple',
        scoring: { strategy },
        options: [0, 1, 2, 3, 4].map((i) => option(i % 2 === 0, i)),
      };
    }
    if (index < 90)
      return { ...base, kind: 'numeric', answer: { value: index * 1.5, tolerance: { kind: 'relative', percent: 1 } } };
    return { ...base, kind: 'free', rubric: [1, 2, 3].map((i) => ({ id: `r${i}`, points: half, text: `Item ${i}` })) };
  });
  return {
    id: 'generated-100',
    title: 'Generated',
    duration: 120,
    sections: [{ id: 'all', title: 'All', marks: Rational.ONE, penalty: half, questions }],
  };
}

function responsesFor(exam: Exam, seed: number): StudentResponses[] {
  const next = seededRandom(`score-bench-${seed}`);
  const questions = exam.sections.flatMap((section) => section.questions);
  return Array.from({ length: STUDENTS }, () => {
    const answers: Record<string, Response> = {};
    const grades: StudentResponses['grades'] & object = {};
    for (const question of questions) {
      const roll = next();
      if (roll < 0.08) continue;
      if (question.kind === 'single' || question.kind === 'multiple') {
        const letters = question.options
          .map((_, i) => optionLetter(i))
          .filter(() => next() < (question.kind === 'single' ? 0.3 : 0.5));
        const letter = optionLetter(Math.floor(next() * question.options.length));
        answers[question.id] =
          roll < 0.12
            ? { kind: 'choice', selected: [], invalidMarks: [{ option: letter, mark: 'tick' }] }
            : { kind: 'choice', selected: question.kind === 'single' ? [letter] : letters };
      } else if (question.kind === 'numeric') {
        answers[question.id] = { kind: 'numeric', value: (question.answer?.value ?? 0) * (0.98 + next() * 0.04) };
      } else {
        answers[question.id] = { kind: 'text', text: 'answer' };
        Object.assign(grades, {
          [question.id]: { kind: 'rubric', items: ['r1', 'r2', 'r3'].filter(() => next() < 0.6) },
        });
      }
    }
    return { answers, grades };
  });
}

function time(exam: Exam, students: readonly StudentResponses[]): { median: number; best: number; checksum: string } {
  let checksum = Rational.ZERO;
  for (const responses of students.slice(0, 200)) score(exam, responses); // warm up
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    let total = Rational.ZERO;
    for (const responses of students) total = total.plus(score(exam, responses).total);
    runs.push(performance.now() - start);
    checksum = total;
  }
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor(RUNS / 2)] ?? 0, best: runs[0] ?? 0, checksum: checksum.toString() };
}

export function benchmarkScore(): BenchmarkResult {
  const rows = [
    { exam: 'bundled (29 questions)', ...time(loadBundled(), responsesFor(loadBundled(), 1)) },
    { exam: 'generated (100 questions)', ...time(generatedExam(), responsesFor(generatedExam(), 2)) },
  ].map(({ exam, median, best, checksum }) => ({
    exam,
    students: STUDENTS,
    'median ms': Math.round(median),
    'best ms': Math.round(best),
    'µs per student': Math.round((median * 1000) / STUDENTS),
    'sum of totals': checksum,
  }));
  return { name: 'score', workload: `${STUDENTS} students per exam, median of ${RUNS} runs after a warm-up`, rows };
}
