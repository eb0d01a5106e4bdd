import { describe, expect, it } from 'vitest';
import type { MarkReading } from './classify-mark.js';
import type { GreyImage } from './grey-image.js';
import { isOneBit } from './one-bit.js';
import { REVIEW_BELOW } from './mark-rule.js';
import { sendByFax } from './test-support/fax.js';
import { graphite } from './test-support/graphite.js';
import { bubbles, printedSheet, readSheet } from './test-support/survey.js';

/**
 * A soft pencil burnished by a heavy hand reflects the scanner's lamp in patches (sheen), which a grey capture shows
 * lighter than the rest of the fill. A fax's threshold drops such a patch to paper, and a complete fill then shows a
 * bare region of up to a quarter of the disc — what a partial fill with a small bare part shows. The independent
 * test's faxes read 10 soft pencil fills so as confident partial fills, each a student's answer lost. Drawn here with
 * the project's own graphite, and a patch of paper-white sheen of the given share of the disc along the rim.
 */
const DPI = 200;
const questionBubbles = bubbles.filter((bubble) => !bubble.group.startsWith('digit'));

/** Inks every question bubble out to `cover` radii, leaving bare (or only as light as sheen) a segment of `patch` of the disc. */
async function sheetOf(mark: { readonly patch: number; readonly sheen: number }, seed: number): Promise<GreyImage> {
  const printed = await printedSheet(DPI);
  const image = { ...printed, pixels: new Uint8Array(printed.pixels) };
  const scale = DPI / 72;
  const pencil = graphite({ darkness: 0.8, valleys: 0.08, mottle: 0.15, pixelsPerMm: DPI / 25.4, seed });
  questionBubbles.forEach((bubble, index) => {
    const r = bubble.r * scale;
    const [cx, cy] = [bubble.x * scale, bubble.y * scale];
    // The patch is the disc's segment beyond a chord at distance `cut` from the centre, facing its own way.
    const angle = index * 2.39996;
    const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
    const cut = chordFor(mark.patch);
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y += 1)
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x += 1) {
        const [dx, dy] = [(x - cx) / r, (y - cy) / r];
        if (dx * dx + dy * dy > 0.95 * 0.95) continue;
        const inPatch = dx * ux + dy * uy > cut;
        const darkness = pencil.at(x, y, 1.1) * (inPatch ? mark.sheen : 1);
        const at = y * image.width + x;
        image.pixels[at] = Math.round((image.pixels[at] ?? 255) * (1 - darkness));
      }
  });
  return image;
}

/** The distance from the centre (radii) of the chord that cuts off `share` of the unit disc. */
function chordFor(share: number): number {
  let [low, high] = [-1, 1];
  for (let step = 0; step < 40; step += 1) {
    const d = (low + high) / 2;
    const segment = (Math.acos(d) - d * Math.sqrt(1 - d * d)) / Math.PI;
    if (segment > share) low = d;
    else high = d;
  }
  return (low + high) / 2;
}

function questionReadings(image: GreyImage): MarkReading[] {
  const readings = readSheet(image);
  if (!readings) throw new Error('corner marks not found');
  return questionBubbles.map((bubble) => readings[bubbles.indexOf(bubble)]).filter((reading) => reading !== undefined);
}

const faxAt = (level: number) => ({ tone: { kind: 'threshold', level } as const, skew: 0.3, blurMm: 0.1 });

describe('a soft pencil fill whose sheen a fax threshold dropped to paper', () => {
  it.each([
    { patch: 0.16, level: 150 },
    { patch: 0.22, level: 150 },
    { patch: 0.22, level: 128 },
  ])('is never read as a confident partial fill (sheen over $patch of the disc, threshold $level)', async (c) => {
    const sheet = await sheetOf({ patch: c.patch, sheen: 0.3 }, 11);
    const faxed = await sendByFax(sheet, DPI, faxAt(c.level));
    expect(isOneBit(faxed)).toBe(true);
    const readings = questionReadings(faxed);
    expect(readings).toHaveLength(questionBubbles.length);
    // A fill, or a question for a person; never an answer lost without one.
    const lost = readings.filter((reading) => reading.kind !== 'filled' && reading.fillConfidence >= REVIEW_BELOW);
    expect(lost.map(({ kind, features }) => ({ kind, bare: features.bareArea }))).toEqual([]);
  });

  // A third of the disc left bare measures about a quarter once the threshold has swollen the ink: the band where a
  // person decides. Partial fills leave more (the independent test's: a fifth to four fifths of the disc).
  it('a partial fill leaving over two fifths of the disc bare still reads as one with confidence on the fax', async () => {
    const sheet = await sheetOf({ patch: 0.42, sheen: 0 }, 12);
    const readings = questionReadings(await sendByFax(sheet, DPI, faxAt(150)));
    const confidentPartials = readings.filter(
      (reading) => reading.kind === 'partial' && reading.fillConfidence >= REVIEW_BELOW,
    );
    expect(confidentPartials.length).toBeGreaterThanOrEqual(0.9 * questionBubbles.length);
  });
});
