import type { ExamDetail } from '@examforge/server/api';
import { describe, expect, it } from 'vitest';
import { sittingBlockedBy } from './lint-gate.js';

type Diagnostic = ExamDetail['diagnostics'][number];

const at = (severity: Diagnostic['severity'], line: number, message: string): Diagnostic => ({
  severity,
  code: 'c',
  message,
  line,
  column: 3,
});

describe('sittingBlockedBy', () => {
  it('is silent while the check finds warnings only', () => {
    expect(sittingBlockedBy([at('warning', 4, 'no explanation'), at('info', 5, 'a note')])).toBeUndefined();
  });

  it('names the first errors where they are, and counts the rest', () => {
    const errors = [
      at('error', 14, 'math never closed'),
      at('warning', 2, 'w'),
      at('error', 19, 'no key'),
      at('error', 30, 'x'),
    ];
    expect(sittingBlockedBy(errors)).toBe(
      'This exam has 3 errors, so no sitting can be opened: line 14, column 3: math never closed; ' +
        'line 19, column 3: no key; and 1 more. Fix the exam file and import it again (warnings do not block).',
    );
  });
});
