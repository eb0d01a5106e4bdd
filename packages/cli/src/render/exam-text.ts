import {
  listQuestions,
  marksOf,
  optionLetter,
  penaltyOf,
  type Exam,
  type Question,
  type Section,
} from '@examforge/core';
import type { Styles } from '../console.js';
import { renderOverview } from './exam-overview.js';
import { texToText } from './tex-to-text.js';
import { wrap } from './wrap.js';

export interface ExamTextOptions {
  /** Hide the key, explanations, solutions, rubrics and notes: the paper as a student sees it. */
  readonly student: boolean;
  readonly width: number;
  /** Only these questions (ids); all when empty. */
  readonly only: readonly string[];
}

/** The exam as readable terminal text, math turned into Unicode. */
export function renderExamText(exam: Exam, options: ExamTextOptions, s: Styles): string[] {
  const lines = [...renderOverview(exam, s)];
  if (exam.instructions && options.only.length === 0)
    lines.push('', s.heading('Instructions'), ...indent(wrapped(exam.instructions, options.width - 2), 2));
  let currentSection: Section | undefined;
  for (const { question, section, number } of listQuestions(exam)) {
    if (options.only.length > 0 && !options.only.includes(question.id)) continue;
    if (section !== currentSection) {
      currentSection = section;
      const penalty = section.penalty.isZero() ? '' : `, −${section.penalty.toString()} for a wrong answer`;
      lines.push('', s.heading(`━━ ${section.title} · ${section.marks.toString()} marks each${penalty} ━━`));
    }
    lines.push('', ...renderQuestion(question, section, number, options, s));
  }
  return lines;
}

function renderQuestion(
  question: Question,
  section: Section,
  number: number,
  options: ExamTextOptions,
  s: Styles,
): string[] {
  const marks = marksOf(question, section);
  const flags = [
    question.keyUnknown && !options.student ? s.warning('key unknown') : '',
    question.dropped ? s.warning(`dropped (${question.dropped})`) : '',
    question.bonus ? 'bonus' : '',
    !penaltyOf(question, section).equals(section.penalty) ? `penalty −${penaltyOf(question, section).toString()}` : '',
  ].filter(Boolean);
  const title = question.title && !options.student ? `${s.bold(texToText(question.title))}  ` : '';
  const header = `${s.bold(`Q${number}`)}  ${title}${s.dim(`[${question.id}]`)}  ${marks.toString()} marks${flags.length ? `  ${flags.join(' · ')}` : ''}`;
  const lines = [header, ...indent(wrapped(question.stem, options.width - 4), 4)];
  lines.push(...renderAnswerArea(question, options, s));
  if (options.student) return lines;
  if (question.explanation)
    lines.push(`    ${s.bold('Explanation')}`, ...indent(wrapped(question.explanation, options.width - 6), 6));
  if (question.kind === 'free' && question.solution)
    lines.push(`    ${s.bold('Model solution')}`, ...indent(wrapped(question.solution, options.width - 6), 6));
  if (question.kind === 'free' && question.rubric.length > 0) {
    lines.push(`    ${s.bold('Rubric')}`);
    for (const item of question.rubric)
      lines.push(...indent(wrapped(`(${item.points.toString()}) ${item.text}  [${item.id}]`, options.width - 6), 6));
  }
  if (question.note)
    lines.push(
      `    ${s.note('Note for the instructor')}`,
      ...indent(wrapped(question.note, options.width - 6), 6).map((line) => s.note(line)),
    );
  return lines;
}

function renderAnswerArea(question: Question, options: ExamTextOptions, s: Styles): string[] {
  switch (question.kind) {
    case 'single':
    case 'multiple': {
      const lines = question.kind === 'multiple' ? [s.dim('    (choose all that apply)')] : [];
      question.options.forEach((option, index) => {
        const marker = option.correct && !options.student ? s.key('✔ ') : '  ';
        const text = wrapped(option.text, options.width - 10);
        const fixed = option.fixed && !options.student ? s.dim(' (fixed)') : '';
        lines.push(
          `  ${marker}(${optionLetter(index)}) ${option.correct && !options.student ? s.key(text[0] ?? '') : (text[0] ?? '')}${fixed}`,
          ...indent(text.slice(1), 8),
        );
      });
      return lines;
    }
    case 'numeric': {
      if (options.student || !question.answer) return [s.dim('    answer: ________')];
      const { value, tolerance } = question.answer;
      const range =
        tolerance.kind === 'relative'
          ? ` ± ${tolerance.percent}%`
          : tolerance.amount > 0
            ? ` ± ${tolerance.amount}`
            : '';
      return [`    ${s.key(`answer: ${value}${range}`)}`];
    }
    case 'free':
      return [s.dim('    (free response)')];
  }
}

function wrapped(markdown: string, width: number): string[] {
  return texToText(markdown)
    .split('\n')
    .flatMap((line) => wrap(line, width));
}

function indent(lines: readonly string[], spaces: number): string[] {
  return lines.map((line) => (line === '' ? '' : `${' '.repeat(spaces)}${line}`));
}
