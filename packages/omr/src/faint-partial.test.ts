import { describe, expect, it } from 'vitest';
import { REVIEW_BELOW } from './mark-rule.js';
import { pencilSheet } from './test-support/pencil-segments.js';
import { readQuestionBubbles } from './test-support/survey.js';

/**
 * A light hand's partial fill is as faint as erasure residue, but it leaves clean paper beside it where an eraser
 * smears what it leaves over all it rubbed. The independent test read 8 such partial fills (typical darkness
 * 0.1–0.25, half the bubble or more bare) as residue with confidence. Drawn here with the project's own graphite:
 * fills of a heavy hand in every other bubble, faint half fills between them, just dark enough for the reader to
 * measure their shape.
 */
const DPI = 200;

describe('a faint partial fill beside clean paper', () => {
  it.each([0.26, 0.3])('is never read as residue with confidence (graphite %s dark)', async (darkness) => {
    const sheet = await pencilSheet(DPI, 21, (index) =>
      index % 2 === 0 ? { darkness: 0.75, segment: 0, segmentKeeps: 1 } : { darkness, segment: 0.5, segmentKeeps: 0 },
    );
    const faint = readQuestionBubbles(sheet).filter((_, index) => index % 2 === 1);
    expect(faint.length).toBeGreaterThan(40);
    const residue = faint.filter((reading) => reading.kind === 'erasure' && reading.confidence >= REVIEW_BELOW);
    expect(residue.map(({ features }) => [features.typical, features.bareArea])).toEqual([]);
    // Neither is an answer: no row goes to a person for it.
    expect(faint.filter((reading) => reading.fillConfidence < REVIEW_BELOW)).toEqual([]);
  });
});
