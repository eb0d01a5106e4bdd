import { valueNoise } from './graphite.js';

/** What the eraser left, as the darkness it adds at a pixel, and how far from the bubble's centre it can reach. */
export interface Residue {
  readonly reach: number;
  readonly shade: (x: number, y: number) => number;
}

/**
 * The mean darkness left inside the ring: an eraser lifts half or more of the graphite it rubs, so what is left is a
 * share of the fill that was there (15–50 %), between these bounds.
 */
const RESIDUE_LEAST = 0.05;
const RESIDUE_MOST = 0.25;

/** Pixels sampled per radius when the residue is scaled to its mean darkness inside the ring. */
const SAMPLES_PER_RADIUS = 12;

/**
 * What an eraser leaves of a pencil fill when it is rubbed one way: the graphite it could not lift stays in the
 * paper's pores (the tooth's tops come clean), and what it lifted is dragged 1–3.5 mm along the eraser's stroke,
 * thinning as it goes, so the residue is a grainy comet whose tail runs past the ring on one side. Its mean darkness
 * inside the ring is 15–50 % of the erased fill's (`fillDarkness`), within 5–25 %; half the time a faint arc of graphite stays just outside the ring, where the
 * fill ran over it and the eraser did not reach. It is noise to a person: a bubble rubbed out, not a mark.
 *
 * @example
 * const residue = smearedResidue(x, y, r, 0.5, random, 200 / 25.4);
 * canvas.region(x, y, residue.reach, residue.shade, () => true);
 */
export function smearedResidue(
  x: number,
  y: number,
  r: number,
  fillDarkness: number,
  random: () => number,
  pixelsPerMm: number,
): Residue {
  const between = (low: number, high: number) => low + random() * (high - low);
  const angle = between(0, 2 * Math.PI);
  const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
  const drag = between(1, 3.5) * pixelsPerMm;
  const fill = r * between(0.9, 1.05);
  const pores = valueNoise(Math.floor(random() * 2 ** 30), Math.max(0.6, 0.1 * pixelsPerMm));
  const poreShare = between(0.3, 0.5);
  const blotch = valueNoise(Math.floor(random() * 2 ** 30), Math.max(1, 0.5 * pixelsPerMm));
  const arc = random() < 0.5 ? ghostArc(r, between) : undefined;
  const raw = (px: number, py: number) => {
    const [dx, dy] = [px - x, py - y];
    const dragged = draggedDisc(dx * ux + dy * uy, -dx * uy + dy * ux, fill, drag);
    const inPore = pores(px, py) < poreShare ? 1 : 0.25;
    return dragged * inPore * (0.6 + 0.8 * blotch(px, py)) + (arc?.(dx, dy) ?? 0);
  };
  const left = Math.min(RESIDUE_MOST, Math.max(RESIDUE_LEAST, fillDarkness * between(0.15, 0.5)));
  const scale = left / meanInside(raw, x, y, r * WHITE_DISC);
  return {
    reach: fill + drag + r * 0.3,
    shade: (px, py) => Math.min(0.85, scale * raw(px, py)),
  };
}

/** The white disc inside the printed ring, as a share of the radius (a 0.8 pt line on a 6 pt radius). */
const WHITE_DISC = 1 - 0.4 / 6;

/**
 * The share of a disc of graphite (radius `fill`) dragged `drag` pixels along +a that lies over a point (a along the
 * drag, b across it): the disc swept along the drag, each position weighted by what is left to drag (a quarter at
 * the end), normalised to 1 where the whole sweep lies over the point.
 */
function draggedDisc(a: number, b: number, fill: number, drag: number): number {
  if (Math.abs(b) >= fill) return 0;
  const half = Math.sqrt(fill * fill - b * b);
  const [from, to] = [Math.max(0, a - half), Math.min(drag, a + half)];
  if (to <= from) return 0;
  const swept = (t: number) => t - (0.375 * t * t) / drag;
  return (swept(to) - swept(from)) / swept(Math.min(drag, 2 * half));
}

/** A faint arc of graphite just outside the ring, over a quarter to three quarters of it. */
function ghostArc(r: number, between: (low: number, high: number) => number) {
  const [radius, width] = [r * between(1.06, 1.15), r * between(0.06, 0.12)];
  const [start, span] = [between(0, 2 * Math.PI), between(0.5, 1.5) * Math.PI];
  const darkness = between(0.3, 0.7);
  return (dx: number, dy: number) => {
    const along = (Math.atan2(dy, dx) - start + 4 * Math.PI) % (2 * Math.PI);
    return along <= span && Math.abs(Math.hypot(dx, dy) - radius) <= width / 2 ? darkness : 0;
  };
}

/** The mean of `shade` over the disc of `radius` round (x, y), sampled on a grid. */
function meanInside(shade: (x: number, y: number) => number, x: number, y: number, radius: number): number {
  const step = radius / SAMPLES_PER_RADIUS;
  let [sum, count] = [0, 0];
  for (let dy = -radius; dy <= radius; dy += step)
    for (let dx = -radius; dx <= radius; dx += step)
      if (dx * dx + dy * dy <= radius * radius) {
        sum += shade(x + dx, y + dy);
        count += 1;
      }
  return Math.max(sum / Math.max(count, 1), 1e-6);
}
