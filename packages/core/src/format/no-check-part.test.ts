import { describe, expect, it } from 'vitest';
import { parseExam } from './parse.js';
import { printExam } from './print.js';

/** A one-question exam; `body` follows the question's stem and options. */
function exam(body: string): string {
  const front = '---\nid: q\ntitle: Q\nduration: 10\nsections:\n  - id: s\n    marks: 1\n---\n';
  return `${front}\n# S {#s}\n\n## {#amp}\n\nWhat does AMP do?\n\n- [x] Uses FP16\n- [ ] Uses FP64\n\n${body}`;
}

const REASON = 'What `torch.cuda.amp` does is a fact about PyTorch,\nnot a value a computation can produce.';

// Line numbers: 1 `---` … 8 `---`, 9 blank, 10 `# S`, 11 blank, 12 `## {#amp}`, 13 blank, 14 stem, 15 blank,
// 16–17 options, 18 blank, 19 the part's heading, 20 blank, 21 the reason.
describe('the No check part', () => {
  it('reads the reason as text, with where it starts', () => {
    const parsed = parseExam(exam(`### No check\n\n${REASON}\n\n### Note\n\nN.\n`));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const question = parsed.exam.sections[0]?.questions[0];
    expect(question?.noCheck).toBe(REASON);
    expect(question?.note).toBe('N.');
    expect(question?.check).toBeUndefined();
    expect(parsed.sourceMap.get('question.amp.no-check')?.start).toMatchObject({ line: 21, column: 1 });
  });

  it('prints after the Check position and before the Note, and reads back the same exam', () => {
    const parsed = parseExam(exam(`### Note\n\nN.\n\n### no check\n\n${REASON}\n`));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const printed = printExam(parsed.exam);
    expect(printed).toContain(`### No check\n\n${REASON}\n\n### Note\n\nN.\n`);
    const again = parseExam(printed);
    expect(again.ok && again.exam).toEqual(parsed.exam);
    expect(again.ok && printExam(again.exam)).toBe(printed);
  });

  it('is allowed on every kind of question', () => {
    const free = parseExam(
      exam('### No check\n\nA proof.\n').replace('- [x] Uses FP16\n- [ ] Uses FP64\n\n', '### Solution\n\nS.\n\n'),
    );
    expect(free.ok && free.exam.sections[0]?.questions[0]).toMatchObject({ kind: 'free', noCheck: 'A proof.' });
  });

  it('is an error beside a check, empty, or with attributes', () => {
    const both = parseExam(exam('### Check\n\n```ts\nreturn option("a");\n```\n\n### No check\n\nWhy.\n'));
    expect(!both.ok && both.diagnostics.map((d) => [d.code, d.line])).toEqual([['check-and-no-check', 25]]);
    const empty = parseExam(exam('### No check\n\n### Note\n\nN.\n'));
    expect(!empty.ok && empty.diagnostics.map((d) => [d.code, d.line])).toEqual([['empty-part', 19]]);
    const attributes = parseExam(exam(`### No check {reason=x}\n\n${REASON}\n`));
    expect(!attributes.ok && attributes.diagnostics.map((d) => d.code)).toEqual(['unknown-attribute']);
  });
});
