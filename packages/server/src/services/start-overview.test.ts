import { parseExam } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SOURCE } from '../test-support/test-app.js';
import { startOverview } from './start-overview.js';

function bundled() {
  const parsed = parseExam(BUNDLED_SOURCE);
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  return parsed.exam;
}

describe('startOverview', () => {
  it('summarises each section, the total and the online instructions (not the paper-only fill rule)', () => {
    const overview = startOverview(bundled(), { durationMinutes: 120, graceSeconds: 60 }, 1);
    expect(
      overview.sections.map(({ id, questions, marks, penalties, total }) => ({
        id,
        questions,
        marks,
        penalties,
        total,
      })),
    ).toEqual([
      { id: 'beginner', questions: 26, marks: ['0.5'], penalties: ['0.5'], total: '13' },
      { id: 'intermediate', questions: 2, marks: ['2'], penalties: ['0'], total: '4' },
      { id: 'advanced', questions: 1, marks: ['3'], penalties: ['0'], total: '3' },
    ]);
    expect(overview.total).toBe('20');
    expect(overview.instructions).toContain('negative marking of 0.5');
    expect(overview.instructions).not.toMatch(/filled completely|paper-only/);
    expect(JSON.stringify(overview)).not.toContain('Gaussian');
  });

  it("gives the student's own time, extra time included, to the second", () => {
    const sitting = { durationMinutes: 60, graceSeconds: 30 };
    expect(startOverview(bundled(), sitting, 1.15)).toMatchObject({
      ownDurationSeconds: 69 * 60,
      timeMultiplier: 1.15,
    });
    expect(startOverview(bundled(), sitting, 1).ownDurationSeconds).toBe(3600);
  });
});
