import { describe, expect, it } from 'vitest';
import { parseExam } from './parse.js';
import { printExam } from './print.js';
import { readOptionValue } from './option-value.js';

/** A one-question exam; `body` follows the question's stem and options. */
function exam(body: string, options = '- [x] 3 {value=3}\n- [ ] 5 {value=5}'): string {
  const front = '---\nid: q\ntitle: Q\nduration: 10\nsections:\n  - id: s\n    marks: 1\n---\n';
  return `${front}\n# S {#s}\n\n## {#size}\n\nOutput size?\n\n${options}\n\n${body}`;
}

// Line numbers: 1 `---` … 8 `---`, 9 blank, 10 `# S`, 11 blank, 12 `## {#size}`, 13 blank, 14 stem, 15 blank,
// 16–17 options, 18 blank, 19 `### Check…`, 20 blank, 21 the opening fence, 22 the first line of code.
describe('the Check part', () => {
  it('reads the code between the fences, the convention and where the code starts', () => {
    const text = exam(
      '### Check {convention="stride 1, no padding"}\n\n```ts\nconst side = 7 - (2 * (3 - 1) + 1) + 1;\n\nreturn side;\n```\n',
    );
    const parsed = parseExam(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const question = parsed.exam.sections[0]?.questions[0];
    expect(question?.check).toEqual({
      source: 'const side = 7 - (2 * (3 - 1) + 1) + 1;\n\nreturn side;',
      convention: 'stride 1, no padding',
    });
    expect(parsed.sourceMap.get('question.size.check')?.start).toEqual({ line: 22, column: 1 });
    expect(parsed.sourceMap.get('question.size.check')?.lines).toHaveLength(3);
  });

  it('keeps lines that look like headings, options and shorter fences inside the code', () => {
    const code = '# not a heading\n- [x] not an option\n```\nreturn 1;';
    const parsed = parseExam(exam(`### Check\n\n\`\`\`\`typescript\n${code}\n\`\`\`\`\n\n### Note\n\nN.\n`));
    expect(parsed.ok && parsed.exam.sections[0]?.questions[0]?.check?.source).toBe(code);
    expect(parsed.ok && parsed.exam.sections[0]?.questions[0]?.note).toBe('N.');
  });

  it('prints in canonical form (a fence longer than any in the code) and reads back the same exam', () => {
    const good = parseExam(exam('### Check {convention=PyTorch}\n\n````ts\n```\nreturn 3;\n````\n'));
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    const printed = printExam(good.exam);
    expect(printed).toContain('### Check {convention=PyTorch}\n\n````ts\n```\nreturn 3;\n````\n');
    const again = parseExam(printed);
    expect(again.ok && again.exam).toEqual(good.exam);
  });

  it('is allowed on free-response and numeric questions', () => {
    const free = parseExam(exam('### Solution\n\nS.\n\n### Check\n\n```ts\nreturn Math.log(2);\n```\n', ''));
    expect(free.ok && free.exam.sections[0]?.questions[0]?.kind).toBe('free');
    const numeric = parseExam(exam('### Answer\n\n3\n\n### Check\n\n```ts\nreturn 3;\n```\n', ''));
    expect(numeric.ok && numeric.exam.sections[0]?.questions[0]?.check?.source).toBe('return 3;');
  });

  // prettier-ignore
  const BROKEN: readonly { name: string; body: string; code: string; line: number; column: number }[] = [
    // The code block's opening fence is on line 21.
    { name: 'an unclosed code block', body: '### Check\n\n```ts\nreturn 3;\n', code: 'check-unclosed', line: 21, column: 1 },
    { name: 'another language', body: '### Check\n\n```python\nreturn 3\n```\n', code: 'check-language', line: 21, column: 1 },
    { name: 'text before the code block', body: '### Check\n\nThe size is\n```ts\nreturn 3;\n```\n', code: 'check-syntax', line: 21, column: 1 },
    // The stray text is on line 24, after the closing fence on line 23.
    { name: 'text after the code block', body: '### Check\n\n```ts\nreturn 3;\n```\nreturn 4;\n', code: 'check-syntax', line: 24, column: 1 },
    { name: 'a code block without code', body: '### Check\n\n```ts\n\n```\n', code: 'empty-check', line: 21, column: 1 },
    { name: 'no code block at all', body: '### Check\n', code: 'empty-part', line: 19, column: 1 },
    // `### Check {conventoin=x}`: the attribute's name starts at column 12.
    { name: 'a misspelt attribute', body: '### Check {conventoin=x}\n\n```ts\nreturn 3;\n```\n', code: 'unknown-attribute', line: 19, column: 12 },
    { name: 'two Check parts', body: '### Check\n\n```ts\nreturn 3;\n```\n\n### Check\n\n```ts\nreturn 3;\n```\n', code: 'duplicate-part', line: 25, column: 5 },
  ];
  for (const broken of BROKEN) {
    it(`reports ${broken.name} at its line and column`, () => {
      const parsed = parseExam(exam(broken.body));
      expect(parsed.ok).toBe(false);
      expect(parsed.diagnostics[0]).toMatchObject({ code: broken.code, line: broken.line, column: broken.column });
    });
  }
});

describe('option values', () => {
  it('reads numbers, JSON arrays with null for unstated entries, and text', () => {
    expect(readOptionValue('2336')).toEqual({ kind: 'number', value: 2336 });
    expect(readOptionValue('1e-3')).toEqual({ kind: 'number', value: 0.001 });
    expect(readOptionValue('[[0, 0], [1, 1]]')).toEqual({
      kind: 'array',
      value: [
        [0, 0],
        [1, 1],
      ],
    });
    expect(readOptionValue('[-1,-1,null]')).toEqual({ kind: 'array', value: [-1, -1, null] });
    expect(readOptionValue('bmm')).toEqual({ kind: 'text', value: 'bmm' });
    expect(readOptionValue('[1, 2')).toBeUndefined();
    expect(readOptionValue('["a"]')).toBeUndefined();
  });

  it('reports an array value that cannot be read at the value', () => {
    // Line 16: `- [x] 3 {value=[1,2}`; the value starts at column 16.
    const parsed = parseExam(exam('', '- [x] 3 {value=[1,2}\n- [ ] 5 {value=5}'));
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'option-value-syntax', line: 16, column: 16 });
  });
});
