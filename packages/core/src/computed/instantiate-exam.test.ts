import { describe, expect, it } from 'vitest';
import { makeVariant } from '../delivery/variant.js';
import { parseExam } from '../format/parse.js';
import type { Exam } from '../model.js';
import { score } from '../scoring/score.js';
import type { GeneratedQuestion } from './generated-question.js';
import { ComputedQuestionError, computedQuestionIds, instanceProblems, instantiateExam } from './instantiate-exam.js';

const FILE = `---
id: computed
title: Computed
duration: 10
sections:
  - id: s
    marks: 1
---

# S {#s}

## {#size}

Template: output size of a $3 \\times 3$ kernel over $n \\times n$?

- [x] $n - 2$ {value=0}
- [ ] $n$ {value=1}
- [ ] none of these {fixed}

### Generator

\`\`\`ts
return { stem: 'x', options: [] };
\`\`\`

## {#count}

Template: how many parameters?

### Answer

10

### Generator

\`\`\`ts
return { stem: 'x', answer: 10 };
\`\`\`

## {#plain}

Not computed.

- [x] yes
- [ ] no
`;

function load(): Exam {
  const parsed = parseExam(FILE);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.exam;
}

const SIZE: GeneratedQuestion = {
  kind: 'single',
  stem: 'Output size of a $3 \\times 3$ kernel over $7 \\times 7$?',
  options: [
    { text: '$4 \\times 4$', correct: false, value: '[4,4]' },
    { text: '$5 \\times 5$', correct: true, value: '[5,5]' },
    { text: 'none of these', correct: false },
  ],
  explanation: '$7 - 3 + 1 = 5$',
  parameters: { n: 7, k: 3 },
};
const COUNT: GeneratedQuestion = {
  kind: 'numeric',
  stem: 'How many parameters has a $3 \\times 3$ convolution from 4 to 8 channels?',
  answer: { value: 296, tolerance: { kind: 'absolute', amount: 0 } },
};

describe('instantiateExam', () => {
  it('lists the computed questions in exam order', () => {
    expect(computedQuestionIds(load())).toEqual(['size', 'count']);
  });

  it('puts each instance in place of its template and keeps the rest of the question', () => {
    const exam = instantiateExam(load(), { size: SIZE, count: COUNT });
    const [size, count, plain] = exam.sections[0]?.questions ?? [];
    expect(size).toMatchObject({ id: 'size', kind: 'single', stem: SIZE.stem, explanation: '$7 - 3 + 1 = 5$' });
    expect(size?.kind === 'single' && size.options.map((o) => [o.text, o.correct, o.fixed, o.value])).toEqual([
      ['$4 \\times 4$', false, false, '[4,4]'],
      ['$5 \\times 5$', true, false, '[5,5]'],
      ['none of these', false, true, undefined],
    ]);
    expect(size?.generator).toBeDefined();
    expect(count).toMatchObject({ kind: 'numeric', stem: COUNT.stem, answer: { value: 296 } });
    expect(plain).toEqual(load().sections[0]?.questions[2]);
  });

  it('scores against the instance’s key, and the variant’s option order does not depend on the instance', () => {
    const template = load();
    const exam = instantiateExam(template, { size: SIZE, count: COUNT });
    const report = score(exam, {
      answers: { size: { kind: 'choice', selected: ['b'] }, count: { kind: 'numeric', value: 296 } },
    });
    expect(report.total.toString()).toBe('2');
    const settings = { shuffleQuestions: true, shuffleOptions: true };
    expect(makeVariant(exam, 's1:a', settings)).toEqual(makeVariant(template, 's1:a', settings));
  });

  it('is pure: the template exam is unchanged', () => {
    const template = load();
    const before = JSON.stringify(template);
    instantiateExam(template, { size: SIZE, count: COUNT });
    expect(JSON.stringify(template)).toBe(before);
  });

  const single = (change: Partial<Extract<GeneratedQuestion, { kind: 'single' }>>): GeneratedQuestion => ({
    ...SIZE,
    ...change,
  });
  const option = (text: string, correct = false, value?: string) => ({ text, correct, ...(value && { value }) });
  // prettier-ignore
  const INVALID: readonly { name: string; instances: Record<string, GeneratedQuestion>; code: string }[] = [
    { name: 'a missing instance', instances: { size: SIZE }, code: 'missing-instance' },
    { name: 'an instance of no computed question', instances: { size: SIZE, count: COUNT, plain: SIZE }, code: 'not-computed' },
    { name: 'a numeric instance of a choice question', instances: { size: COUNT, count: COUNT }, code: 'kind-mismatch' },
    { name: 'an empty stem', instances: { size: single({ stem: '  ' }), count: COUNT }, code: 'empty-stem' },
    { name: 'fewer options than the template', instances: { size: single({ options: [option('a', true), option('b')] }), count: COUNT }, code: 'option-count' },
    { name: 'one option only', instances: { size: single({ options: [option('a', true)] }), count: COUNT }, code: 'option-count' },
    { name: 'no correct option', instances: { size: single({ options: [option('a'), option('b'), option('c')] }), count: COUNT }, code: 'correct-count' },
    { name: 'two correct options', instances: { size: single({ options: [option('a', true), option('b', true), option('c')] }), count: COUNT }, code: 'correct-count' },
    { name: 'an empty option', instances: { size: single({ options: [option('a', true), option(' '), option('c')] }), count: COUNT }, code: 'empty-option' },
    { name: 'two options with the same text', instances: { size: single({ options: [option('$5$', true), option('$5$ '), option('c')] }), count: COUNT }, code: 'duplicate-option' },
    { name: 'two options with the same value', instances: { size: single({ options: [option('5', true, '5'), option('five', false, '5'), option('c')] }), count: COUNT }, code: 'duplicate-value' },
    { name: 'an unreadable value', instances: { size: single({ options: [option('5', true, '[5,'), option('6'), option('c')] }), count: COUNT }, code: 'option-value' },
    { name: 'a non-finite numeric answer', instances: { size: SIZE, count: { ...COUNT, answer: { value: NaN, tolerance: { kind: 'absolute', amount: 0 } } } }, code: 'answer' },
  ];
  for (const invalid of INVALID) {
    it(`refuses ${invalid.name} with a typed error`, () => {
      const attempt = () => instantiateExam(load(), invalid.instances);
      expect(attempt).toThrow(ComputedQuestionError);
      try {
        attempt();
      } catch (error) {
        expect((error as ComputedQuestionError).code).toBe(invalid.code);
      }
    });
  }

  it('lists every problem of an instance at once', () => {
    const question = load().sections[0]?.questions[0];
    if (!question) throw new Error('no question');
    const codes = instanceProblems(question, single({ stem: '', options: [option('x'), option('x')] })).map(
      (p) => p.code,
    );
    expect(codes).toEqual(['empty-stem', 'option-count', 'correct-count', 'duplicate-option']);
  });
});
