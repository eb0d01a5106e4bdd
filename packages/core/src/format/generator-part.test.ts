import { describe, expect, it } from 'vitest';
import { parseExam } from './parse.js';
import { printExam } from './print.js';

/** A one-question exam; `body` follows the question's stem and options. */
function exam(body: string, options = '- [x] 3 {value=3}\n- [ ] 5 {value=5}', attributes = ''): string {
  const front = '---\nid: q\ntitle: Q\nduration: 10\nsections:\n  - id: s\n    marks: 1\n---\n';
  return `${front}\n# S {#s}\n\n## {#size${attributes}}\n\nOutput size?\n\n${options}\n\n${body}`;
}

const GENERATOR = 'const n = 5 + Math.floor(random() * 4);\nreturn { stem: `n = ${n}`, options: [] };';

// Line numbers as in check-part.test.ts: 19 `### Generator`, 20 blank, 21 the opening fence, 22 the first code line.
describe('the Generator part', () => {
  it('reads the code and where it starts; the options stay as the template', () => {
    const parsed = parseExam(exam(`### Generator\n\n\`\`\`ts\n${GENERATOR}\n\`\`\`\n`));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const question = parsed.exam.sections[0]?.questions[0];
    expect(question?.generator).toEqual({ source: GENERATOR });
    expect(question?.kind === 'single' && question.options).toHaveLength(2);
    expect(parsed.sourceMap.get('question.size.generator')?.start).toEqual({ line: 22, column: 1 });
    expect(parsed.sourceMap.get('question.size.generator')?.lines).toHaveLength(2);
  });

  it('is allowed on numeric questions, with a check beside it', () => {
    const body = `### Answer\n\n3\n\n### Generator\n\n\`\`\`ts\nreturn { stem: 's', answer: 3 };\n\`\`\`\n\n### Check\n\n\`\`\`ts\nreturn instance.parameters.n;\n\`\`\`\n`;
    const parsed = parseExam(exam(body, ''));
    expect(parsed.ok).toBe(true);
    const question = parsed.ok ? parsed.exam.sections[0]?.questions[0] : undefined;
    expect(question?.kind).toBe('numeric');
    expect(question?.generator?.source).toBe("return { stem: 's', answer: 3 };");
    expect(question?.check?.source).toBe('return instance.parameters.n;');
  });

  it('prints before the Check part and reads back the same exam', () => {
    const body = `### Generator\n\n\`\`\`ts\n\`\`\`\n${GENERATOR}\n\`\`\`\n\n### Check\n\n\`\`\`ts\nreturn 3;\n\`\`\`\n`;
    // The generator's code holds a line of three backticks, so it is fenced with four.
    const parsed = parseExam(
      exam(body.replace('```ts\n```\n', '````ts\n```\n').replace('```\n\n### Check', '````\n\n### Check')),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const printed = printExam(parsed.exam);
    expect(printed).toContain(`### Generator\n\n\`\`\`\`ts\n\`\`\`\n${GENERATOR}\n\`\`\`\`\n\n### Check`);
    const again = parseExam(printed);
    expect(again.ok && again.exam).toEqual(parsed.exam);
  });

  // prettier-ignore
  const BROKEN: readonly { name: string; body: string; code: string; line: number; column: number; options?: string; attributes?: string }[] = [
    { name: 'an unclosed code block', body: '### Generator\n\n```ts\nreturn 3;\n', code: 'generator-unclosed', line: 21, column: 1 },
    { name: 'another language', body: '### Generator\n\n```python\nreturn 3\n```\n', code: 'generator-language', line: 21, column: 1 },
    { name: 'text before the code block', body: '### Generator\n\nMake\n```ts\nreturn 3;\n```\n', code: 'generator-syntax', line: 21, column: 1 },
    { name: 'text after the code block', body: '### Generator\n\n```ts\nreturn 3;\n```\nmore\n', code: 'generator-syntax', line: 24, column: 1 },
    { name: 'a code block without code', body: '### Generator\n\n```ts\n\n```\n', code: 'empty-generator', line: 21, column: 1 },
    { name: 'no code block at all', body: '### Generator\n', code: 'empty-part', line: 19, column: 1 },
    // `### Generator {seed=1}`: the attribute's name starts at column 16.
    { name: 'an attribute', body: '### Generator {seed=1}\n\n```ts\nreturn 3;\n```\n', code: 'unknown-attribute', line: 19, column: 16 },
    { name: 'a generator on a multiple-choice question', body: '### Generator\n\n```ts\nreturn 3;\n```\n', code: 'part-not-allowed', line: 19, column: 5, attributes: ' type=multiple' },
    { name: 'a generator on a free-response question', body: '### Generator\n\n```ts\nreturn 3;\n```\n', code: 'part-not-allowed', line: 18, column: 5, options: '' },
  ];
  for (const broken of BROKEN) {
    it(`reports ${broken.name} at its line and column`, () => {
      const parsed = parseExam(exam(broken.body, broken.options, broken.attributes));
      expect(parsed.ok).toBe(false);
      expect(parsed.diagnostics[0]).toMatchObject({ code: broken.code, line: broken.line, column: broken.column });
    });
  }
});
