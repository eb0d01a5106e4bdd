import { describe, expect, it } from 'vitest';
import { texToText } from './tex-to-text.js';

describe('texToText', () => {
  it.each([
    ['$\\frac{\\partial \\mathcal{L}}{\\partial w}$', '(∂ℒ)/(∂w)'],
    ['$\\theta_j^2$', 'θ_j²'],
    ['$\\hat{y}$', 'ŷ'],
    ['$\\left(\\frac{R}{\\gamma}\\right)^2$', '(R/γ)²'],
    ['$\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$', '[[1, 2], [3, 4]]'],
    ['$\\mathbb{E}[x] \\approx 0.5$', '𝔼[x] ≈ 0.5'],
    ['costs $5 and $10', 'costs $5 and $10'],
    ['code `$x$` stays', 'code `$x$` stays'],
  ])('%s → %s', (tex, text) => {
    expect(texToText(tex)).toBe(text);
  });

  it('puts display math on its own indented line', () => {
    expect(texToText('Then\n\n$$x^2$$\n\nso')).toBe('Then\n\n\n    x²\n\n\nso'.replace(/\n{3,}/g, '\n\n'));
  });
});
