import { parseExam, type Question } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { agreesWithOption, numbersAgree } from './agree.js';
import type { Computed } from './computed.js';
import { judge } from './judge.js';

/** One question parsed from its Markdown (heading, stem, options or parts). */
function question(body: string): Question {
  const text = `---\nid: q\ntitle: Q\nduration: 10\nsections:\n  - id: s\n    marks: 1\n---\n\n# S {#s}\n\n${body}\n`;
  const parsed = parseExam(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  const found = parsed.exam.sections[0]?.questions[0];
  if (!found) throw new Error('no question');
  return found;
}

const sizes = question('## {#size}\n\nSize?\n\n- [ ] 3 {value=3}\n- [x] 5 {value=5}\n- [ ] 5.0 {value=5.0}\n- [ ] 7');
const matrix = question('## {#m}\n\nWhich?\n\n- [x] A {value=[[0,1],[1,0]]}\n- [ ] B {value=[-1,-1,null]}');
const unknown = question('## {#u key=unknown}\n\nSize?\n\n- [ ] 3 {value=3}\n- [ ] 5 {value=5}');
const numeric = question('## {#n}\n\nHow many?\n\n### Answer\n\n2336 ± 1');
const exact = question('## {#e}\n\nHow many?\n\n### Answer\n\n0.3');
const free = question('## {#f}\n\nExplain.\n\n### Solution\n\nBecause.');
const plain = question('## {#p}\n\nWhich?\n\n- [x] A\n- [ ] B');

const num = (value: number): Computed => ({ kind: 'number', value });
const letters = (...list: string[]): Computed => ({ kind: 'options', letters: list });

describe('judge', () => {
  // prettier-ignore
  const CASES: readonly [string, Question, Computed, Partial<ReturnType<typeof judge>>][] = [
    ['a value that selects the key', sizes, num(3), { verdict: 'disagrees', markedKey: '(b)', matched: ['a'] }],
    ['a value equal to two options', sizes, num(5), { verdict: 'several-options-match', matched: ['b', 'c'] }],
    ['a value no option has', sizes, num(4), { verdict: 'no-option-matches', matched: [] }],
    ['options chosen by letter', sizes, letters('b'), { verdict: 'agrees', matched: ['b'] }],
    ['a letter the question does not have', sizes, letters('e'), { verdict: 'check-failed' }],
    ['a tensor equal to a matrix option', matrix, { kind: 'array', value: [[0, 1], [1, 0]], tensor: true }, { verdict: 'agrees' }],
    ['null in an option matching any entry', matrix, { kind: 'array', value: [-1, -1, 7], tensor: false }, { verdict: 'disagrees', matched: ['b'] }],
    ['a shape that differs', matrix, { kind: 'array', value: [[0, 1]], tensor: true }, { verdict: 'no-option-matches' }],
    ['no key: the option the check selects', unknown, num(5), { verdict: 'no-key', matched: ['b'] }],
    ['a numeric answer within its tolerance', numeric, num(2336.9), { verdict: 'agrees', markedKey: '2336 ± 1' }],
    ['a numeric answer outside its tolerance', numeric, num(2338), { verdict: 'disagrees' }],
    ['an exact numeric answer, float round-off', exact, num(0.1 + 0.2), { verdict: 'agrees', markedKey: '0.3' }],
    ['a numeric question answered by letter', numeric, letters('a'), { verdict: 'check-failed' }],
    ['a free-response question', free, num(Math.LN2), { verdict: 'no-key' }],
    ['options without values', plain, num(1), { verdict: 'no-option-matches' }],
    ['matchOptions candidates', plain, { kind: 'candidates', value: num(2), candidates: [{ letter: 'a', value: num(2) }, { letter: 'b', value: num(3) }] }, { verdict: 'agrees', matched: ['a'] }],
  ];
  for (const [name, q, computed, expected] of CASES) {
    it(name, () => expect(judge(q, computed)).toMatchObject(expected));
  }

  it('says why options without values match nothing', () => {
    expect(judge(plain, num(1)).error).toMatch(/no option has a `value=`/);
  });
});

describe('tolerance', () => {
  it('is 1e-9 relative or 1e-12 absolute', () => {
    expect(numbersAgree(1, 1 + 5e-10)).toBe(true);
    expect(numbersAgree(1, 1 + 2e-9)).toBe(false);
    expect(numbersAgree(0, 5e-13)).toBe(true);
    expect(numbersAgree(0, 2e-12)).toBe(false);
    expect(numbersAgree(NaN, NaN)).toBe(false);
    expect(numbersAgree(Infinity, Infinity)).toBe(true);
  });

  it('matches text values exactly and never matches a number to text', () => {
    expect(agreesWithOption({ kind: 'string', value: 'bmm' }, { kind: 'text', value: 'bmm' })).toBe(true);
    expect(agreesWithOption({ kind: 'number', value: 3 }, { kind: 'text', value: 'three' })).toBe(false);
  });
});
