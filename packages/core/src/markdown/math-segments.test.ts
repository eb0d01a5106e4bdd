import { describe, expect, it } from 'vitest';
import { findImages, findMath } from './math-segments.js';

describe('findMath', () => {
  it('finds inline and display math with offsets', () => {
    const text = 'Let $x^2$ be\n$$\n\\frac{a}{b}\n$$ done';
    const { segments } = findMath(text);
    expect(segments).toEqual([
      { tex: 'x^2', display: false, offset: 5 },
      { tex: '\n\\frac{a}{b}\n', display: true, offset: 15 },
    ]);
    expect(text.slice(5, 8)).toBe('x^2');
  });

  it('treats prices, escaped dollars and code spans as text', () => {
    expect(findMath('costs $5 and $10').segments).toEqual([]);
    expect(findMath('a \\$ sign and `$x$` in code').segments).toEqual([]);
    expect(findMath('$ x $').segments).toEqual([]);
  });

  it('reports an unclosed display block', () => {
    expect(findMath('before $$ x^2').unclosedDisplay).toEqual([7]);
  });

  it('does not let inline math run across paragraphs', () => {
    expect(findMath('$a\n\nb$').segments).toEqual([]);
  });
});

describe('findImages', () => {
  it('finds image paths with their offsets', () => {
    const text = 'See ![net](img/net.png "Net") and ![x](<a b.png>)';
    expect(findImages(text)).toEqual([
      { path: 'img/net.png', offset: text.indexOf('img/') },
      { path: 'a b.png', offset: text.indexOf('a b.png') },
    ]);
  });
});
