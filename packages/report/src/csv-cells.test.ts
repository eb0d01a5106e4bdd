import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formulaSafeCsv } from './csv-cells.js';

describe('formulaSafeCsv', () => {
  it('guards text a spreadsheet would run, and writes numbers exactly, NaN as an empty cell', () => {
    const text = formulaSafeCsv([
      ['=HYPERLINK("x")', '+1', '@SUM', "'quoted", 'plain, with a comma'],
      [-0.25, 0.1 + 0.2, Number.NaN, 0, 1e-12],
    ]);
    const [guarded, numbers] = parse(text);
    expect(guarded).toEqual([`'=HYPERLINK("x")`, "'+1", "'@SUM", "''quoted", 'plain, with a comma']);
    expect(numbers).toEqual(['-0.25', '0.30000000000000004', '', '0', '1e-12']);
    expect(numbers?.map(Number)).toEqual([-0.25, 0.1 + 0.2, 0, 0, 1e-12]);
  });
});
