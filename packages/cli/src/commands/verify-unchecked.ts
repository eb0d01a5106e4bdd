import { listQuestions, type Exam } from '@examforge/core';
import type { Styles } from '../console.js';
import { plural } from '../render/exam-overview.js';

/** A question `verify` runs no check for, with the reason its `### No check` part gives (`null`: none given). */
export interface UncheckedQuestion {
  readonly number: number;
  readonly questionId: string;
  readonly reason: string | null;
}

/**
 * The questions without a check, in exam order. Computed questions are left out: their generators are verified
 * for many seeds in a table of their own.
 *
 * @example
 * listUnchecked(exam); // [{ number: 3, questionId: 'pac-bound-implication', reason: 'The options are …' }]
 */
export function listUnchecked(exam: Exam): UncheckedQuestion[] {
  return listQuestions(exam).flatMap(({ question, number }) =>
    question.check || question.generator
      ? []
      : [{ number, questionId: question.id, reason: question.noCheck?.replace(/\s+/g, ' ').trim() ?? null }],
  );
}

const WIDTH = 116;

/** `11 questions without a check:` then one row per question, its reason wrapped under it (or "no reason given"). */
export function renderUncheckedTable(unchecked: readonly UncheckedQuestion[], s: Styles): string[] {
  if (unchecked.length === 0) return [];
  const untold = unchecked.filter((entry) => entry.reason === null).length;
  const heading = `${plural(unchecked.length, 'question')} without a check${untold > 0 ? ` (${untold} without a reason)` : ''}:`;
  const numberWidth = Math.max(...unchecked.map((entry) => `Q${entry.number}`.length));
  const indent = ' '.repeat(numberWidth + 2);
  return [
    s.bold(heading),
    ...unchecked.flatMap((entry) => [
      `${`Q${entry.number}`.padEnd(numberWidth)}  ${entry.questionId}`,
      ...(entry.reason === null
        ? [`${indent}${s.error('no reason given')} (add a \`### No check\` part saying why no computation decides it)`]
        : wrap(`why no check: ${entry.reason}`, WIDTH - indent.length).map((line) => s.dim(`${indent}${line}`))),
    ]),
  ];
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}
