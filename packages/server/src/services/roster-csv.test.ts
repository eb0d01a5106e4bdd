import { describe, expect, it } from 'vitest';
import { columnLabel } from './roster-csv.js';

describe('columnLabel', () => {
  it('gives the spreadsheet letter beside the header name', () => {
    expect(columnLabel(0, 'id')).toBe('A (id)');
    expect(columnLabel(27, '')).toBe('AB');
  });
});
