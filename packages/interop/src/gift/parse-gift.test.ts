import { listQuestions } from '@examforge/core';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../import-result.js';
import { importGift } from './import-gift.js';
import { parseGift } from './parse-gift.js';

function errorOf(source: string): ImportError {
  try {
    parseGift(source, 'bank.gift');
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('no error');
}

const importText = (text: string | Uint8Array) =>
  importGift({ name: 'bank.gift', bytes: typeof text === 'string' ? strToU8(text) : text });

describe('parseGift: malformed GIFT gets an error at its line and column', () => {
  it.each([
    ['an answer block never closed', 'Q1 {T}\n\nQ2 is {=a ~b\n', { line: 3, column: 7 }, 'never closed'],
    ['a brace inside an answer block', 'Q {=a {b} ~c}', { line: 1, column: 7 }, 'inside the answer block'],
    ['a closing brace with no block', 'Q1 is } {T}', { line: 1, column: 7 }, 'closes no answer block'],
    ['a numeric answer that is no number', 'Q {#\n  =twelve:1\n}', { line: 2, column: 4 }, 'cannot read "twelve:1"'],
    ['a matching pair without ->', 'Q {=a -> b =c}', { line: 1, column: 12 }, 'no "->"'],
    ['text before the first choice', 'Q {stray ~a =b}', { line: 1, column: 4 }, 'before the first choice'],
  ])('%s', (_name, source, at, message) => {
    const error = errorOf(source);
    expect(error.location).toEqual({ file: 'bank.gift', ...at });
    expect(error.message).toContain(message);
  });
});

describe('importGift: what real files hold', () => {
  it('reads CRLF, a byte order mark, NBSP, tabs and a missing final newline', () => {
    const text = '\uFEFF// c\r\n::T1::\tWhat?\u00a0{\r\n\t=yes\u00a0\r\n\t~no\r\n}\r\n\r\n::T2:: 2+2\\=4 {T}';
    const { exam } = importText(text);
    const questions = listQuestions(exam).map(({ question }) => question);
    expect(questions.map((question) => [question.id, question.kind])).toEqual([
      ['t1', 'single'],
      ['t2', 'single'],
    ]);
    expect(questions[0]?.kind === 'single' && questions[0].options.map((option) => option.text)).toEqual(['yes', 'no']);
    expect(questions[1]?.stem).toBe('2+2=4');
  });

  it('leaves out a question with a weight Moodle does not accept, and says so as Moodle does', () => {
    const { exam, notes } = importText('::Bad:: Pick {~%33%a ~%33%b ~%34%c}\n\n::Good:: Pick {=a ~b}');
    expect(listQuestions(exam).map(({ question }) => question.id)).toEqual(['good']);
    expect(notes).toEqual([
      expect.objectContaining({
        keptAs: 'left-out',
        location: { file: 'bank.gift', line: 1, column: 16 },
        reason: expect.stringContaining('Grades (0.33) do not match grade options'),
      }),
    ]);
  });

  it('leaves out a multiple answer whose positive weights miss 100 %, as Moodle refuses it', () => {
    const { notes } = importText('::Sum:: Pick {~%50%a ~%25%b ~%-100%c}\n\n::Good:: Pick {=a ~b}');
    expect(notes[0]?.reason).toContain('add up to 75.00 %');
    expect(notes[0]?.keptAs).toBe('left-out');
  });

  it('turns \\( \\) and $$ $$ TeX with GIFT escapes into exam math', () => {
    const { exam } = importText('Solve \\\\(x^2 \\= \\\\frac\\{1\\}\\{2\\}\\\\) and $$\\\\sqrt\\{y\\}$$ {T}');
    expect(listQuestions(exam)[0]?.question.stem).toBe('Solve $x^2 = \\frac{1}{2}$ and $$\\sqrt{y}$$');
  });

  it('with strict, any note fails the import', () => {
    expect(() => importGift({ name: 'bank.gift', bytes: strToU8('Who? {=a =b}') }, { strict: true })).toThrow(
      /strict import/,
    );
  });
});
