import { describe, expect, it } from 'vitest';
import { numericText, readNumericText, textAnswer, toggleLetter } from './answer-input.js';

describe('readNumericText', () => {
  it.each([
    ['42', 42],
    [' -0.25 ', -0.25],
    ['\u22123', -3],
    ['.5', 0.5],
    ['2336.', 2336],
    ['1e-3', 0.001],
    ['+7', 7],
  ])('reads %j as %d', (text, value) => {
    expect(readNumericText(text)).toEqual({ kind: 'answer', answer: { kind: 'numeric', value } });
  });

  it('reads an emptied field as blank', () => {
    expect(readNumericText('   ')).toEqual({ kind: 'answer', answer: { kind: 'blank' } });
  });

  it.each(['abc', '1e', '2..5', '-', '1,5', 'Infinity', '1e999'])('refuses %j', (text) => {
    expect(readNumericText(text)).toEqual({ kind: 'invalid' });
  });

  it('shows a saved number back', () => {
    expect(numericText({ kind: 'numeric', value: -0.25 })).toBe('-0.25');
    expect(numericText({ kind: 'blank' })).toBe('');
  });
});

describe('toggleLetter', () => {
  it('keeps letters sorted and turns an empty selection into blank', () => {
    const ac = toggleLetter({ kind: 'choice', selected: ['c'] }, 'a', true);
    expect(ac).toEqual({ kind: 'choice', selected: ['a', 'c'] });
    expect(toggleLetter(toggleLetter(ac, 'a', false), 'c', false)).toEqual({ kind: 'blank' });
    expect(toggleLetter(ac, 'a', true)).toEqual(ac);
  });
});

describe('textAnswer', () => {
  it('is blank for whitespace and keeps text as typed otherwise', () => {
    expect(textAnswer(' \n')).toEqual({ kind: 'blank' });
    expect(textAnswer(' $x$ ')).toEqual({ kind: 'text', text: ' $x$ ' });
  });
});
