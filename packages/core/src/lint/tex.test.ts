import { describe, expect, it } from 'vitest';
import { checkTex } from './tex.js';

const at = (offset: number) => ({ line: 1, column: offset + 1 });

describe('checkTex', () => {
  it('reports TeX that trips an internal KaTeX assertion as a TeX error at the math, not a crash', () => {
    const diagnostics = checkTex({ key: 'stem', text: 'See $\\begin é{bmatrix} 0 \\end{bmatrix}$.' }, at);
    expect(diagnostics.map((d) => [d.code, d.column])).toEqual([['tex-syntax', 6]]);
    expect(diagnostics[0]?.message).toContain('Expected node of type');
  });

  it('accepts good TeX', () => {
    expect(checkTex({ key: 'stem', text: '$\\begin{bmatrix} 0 \\end{bmatrix}$' }, at)).toEqual([]);
  });
});
