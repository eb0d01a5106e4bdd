import type { Question } from '../model.js';
import { optionLetter } from '../model.js';
import { Rational } from '../rational.js';
import {
  INVALID_MARK_KINDS,
  MISSING,
  type Grade,
  type InvalidMark,
  type InvalidMarkKind,
  type Response,
} from '../scoring/responses.js';

/**
 * The text of one answer in a responses table (CSV), as instructors type it and as the scanner writes it:
 *
 * | Question        | Cell                       | Meaning                                                  |
 * | --------------- | -------------------------- | -------------------------------------------------------- |
 * | choice          | `B`, `AC`, empty           | complete fills on (b); on (a) and (c); blank             |
 * | choice (paper)  | `B tick(C) partial(D)`     | a fill on (b), a tick on (c), a partial fill on (d)      |
 * | numeric         | `2336`, empty              | the number typed; blank                                  |
 * | free response   | `1.5`, `rubric(js w1)`, `-`, empty | points given; rubric items applied; blank answer; not graded yet |
 * | any             | `missing`                  | not read: the sheet page with the question was not scanned or not readable |
 *
 * `missing` is never blank: it scores 0 and is flagged, and results name it as not read.
 */
export type CellReading =
  | { readonly ok: true; readonly response: Response; readonly grade?: Grade }
  | { readonly ok: false; readonly message: string; readonly expected: string };

const MARK = new RegExp(`^(${INVALID_MARK_KINDS.join('|')})\\(([a-zA-Z])\\)$`);

/** The cell of an answer that was not read from the scan. */
export const MISSING_CELL = 'missing';

export function readResponseCell(question: Question, cell: string): CellReading {
  const text = cell.trim();
  if (text.toLowerCase() === MISSING_CELL) return { ok: true, response: MISSING };
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return readChoiceCell(question.options.length, text);
    case 'numeric':
      return readNumericCell(text);
    case 'free':
      return readFreeCell(text);
  }
}

function readChoiceCell(optionCount: number, text: string): CellReading {
  if (text === '' || text === '-') return { ok: true, response: { kind: 'blank' } };
  const selected: string[] = [];
  const invalidMarks: InvalidMark[] = [];
  const expected = `option letters a–${optionLetter(optionCount - 1)} (e.g. \`B\` or \`AC\`), and marks such as \`tick(C)\` or \`partial(D)\`; \`missing\` when not read from the scan`;
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const mark = MARK.exec(token.toLowerCase());
    if (mark) {
      invalidMarks.push({ mark: mark[1] as InvalidMarkKind, option: mark[2] ?? '' });
      continue;
    }
    if (!/^[a-zA-Z]+$/.test(token)) return { ok: false, message: `cannot read "${token}"`, expected };
    const letters = Array.from(token.toLowerCase());
    const outside = letters.find((letter) => letter.charCodeAt(0) - 97 >= optionCount);
    if (outside !== undefined) {
      return {
        ok: false,
        message: letters.length === 1 ? `there is no option (${outside})` : `cannot read "${token}"`,
        expected,
      };
    }
    selected.push(...letters);
  }
  const response =
    invalidMarks.length > 0
      ? { kind: 'choice' as const, selected, invalidMarks }
      : { kind: 'choice' as const, selected };
  return { ok: true, response };
}

function readNumericCell(text: string): CellReading {
  if (text === '' || text === '-') return { ok: true, response: { kind: 'blank' } };
  const value = Number(text);
  if (!Number.isFinite(value))
    return { ok: false, message: `"${text}" is not a number`, expected: 'a number such as 2336 or 0.25' };
  return { ok: true, response: { kind: 'numeric', value } };
}

function readFreeCell(text: string): CellReading {
  if (text === '') return { ok: true, response: { kind: 'text', text: '' } };
  if (text === '-') return { ok: true, response: { kind: 'blank' } };
  const rubric = /^rubric\(([^)]*)\)$/i.exec(text);
  if (rubric) {
    const items = (rubric[1] ?? '').split(/[\s,]+/).filter(Boolean);
    return { ok: true, response: { kind: 'text', text: '' }, grade: { kind: 'rubric', items } };
  }
  const points = Rational.parse(text);
  if (!points) {
    return {
      ok: false,
      message: `cannot read "${text}"`,
      expected:
        'points such as 1.5, rubric items such as `rubric(js-constant w1-gradient)`, `-` for a blank answer, or nothing when not graded yet',
    };
  }
  return { ok: true, response: { kind: 'text', text: '' }, grade: { kind: 'points', points } };
}

/** The cell text for a response (and grade); `readResponseCell` reads it back. */
export function formatResponseCell(response: Response | undefined, grade?: Grade): string {
  if (grade) return grade.kind === 'points' ? grade.points.toString() : `rubric(${grade.items.join(' ')})`;
  if (!response) return '';
  switch (response.kind) {
    case 'blank':
      return '-';
    case 'missing':
      return MISSING_CELL;
    case 'choice': {
      const marks = (response.invalidMarks ?? []).map((mark) => `${mark.mark}(${mark.option.toUpperCase()})`);
      return [response.selected.join('').toUpperCase(), ...marks].filter(Boolean).join(' ');
    }
    case 'numeric':
      return String(response.value);
    case 'text':
      return '';
  }
}
