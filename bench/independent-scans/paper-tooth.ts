/**
 * The paper's surface at 400 dpi (one pixel ≈ 64 µm). Office paper is a felt of cellulose fibres 20–40 µm wide and
 * 1–3 mm long, laid mostly along the machine direction, with pores between them and a cloudy "formation" at the
 * millimetre scale. A pencil lead is harder than the spaces between fibres are deep: it only touches the tops, and
 * pressing harder reaches further down. That is why a light pencil fill is grainy and a heavy one is nearly solid.
 */
import { clamp01, hash01, valueNoise } from './random.js';

/** Depth of the surface at a pixel of the page: 0 at a fibre top, 1 in the deepest pore. */
export function toothDepth(x: number, y: number, salt: number): number {
  const pore = hash01(x, y, salt);
  const fibre = valueNoise(x / 1.6, y / 4.5, salt ^ 0x5bd1e995);
  const crossing = valueNoise(x / 4, y / 1.4, salt ^ 0x27d4eb2f);
  const formation = valueNoise(x / 10, y / 10, salt ^ 0x1b873593);
  return clamp01(0.05 + 0.2 * pore + 0.38 * fibre + 0.17 * crossing + 0.2 * formation);
}

/** Low-frequency variation in how shiny rubbed graphite is (sheen shows in patches a few mm across). */
export function sheenPatch(x: number, y: number, salt: number): number {
  return valueNoise(x / 28, y / 28, salt ^ 0x68e31da4);
}
