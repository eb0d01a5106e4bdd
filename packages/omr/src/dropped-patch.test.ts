import { describe, expect, it } from 'vitest';
import { isOneBit } from './one-bit.js';
import { REVIEW_BELOW } from './mark-rule.js';
import { sendByFax } from './test-support/fax.js';
import { pencilSheet } from './test-support/pencil-segments.js';
import { questionBubbles, readQuestionBubbles } from './test-support/survey.js';

/**
 * A soft pencil burnished by a heavy hand reflects the scanner's lamp in patches (sheen), which a grey capture shows
 * lighter than the rest of the fill. A fax's threshold drops such a patch to paper, and a complete fill then shows a
 * bare region of up to a quarter of the disc — what a partial fill with a small bare part shows. The independent
 * test's faxes read 10 soft pencil fills so as confident partial fills, each a student's answer lost. Drawn here with
 * the project's own graphite, and a patch of paper-white sheen of the given share of the disc along the rim.
 */
const DPI = 200;

const faxAt = (level: number) => ({ tone: { kind: 'threshold', level } as const, skew: 0.3, blurMm: 0.1 });

describe('a soft pencil fill whose sheen a fax threshold dropped to paper', () => {
  it.each([
    { patch: 0.16, level: 150 },
    { patch: 0.22, level: 150 },
    { patch: 0.22, level: 128 },
  ])('is never read as a confident partial fill (sheen over $patch of the disc, threshold $level)', async (c) => {
    const sheet = await pencilSheet(DPI, 11, () => ({ darkness: 0.8, segment: c.patch, segmentKeeps: 0.3 }));
    const faxed = await sendByFax(sheet, DPI, faxAt(c.level));
    expect(isOneBit(faxed)).toBe(true);
    const readings = readQuestionBubbles(faxed);
    expect(readings).toHaveLength(questionBubbles.length);
    // A fill, or a question for a person; never an answer lost without one.
    const lost = readings.filter((reading) => reading.kind !== 'filled' && reading.fillConfidence >= REVIEW_BELOW);
    expect(lost.map(({ kind, features }) => ({ kind, bare: features.bareArea }))).toEqual([]);
  });

  // A third of the disc left bare measures about a quarter once the threshold has swollen the ink: the band where a
  // person decides. Partial fills leave more (the independent test's: a fifth to four fifths of the disc).
  it('a partial fill leaving over two fifths of the disc bare still reads as one with confidence on the fax', async () => {
    const sheet = await pencilSheet(DPI, 12, () => ({ darkness: 0.8, segment: 0.42, segmentKeeps: 0 }));
    const readings = readQuestionBubbles(await sendByFax(sheet, DPI, faxAt(150)));
    const confidentPartials = readings.filter(
      (reading) => reading.kind === 'partial' && reading.fillConfidence >= REVIEW_BELOW,
    );
    expect(confidentPartials.length).toBeGreaterThanOrEqual(0.9 * questionBubbles.length);
  });
});
