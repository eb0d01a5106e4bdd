import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintExam, parseExam, type Diagnostic } from '../index.js';

/**
 * A corpus of small exam files, each valid except for one deliberate mistake. For each one the expected diagnostic
 * (code, a fragment of its message, and its line and column) was worked out by hand from the fixture, not copied from
 * the parser's output: lines and columns count from 1, and a column points at the first character of the mistake.
 */
const FIXTURES = fileURLToPath(new URL('../../test-fixtures/broken/', import.meta.url));

interface Expected {
  readonly file: string;
  readonly code: string;
  /** A distinctive fragment of the message. */
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** A fragment the hint should contain, where a suggestion is due. */
  readonly hint?: string;
}

// prettier-ignore
const CASES: readonly Expected[] = [
  // Front matter
  { file: '01-no-front-matter.md', code: 'front-matter-missing', message: 'does not start with front matter', line: 1, column: 1 },
  { file: '02-unclosed-front-matter.md', code: 'front-matter-unclosed', message: 'never closed', line: 1, column: 1 },
  // `title: "Quiz 1`: the opening quote.
  { file: '03-yaml-unclosed-quote.md', code: 'front-matter-yaml', message: 'quote', line: 3, column: 8 },
  // A missing key is reported at the start of the front matter's mapping.
  { file: '04-missing-duration.md', code: 'front-matter-missing-key', message: '`duration` is missing', line: 2, column: 1 },
  // `duration: two hours`: the value.
  { file: '05-duration-in-words.md', code: 'front-matter-invalid', message: 'duration in minutes', line: 4, column: 11 },
  { file: '06-unknown-key-titel.md', code: 'front-matter-unknown-key', message: 'unknown key `titel`', line: 3, column: 1, hint: 'title' },
  // `    penalty: -0.5`: the value.
  { file: '07-negative-penalty.md', code: 'front-matter-invalid', message: 'positive number', line: 8, column: 14 },
  // `  - id: Basics`: the value.
  { file: '08-section-id-capitals.md', code: 'front-matter-invalid', message: 'lowercase', line: 6, column: 9 },
  // YAML keys must be unique: the second `duration`.
  { file: '39-duplicate-yaml-key.md', code: 'front-matter-yaml', message: 'unique', line: 5, column: 1 },

  // Sections
  // `# Basics {#basic}`: the `#` of the id.
  { file: '09-section-heading-typo.md', code: 'unknown-section', message: '`basic` is not declared', line: 10, column: 11, hint: 'did you mean `basics`' },
  // `  - id: advanced`: the start of the section's entry (its `id` key).
  { file: '10-section-without-heading.md', code: 'section-without-heading', message: '`advanced` has no heading', line: 8, column: 5 },
  // `# Basics`: just past the end of the heading, where `{#basics}` belongs.
  { file: '38-section-heading-without-id.md', code: 'section-without-id', message: 'section heading has no id', line: 10, column: 9 },
  { file: '40-text-before-first-section.md', code: 'stray-text', message: 'before the first section', line: 10, column: 1 },

  // Question headings and attributes
  // `## Addition`: just past the end of the heading, where `{#id}` belongs.
  { file: '11-question-without-id.md', code: 'question-without-id', message: 'has no id', line: 12, column: 12 },
  // `## Addition {#Add_1}`: the `#` of the id.
  { file: '12-invalid-question-id.md', code: 'question-id-syntax', message: '`Add_1` is not valid', line: 12, column: 14 },
  // `## Square root {#add}`: the `#` of the second id.
  { file: '13-duplicate-question-id.md', code: 'duplicate-question-id', message: 'already used on line 12', line: 24, column: 17 },
  { file: '14-question-before-section.md', code: 'question-outside-section', message: 'before the first section', line: 10, column: 1 },
  // `## Addition {#add mraks=1}`: the attribute's name.
  { file: '20-unknown-attribute-mraks.md', code: 'unknown-attribute', message: 'unknown attribute `mraks`', line: 12, column: 19, hint: 'did you mean `marks`' },
  // `## {#why-zero type=essay}`: the bad value.
  { file: '21-type-essay.md', code: 'attribute-value', message: '`type=essay` is not allowed', line: 42, column: 20 },
  // `## Addition {#add dropped=maybe}`: the bad value.
  { file: '22-dropped-maybe.md', code: 'attribute-value', message: '`dropped=maybe` is not allowed', line: 12, column: 27 },
  // `## Addition {#add scoring=per-option}`: the attribute that does not belong (its name, not its value).
  { file: '23-scoring-on-single-choice.md', code: 'attribute-value', message: 'does not apply', line: 12, column: 19 },
  // `## Addition {#add marks="1/2}`: the quote that is never closed.
  { file: '29-unclosed-attribute-quote.md', code: 'attribute-syntax', message: 'quote', line: 12, column: 25 },

  // Question bodies: stem, options, parts. Question-level problems point at the `#` of the question's id.
  { file: '27-empty-stem.md', code: 'question-without-text', message: 'has no text', line: 12, column: 14 },
  { file: '19-single-option.md', code: 'too-few-options', message: 'at least two options', line: 12, column: 14 },
  // `- [v] 2`: the marker `[v]`.
  { file: '18-option-marker-v.md', code: 'option-marker', message: '"[v]"', line: 17, column: 3 },
  // `- [ ]` with no text: the marker.
  { file: '44-empty-option.md', code: 'empty-option', message: 'option (c) is empty', line: 18, column: 3 },
  { file: '17-text-after-options.md', code: 'text-after-options', message: 'text after the options', line: 20, column: 1 },
  // `- [ ] 2` under a `type=numeric` question: the first option's marker.
  { file: '28-options-on-numeric-question.md', code: 'options-not-allowed', message: 'numeric question has no options', line: 28, column: 3 },
  // `### Explaination`: the part name.
  { file: '15-unknown-part.md', code: 'unknown-part', message: 'unknown question part "Explaination"', line: 20, column: 5, hint: 'Explanation' },
  { file: '16-duplicate-part.md', code: 'duplicate-part', message: 'Explanation part', line: 24, column: 5 },
  { file: '41-answer-part-on-single-choice.md', code: 'part-not-allowed', message: 'single-choice question has no Answer part', line: 20, column: 5 },
  { file: '24-numeric-answer-in-words.md', code: 'numeric-answer-syntax', message: '"about 4"', line: 30, column: 1 },
  { file: '25-rubric-item-without-points.md', code: 'rubric-item-syntax', message: 'rubric line', line: 53, column: 1 },
  // `- (x) Uses distributivity`: the unreadable points.
  { file: '26-rubric-points-not-a-number.md', code: 'rubric-points', message: '"(x)"', line: 52, column: 4 },

  // Content checks (lint)
  { file: '30-no-correct-option.md', code: 'no-correct-option', message: 'no correct option', line: 12, column: 14 },
  { file: '31-two-correct-on-single-choice.md', code: 'single-several-correct', message: 'marks 2 options correct', line: 12, column: 14 },
  { file: '43-key-unknown-but-marked.md', code: 'key-unknown-but-marked', message: 'key=unknown', line: 12, column: 14 },
  { file: '42-numeric-without-answer.md', code: 'numeric-without-answer', message: 'has no answer', line: 24, column: 17 },
  // `- [ ] 1` repeating option (a): the repeated text.
  { file: '32-duplicate-option.md', code: 'duplicate-option', message: 'option (c) repeats option (a)', line: 18, column: 7 },
  // `What is $\frac{1}{2$ of 4?`: where the missing `}` belongs (the closing `$`).
  { file: '33-tex-unclosed-brace.md', code: 'tex-syntax', message: "expected '}'", line: 14, column: 20 },
  // `### Rubric {from=half}`: the value.
  { file: '47-rubric-from-half.md', code: 'attribute-value', message: '`from=half` is not allowed', line: 50, column: 18 },
  // `$\begin{bmatrix} 1 \end{matrix}$`: the `\end` that does not match.
  { file: '34-tex-environment-mismatch.md', code: 'tex-syntax', message: 'Mismatch', line: 14, column: 47 },
  // The second line of a `|` block in `instructions:`.
  { file: '45-tex-error-in-instructions.md', code: 'tex-syntax', message: "expected '}'", line: 7, column: 32 },
  // The continuation line of option (b), indented by two spaces.
  { file: '46-tex-error-in-option-continuation.md', code: 'tex-syntax', message: "Expected '}'", line: 18, column: 11 },
  { file: '37-unclosed-display-math.md', code: 'tex-unclosed', message: 'never closed', line: 16, column: 1 },
  // `total: 5`: the value.
  { file: '35-total-mismatch.md', code: 'total-mismatch', message: 'declared total is 5 but the questions add up to 4', line: 5, column: 8 },
  // `![Two apples](images/apples.png)`: the path.
  { file: '36-missing-image.md', code: 'image-not-found', message: 'images/apples.png', line: 16, column: 15 },
];

