import { describe, expect, it } from 'vitest';
import { parseExam } from '../format/parse.js';
import { printExam } from '../format/print.js';
import type { Exam } from '../model.js';
import { Rational } from '../rational.js';
import { bundledExamText, PAPER_KEY } from '../test-support/bundled-exam.js';
import type { Response } from './responses.js';
import { scoreRange } from './score-range.js';
import { score } from './score.js';

/**
 * `total-floor: 0` in the front matter: off by default, since the source paper's negative marking gives −9 to a
 * student with every Beginner question wrong (18 × −0.5).
 */
const withFrontMatterLine = (line: string) => bundledExamText().replace('total: 20\n', `total: 20\n${line}\n`);

function parsed(text: string): Exam {
  const result = parseExam(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 2)));
  return result.exam;
}

const allWrong: Record<string, Response> = Object.fromEntries(
  Object.entries(PAPER_KEY).map(([id, letter]) => [id, { kind: 'choice', selected: [letter === 'a' ? 'b' : 'a'] }]),
);

describe('total-floor', () => {
  it('is off by default: a total can be negative', () => {
    const report = score(parsed(bundledExamText()), { answers: allWrong });
    expect([report.total.toString(), report.rawTotal.toString()]).toEqual(['-9', '-9']);
    expect(scoreRange(parsed(bundledExamText())).lowest.toString()).toBe('-9');
  });

  it('with `total-floor: 0` counts a negative total as 0 and keeps the raw total and question points', () => {
    const exam = parsed(withFrontMatterLine('total-floor: 0'));
    expect(exam.totalFloor?.toString()).toBe('0');
    const report = score(exam, { answers: allWrong });
    expect([report.total.toString(), report.rawTotal.toString()]).toEqual(['0', '-9']);
    expect(report.sections[0]?.points.toString()).toBe('-9');
    expect(report.questions.find((q) => q.questionId === 'l2-prior')?.points.toString()).toBe('-0.5');
    expect(scoreRange(exam).lowest.toString()).toBe('0');
  });

  it('leaves a positive total as it is', () => {
    const exam = parsed(withFrontMatterLine('total-floor: 0'));
    const answers = { 'l2-prior': { kind: 'choice', selected: ['b'] } } as const;
    expect(score(exam, { answers }).total).toEqual(Rational.of(1, 2));
  });

  it('is printed back, so a key change keeps it', () => {
    const exam = parsed(withFrontMatterLine('total-floor: 0'));
    expect(printExam(exam)).toContain('total: 20\ntotal-floor: 0\n');
    expect(parsed(printExam(exam)).totalFloor?.toString()).toBe('0');
  });

  it.each(['yes', '-1', '"0"'])('refuses `total-floor: %s` with a located error', (value) => {
    const result = parseExam(withFrontMatterLine(`total-floor: ${value}`));
    expect(result.ok).toBe(false);
    const [found] = result.diagnostics;
    expect(found).toMatchObject({ code: 'front-matter-invalid', line: 7, column: 14 });
    expect(found?.message).toContain('`total-floor`: expected 0');
  });

  it('suggests the key when it is misspelt', () => {
    const result = parseExam(withFrontMatterLine('total-flor: 0'));
    expect(result.diagnostics[0]).toMatchObject({ code: 'front-matter-unknown-key', line: 7, column: 1 });
    expect(result.diagnostics[0]?.hint).toContain('total-floor');
  });
});
