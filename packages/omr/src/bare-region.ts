import { SIDE } from './bubble-lattice.js';
import { ALL, indicesOf } from './lattice-points.js';

/**
 * How far out the bare region is looked for (radii): past 0.85 r the printed ring's blur, taken out by mirror symmetry,
 * takes a fill's ink with it on a scan that blackens the ring.
 */
const REACH_RHO = 0.85;
/** Beyond this radius a point counts as bare against the outer level (see `largestBareRegion`). */
const OUTER_RHO = 0.75;
const POINTS = ALL.filter((point) => point.rho <= REACH_RHO);
const INDEX = indicesOf(POINTS);
const OUTER = Uint8Array.from(POINTS, (point) => (point.rho > OUTER_RHO ? 1 : 0));
const bareMask = new Uint8Array(SIDE * SIDE);
const seen = new Uint8Array(SIDE * SIDE);
const stack = new Int32Array(SIDE * SIDE);
const NEIGHBOURS = [1, -1, SIDE, -SIDE];

/**
 * The largest connected bare region of the bubble out to 0.85 r, as a share of it: what a person sees as the part
 * left unfilled. Pencil grain leaves bare specks scattered over a fill, each a point or two; a fill that stops a
 * little short of the ring on one side leaves a sliver of a few per cent; a partial fill leaves a fifth of the bubble
 * or more in one piece. `bare` is the darkness below which a point is paper, `bareOuter` the same beyond 0.75 r.
 *
 * @example
 * largestBareRegion(mark, 0.1, 0.05); // 0.04 for a fill with a thin bare sliver along the rim
 */
export function largestBareRegion(mark: Float32Array, bare: number, bareOuter: number): number {
  bareMask.fill(0);
  seen.fill(0);
  for (let k = 0; k < INDEX.length; k += 1) {
    const index = INDEX[k] ?? 0;
    bareMask[index] = (mark[index] ?? 0) < (OUTER[k] ? bareOuter : bare) ? 1 : 0;
  }
  let largest = 0;
  for (const start of INDEX) {
    if (!bareMask[start] || seen[start]) continue;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const at = stack[--top] ?? 0;
      size += 1;
      for (const step of NEIGHBOURS) {
        const next = at + step;
        if (bareMask[next] && !seen[next]) {
          seen[next] = 1;
          stack[top++] = next;
        }
      }
    }
    largest = Math.max(largest, size);
  }
  return largest / INDEX.length;
}