function read(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

function lint(file: string): readonly Diagnostic[] {
  return lintExam(read(file), { fileExists: (path) => existsSync(join(FIXTURES, path)) }).diagnostics;
}

function show(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`).join('\n');
}

describe('broken exam files', () => {
  it('has one expectation per fixture', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.md'));
    expect(CASES.map((row) => row.file).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(26);
  });

  it.each(CASES)('$file: $code at $line:$column', (row) => {
    const diagnostics = lint(row.file);
    const context = `${row.file}:\n${show(diagnostics)}`;
    const withCode = diagnostics.filter((d) => d.code === row.code);
    expect(withCode, `no \`${row.code}\` diagnostic in ${context}`).not.toHaveLength(0);
    const found = withCode.find((d) => d.line === row.line && d.column === row.column) ?? withCode[0];
    expect({ line: found?.line, column: found?.column }, context).toEqual({ line: row.line, column: row.column });
    expect(found?.severity, context).toBe('error');
    expect(found?.message, context).toContain(row.message);
    if (row.hint !== undefined) expect(found?.hint ?? '', context).toContain(row.hint);
  });

  it.each(CASES)('$file: every diagnostic is located inside the file and has a message', ({ file }) => {
    const lines = read(file).split('\n');
    for (const d of lint(file)) {
      const where = `${file}: ${d.line}:${d.column} ${d.code}`;
      expect(d.line, where).toBeGreaterThanOrEqual(1);
      expect(d.column, where).toBeGreaterThanOrEqual(1);
      expect(d.line, where).toBeLessThanOrEqual(lines.length);
      // A column may point just past the end of a line (where something is missing), never further.
      expect(d.column, where).toBeLessThanOrEqual((lines[d.line - 1] ?? '').length + 1);
      expect(d.message.trim(), where).not.toBe('');
    }
  });

  it.each(CASES)('$file: neither the parser nor lint throws', ({ file }) => {
    const text = read(file);
    expect(() => parseExam(text)).not.toThrow();
    expect(() => lint(file)).not.toThrow();
    const result = parseExam(text);
    expect(result.diagnostics.map((d) => d.code)).not.toContain('internal-error');
  });

  it.each(CASES)('$file: one mistake gives one error, not a cascade', ({ file }) => {
    const errors = lint(file).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.line}:${d.column} ${d.code}`)).toHaveLength(1);
  });
});
