import type { GreyImage } from '../grey-image.js';
import { solve } from './disc-share.js';
import { graphite } from './graphite.js';
import { printedSheet, questionBubbles } from './survey.js';

/** What one bubble gets: graphite over the disc, and a segment along the rim left lighter (or bare). */
export interface PencilSegment {
  /** How dark the pencil is on the paper's tooth (HB about 0.45, a soft 4B up to 0.8, a light hand 0.15–0.3). */
  readonly darkness: number;
  /** The share of the disc in the segment (0: none). */
  readonly segment: number;
  /** How much of the pencil's darkness the segment keeps: 0 bare paper, 0.3 a burnished patch's sheen. */
  readonly segmentKeeps: number;
}

/**
 * The sheet printed at `dpi` with every question bubble inked in graphite out to 0.95 r, each bubble's segment
 * facing its own way round the circle (`mark` says what each gets, by its index among the question bubbles).
 *
 * @example
 * const sheet = await pencilSheet(200, 11, () => ({ darkness: 0.8, segment: 0.22, segmentKeeps: 0.3 }));
 */
export async function pencilSheet(
  dpi: number,
  seed: number,
  mark: (index: number) => PencilSegment,
): Promise<GreyImage> {
  const printed = await printedSheet(dpi);
  const image = { ...printed, pixels: new Uint8Array(printed.pixels) };
  const scale = dpi / 72;
  questionBubbles.forEach((bubble, index) => {
    const { darkness, segment, segmentKeeps } = mark(index);
    const pencil = graphite({ darkness, valleys: 0.08, mottle: 0.15, pixelsPerMm: dpi / 25.4, seed: seed + index });
    const r = bubble.r * scale;
    const [cx, cy] = [bubble.x * scale, bubble.y * scale];
    const angle = index * 2.39996;
    const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
    const cut = segment > 0 ? chordCutting(segment) : 1;
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y += 1)
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x += 1) {
        const [dx, dy] = [(x - cx) / r, (y - cy) / r];
        if (dx * dx + dy * dy > 0.95 * 0.95) continue;
        const inSegment = dx * ux + dy * uy > cut;
        const ink = pencil.at(x, y, 1.1) * (inSegment ? segmentKeeps : 1);
        const at = y * image.width + x;
        image.pixels[at] = Math.round((image.pixels[at] ?? 255) * (1 - ink));
      }
  });
  return image;
}

/** The distance from the centre (radii) of the chord that cuts `share` of the unit disc off. */
function chordCutting(share: number): number {
  const segmentBeyond = (d: number) => (Math.acos(d) - d * Math.sqrt(1 - d * d)) / Math.PI;
  // The segment shrinks as the chord moves out: solve on the share kept inside it.
  return solve(1 - share, -1, 1, (d) => 1 - segmentBeyond(d));
}
