import { describe, expect, it } from 'vitest';
import { readDiagnostics } from './diagnostics.js';

describe('readDiagnostics', () => {
  it('reads the diagnostics of an exam-invalid reply', () => {
    const diagnostic = { severity: 'error', code: 'x', message: 'Bad', line: 3, column: 5, hint: 'Fix it' };
    expect(readDiagnostics({ diagnostics: [diagnostic] })).toEqual([diagnostic]);
  });

  it('is empty for anything else', () => {
    expect(readDiagnostics(undefined)).toEqual([]);
    expect(readDiagnostics({ diagnostics: 'no' })).toEqual([]);
  });
});
