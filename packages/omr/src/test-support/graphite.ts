/**
 * Graphite on paper, as a scanner sees it. A pencil leaves graphite on the tops of the paper's tooth and skips its
 * valleys, so even a firm, complete fill is speckled with paper at the scale of the fibres (about 0.1 mm); the hand's
 * pressure varies along the stroke, so the fill is mottled at a larger scale (about 0.5 mm). Both are fixed to the
 * paper, not to the stroke: two passes over the same spot skip the same valleys.
 */
export interface Graphite {
  /** Darkness (0–1) that the pencil leaves at pixel (x, y) when the hand presses with `pressure` (about 1). */
  at(x: number, y: number, pressure: number): number;
}

export interface GraphiteOptions {
  /** Darkness of a firm stroke on a tooth top: HB about 0.45, a soft 4B up to 0.8. */
  readonly darkness: number;
  /** Share of the paper in the tooth's valleys, which take little graphite (0.05–0.3; more for a light hand). */
  readonly valleys: number;
  /** How much the pressure mottles the fill, as a share of the darkness (0–0.4). */
  readonly mottle: number;
  /** Pixels per millimetre of the image drawn on. */
  readonly pixelsPerMm: number;
  readonly seed: number;
}

/**
 * Seeded value noise: smooth random values between lattice points `cell` pixels apart, in [0, 1).
 *
 * @example
 * const noise = valueNoise(7, 3); noise(10.5, 4.2);
 */
export function valueNoise(seed: number, cell: number): (x: number, y: number) => number {
  const hash = (i: number, j: number) => {
    let h = Math.imul(i, 374761393) ^ Math.imul(j, 668265263) ^ Math.imul(seed, 2246822519);
    h = Math.imul(h ^ (h >>> 13), 1274126177);
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
  };
  return (x, y) => {
    const [gx, gy] = [x / cell, y / cell];
    const [i, j] = [Math.floor(gx), Math.floor(gy)];
    const [fx, fy] = [smooth(gx - i), smooth(gy - j)];
    const top = hash(i, j) * (1 - fx) + hash(i + 1, j) * fx;
    const bottom = hash(i, j + 1) * (1 - fx) + hash(i + 1, j + 1) * fx;
    return top * (1 - fy) + bottom * fy;
  };
}

const smooth = (t: number) => t * t * (3 - 2 * t);

/**
 * A pencil on this sheet of paper.
 *
 * @example
 * const pencil = graphite({ darkness: 0.5, valleys: 0.15, mottle: 0.2, pixelsPerMm: 200 / 25.4, seed: 1 });
 * const darkness = pencil.at(x, y, 1);
 */
export function graphite(options: GraphiteOptions): Graphite {
  const fibre = valueNoise(options.seed, Math.max(0.6, 0.1 * options.pixelsPerMm));
  const fine = valueNoise(options.seed + 1, Math.max(0.5, 0.05 * options.pixelsPerMm));
  const pressure = valueNoise(options.seed + 2, Math.max(1, 0.5 * options.pixelsPerMm));
  return {
    at(x, y, force) {
      // Tooth height 0–1; the valleys are the lowest `valleys` share, which a light hand reaches less.
      const tooth = 0.7 * fibre(x, y) + 0.3 * fine(x, y);
      const valley = tooth < quantile(options.valleys / Math.max(0.4, force)) ? 0.25 : 1;
      const mottled = 1 + options.mottle * (2 * pressure(x, y) - 1);
      return Math.min(1, options.darkness * force * mottled * valley);
    },
  };
}

/**
 * The tooth value below which the given share of the paper lies. The tooth mixes two value noises, whose values
 * cluster round the middle; this approximates its distribution by a triangle on [0.1, 0.9].
 */
function quantile(share: number): number {
  const p = Math.min(0.95, Math.max(0, share));
  return p < 0.5 ? 0.1 + 0.4 * Math.sqrt(2 * p) : 0.9 - 0.4 * Math.sqrt(2 * (1 - p));
}
