import { computedTotal, listQuestions, marksOf, questionsWithoutKey, Rational, type Exam } from '@examforge/core';
import type { Styles } from '../console.js';
import { texToText } from './tex-to-text.js';

/** The exam at a glance: what lint and show print first. */
export function renderOverview(exam: Exam, s: Styles): string[] {
  const questions = listQuestions(exam);
  const term = exam.term ? ` · ${exam.term}` : '';
  const lines = [
    `${s.bold(exam.title)}${term}  ${s.dim(`(${exam.id})`)}`,
    `${plural(questions.length, 'question')} in ${plural(exam.sections.length, 'section')} · ${computedTotal(exam).toString()} marks · ${exam.duration} minutes`,
  ];
  const rows = exam.sections.map((section) => {
    const marks = Rational.sum(section.questions.map((question) => marksOf(question, section)));
    const distinct = new Set(section.questions.map((question) => marksOf(question, section).toString()));
    const each =
      distinct.size === 1
        ? `${section.questions.length} × ${[...distinct][0]} marks`
        : plural(section.questions.length, 'question');
    const negative = section.penalty.isZero() ? '' : `, −${section.penalty.toString()} for a wrong answer`;
    return [section.title, `${each}${negative}`, `${marks.toString()} marks`] as const;
  });
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  for (const [title, rule, total] of rows) {
    lines.push(`  ${title.padEnd(widths[0] ?? 0)}  ${rule.padEnd(widths[1] ?? 0)}  ${total.padStart(9)}`);
  }
  return lines;
}

/** The questions without a known key, one per line with number, id and title. */
export function renderWithoutKey(exam: Exam, s: Styles): string[] {
  const missing = questionsWithoutKey(exam);
  if (missing.length === 0) return [];
  const idWidth = Math.max(...missing.map(({ question }) => question.id.length));
  return [
    s.warning(`${plural(missing.length, 'question')} without a legible key`) +
      ' — reported as not scored until a key is set:',
    ...missing.map(
      ({ question, number }) =>
        `  Q${String(number).padEnd(3)} ${question.id.padEnd(idWidth)}  ${s.dim(texToText(question.title ?? firstLine(question.stem)))}`,
    ),
  ];
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
