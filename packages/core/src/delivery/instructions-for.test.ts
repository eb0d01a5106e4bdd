import { describe, expect, it } from 'vitest';
import { instructionsFor } from './instructions-for.js';

const LIST = [
  '- A box must be filled completely (■) for any answer to be valid;',
  '  a tick mark is not valid. {paper-only}',
  '- Beginner questions carry negative marking of 0.5.',
].join('\n');

describe('instructionsFor', () => {
  it('leaves a paper-only list item out online, with its continuation lines', () => {
    expect(instructionsFor(LIST, 'online')).toBe('- Beginner questions carry negative marking of 0.5.');
  });

  it('prints a paper-only item on paper without its marker', () => {
    expect(instructionsFor(LIST, 'paper')).toBe(LIST.replace(' {paper-only}', ''));
  });

  it('treats a marked paragraph as one unit and keeps the other paragraphs', () => {
    const text = 'Fill each box\ncompletely. {paper-only}\n\nWork alone.';
    expect(instructionsFor(text, 'online')).toBe('Work alone.');
    expect(instructionsFor(text, 'paper')).toBe('Fill each box\ncompletely.\n\nWork alone.');
  });

  it('is undefined when nothing is left, and leaves unmarked instructions as written', () => {
    expect(instructionsFor('Fill each box. {paper-only}', 'online')).toBeUndefined();
    expect(instructionsFor(undefined, 'paper')).toBeUndefined();
    expect(instructionsFor('Work alone {fixed}.', 'online')).toBe('Work alone {fixed}.');
  });
});
