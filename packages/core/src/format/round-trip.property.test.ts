import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryExam } from '../test-support/arbitrary-exam.js';
import { bundledExamText } from '../test-support/bundled-exam.js';
import { parseExam } from './parse.js';
import { printExam } from './print.js';

describe('print and parse are inverse', () => {
  it('parse(print(exam)) equals exam, for generated exams', () => {
    fc.assert(
      fc.property(arbitraryExam, (exam) => {
        const printed = printExam(exam);
        const parsed = parseExam(printed);
        if (!parsed.ok) throw new Error(`${JSON.stringify(parsed.diagnostics.slice(0, 2))}\n${printed}`);
        expect(parsed.exam).toEqual(exam);
        expect(printExam(parsed.exam)).toBe(printed);
      }),
      { numRuns: 300, seed: 20251125 },
    );
  });

  it('the bundled exam is in canonical form: print(parse(x)) is x', () => {
    const text = bundledExamText();
    const parsed = parseExam(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(printExam(parsed.exam)).toBe(text);
  });
});
