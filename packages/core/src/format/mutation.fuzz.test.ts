import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledExamText } from '../test-support/bundled-exam.js';
import { lintExam } from '../lint/lint.js';
import { parseExam } from './parse.js';

/**
 * 10,000 random edits of the bundled exam: characters and lines deleted, duplicated, swapped, and the format's
 * significant tokens inserted anywhere. Every outcome must be a parsed exam or located diagnostics, never a throw.
 */
const source = bundledExamText();
const TOKENS = [
  '#',
  '## ',
  '### ',
  '{',
  '}',
  '{#',
  ' key=unknown}',
  '- [x] ',
  '- [ ] ',
  '$',
  '$$',
  '---',
  '\n',
  '\r\n',
  ':',
  '"',
  '`',
  '```',
  '  ',
  '\t',
  'type=numeric',
  '\uFEFF',
  '±',
  '(1)',
  'é',
  '\\',
  '{fixed}',
  'marks=x',
];

type Mutation = {
  kind: 'delete' | 'insert' | 'duplicate-line' | 'delete-line' | 'swap-lines' | 'replace';
  at: number;
  length: number;
  token: string;
};

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'duplicate-line', 'delete-line', 'swap-lines', 'replace'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })),
});

function apply(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.token + text.slice(at);
    case 'replace':
      return text.slice(0, at) + m.token + text.slice(at + m.length);
    default: {
      const lines = text.split('\n');
      const index = m.at % lines.length;
      const other = (index + m.length) % lines.length;
      if (m.kind === 'duplicate-line') lines.splice(index, 0, lines[index] ?? '');
      if (m.kind === 'delete-line') lines.splice(index, 1);
      if (m.kind === 'swap-lines') [lines[index], lines[other]] = [lines[other] ?? '', lines[index] ?? ''];
      return lines.join('\n');
    }
  }
}

describe('parser robustness', () => {
  it('10,000 mutations of the bundled exam give an exam or located errors, never a crash', () => {
    let parsed = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutations.reduce(apply, source);
        const result = parseExam(text);
        if (result.ok) {
          parsed += 1;
          expect(result.exam.sections.length).toBeGreaterThan(0);
          return;
        }
        rejected += 1;
        expect(result.diagnostics.length).toBeGreaterThan(0);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const d of result.diagnostics) {
          expect(d.code).not.toBe('internal-error');
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lineCount + 1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 10_000, seed: 42 },
    );
    // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
    expect(parsed).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(1000);
    // 10,000 parses take 10–35 s here depending on what else runs: room for a busy machine.
  }, 180_000);

  it('lint (parse, then TeX and content checks) survives mutations too', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const report = lintExam(mutations.reduce(apply, source), { fileExists: () => false });
        for (const d of report.diagnostics) expect(d.code).not.toBe('internal-error');
      }),
      { numRuns: 300, seed: 7 },
    );
  }, 120_000);
});
