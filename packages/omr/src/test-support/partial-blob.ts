import { shareOf, solve } from './disc-share.js';

/** A point on the page, pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * A blob of ink put down inside the bubble: solid (every pixel inside its outline inked), or passes of the tool (a
 * tight scribble back and forth, or a spiral) close enough to merge into an area.
 */
export type PartialBlob =
  | {
      readonly kind: 'solid';
      readonly centre: Point;
      readonly reach: number;
      readonly inside: (dx: number, dy: number) => boolean;
    }
  | { readonly kind: 'passes'; readonly width: number; readonly path: readonly Point[] };

/**
 * A partial fill as a compact area of ink inside the bubble, away from its centre: a blob pressed down, a hasty
 * scribble or a small spiral whose passes merged, covering 20–60 % of the white disc inside the ring (radius
 * `white`), round or a little long, its edge uneven. It stays clear of the ring or touches it briefly; the rest of
 * the disc, all round it, is bare paper. A person reads it as a partial fill: part of the bubble covered as an area,
 * a clearly bare part left.
 *
 * `stroke` is the tool's line width (pixels); `random` draws every choice.
 *
 * @example
 * const blob = partialBlob(x, y, r, r * (1 - 0.4 / 6), r * 0.2, seededRandom('blob'));
 */
export function partialBlob(
  x: number,
  y: number,
  r: number,
  white: number,
  stroke: number,
  random: () => number,
): PartialBlob {
  const between = (low: number, high: number) => low + random() * (high - low);
  const target = between(0.2, 0.6);
  // Long no further than the disc allows: the blob stays inside the ring.
  const aspect = between(1, Math.min(1.6, (0.92 / Math.sqrt(target)) ** 2));
  const radial = outline(aspect, between(0, Math.PI), between(0, 0.1), between(0, 0.07), random);
  const farthest = Math.max(...Array.from({ length: 64 }, (_, k) => radial((k / 64) * 2 * Math.PI)));
  const blobAt = (ox: number, oy: number) => (scale: number) => (dx: number, dy: number) => {
    const [px, py] = [dx - ox, dy - oy];
    return Math.hypot(px, py) <= scale * radial(Math.atan2(py, px));
  };
  const sizeFor = (ox: number, oy: number) =>
    solve(target, 0, 2 * white, (scale) => shareOf(white, blobAt(ox, oy)(scale)));
  // Off the centre by as much as the ring leaves room for (a little past, for a blob that touches it briefly), and
  // at least so far that the bare paper beside it is a clearly bare part (0.4 r across), not a thin ring round a
  // fill that stopped short of the rim all round.
  const limit = white * between(0.8, 1.03);
  const centred = sizeFor(0, 0) * farthest;
  const offset = Math.max(0.1 * r, centred + 0.4 * r - white, (limit - centred) * between(0.5, 1));
  const direction = between(0, 2 * Math.PI);
  const [ox, oy] = [Math.cos(direction) * offset, Math.sin(direction) * offset];
  const scale = sizeFor(ox, oy);
  const centre = { x: x + ox, y: y + oy };
  const style = random();
  if (style < 0.35) {
    const inside = blobAt(0, 0)(scale);
    return { kind: 'solid', centre, reach: scale * farthest, inside };
  }
  // A tool wider than the blob is narrow enough to make it: the blob is what was left on the paper.
  const nearest = Math.min(...Array.from({ length: 64 }, (_, k) => radial((k / 64) * 2 * Math.PI)));
  const width = Math.min(stroke, scale * nearest);
  const spacing = width * between(0.45, 0.9);
  const edge = (angle: number) => Math.max(0, scale * radial(angle) - width / 2);
  const path =
    style < 0.7
      ? scribble(centre, edge, spacing, between(0, Math.PI))
      : spiral(centre, edge, spacing, between(0, 2 * Math.PI));
  return { kind: 'passes', width, path };
}

/**
 * The blob's outline as its radius at each angle (unit area scale): an ellipse of the given aspect turned by
 * `turn`, with uneven bulges of the second and third order.
 */
function outline(aspect: number, turn: number, second: number, third: number, random: () => number) {
  const [a, b] = [Math.sqrt(aspect), 1 / Math.sqrt(aspect)];
  const [p2, p3] = [random() * 2 * Math.PI, random() * 2 * Math.PI];
  return (angle: number) => {
    const t = angle - turn;
    const ellipse = 1 / Math.hypot(Math.cos(t) / a, Math.sin(t) / b);
    return ellipse * (1 + second * Math.sin(2 * angle + p2) + third * Math.sin(3 * angle + p3));
  };
}

/** Back and forth across the outline (`edge`: its radius at each angle, less half the line) at `spacing`. */
function scribble(centre: Point, edge: (angle: number) => number, spacing: number, turn: number): Point[] {
  const [ux, uy, vx, vy] = [Math.cos(turn), Math.sin(turn), -Math.sin(turn), Math.cos(turn)];
  const inside = (px: number, py: number) => Math.hypot(px, py) <= edge(Math.atan2(py, px));
  const step = spacing / 8;
  const reach = Math.max(...Array.from({ length: 64 }, (_, k) => edge((k / 64) * 2 * Math.PI)));
  const path: Point[] = [];
  for (let depth = -reach, row = 0; depth <= reach; depth += spacing, row += 1) {
    let [low, high] = [0, 0];
    if (!inside(vx * depth, vy * depth)) continue;
    while (inside(vx * depth + ux * (low - step), vy * depth + uy * (low - step))) low -= step;
    while (inside(vx * depth + ux * (high + step), vy * depth + uy * (high + step))) high += step;
    const [from, to] = row % 2 === 0 ? [low, high] : [high, low];
    for (const along of [from, to])
      path.push({ x: centre.x + vx * depth + ux * along, y: centre.y + vy * depth + uy * along });
  }
  return path;
}

/** Round and round from the outline (`edge`) in to the middle, one turn per `spacing`. */
function spiral(centre: Point, edge: (angle: number) => number, spacing: number, phase: number): Point[] {
  const reach = Math.max(...Array.from({ length: 64 }, (_, k) => edge((k / 64) * 2 * Math.PI)));
  const turns = Math.max(1, reach / spacing);
  const steps = Math.ceil(turns * 24);
  return Array.from({ length: steps + 1 }, (_, k) => {
    const angle = phase + (k / steps) * turns * 2 * Math.PI;
    const radius = edge(angle) * (1 - k / steps);
    return { x: centre.x + Math.cos(angle) * radius, y: centre.y + Math.sin(angle) * radius };
  });
}
