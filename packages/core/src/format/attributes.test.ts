import { describe, expect, it } from 'vitest';
import { formatAttributeValue, splitAttributes } from './attributes.js';

describe('attribute blocks', () => {
  it('splits id, values and flags with their columns', () => {
    const split = splitAttributes('Title {#q-1 marks=0.5 title="two words" bonus}', 4, 4);
    expect(split.text).toBe('Title');
    expect(split.attributes?.id).toBe('q-1');
    expect(split.attributes?.idColumn).toBe(11);
    expect(split.attributes?.values.get('marks')).toEqual({ value: '0.5', column: 22 });
    expect(split.attributes?.values.get('title')?.value).toBe('two words');
    expect(split.attributes?.flags.has('bonus')).toBe(true);
  });

  it('does not mistake TeX at the end of a line for attributes', () => {
    expect(splitAttributes('$x \\in \\mathbb{R}$ and \\mathbb{R}', 1, 1).attributes).toBeUndefined();
    expect(splitAttributes('the set {1, 2}', 1, 1).attributes).toBeUndefined();
  });

  it('reads escaped quotes and quotes values that need it', () => {
    expect(splitAttributes('x {value="a \\"b\\""}', 1, 1).attributes?.values.get('value')?.value).toBe('a "b"');
    expect(formatAttributeValue('2336')).toBe('2336');
    expect(formatAttributeValue('a "b"')).toBe('"a \\"b\\""');
  });

  it('reports an unclosed quote at the quote', () => {
    const split = splitAttributes('{#add marks="1/2}', 12, 10);
    expect(split.diagnostics).toEqual([expect.objectContaining({ code: 'attribute-syntax', column: 22 })]);
  });
});
