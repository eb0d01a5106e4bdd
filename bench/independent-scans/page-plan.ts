/**
 * Which page gets which capture, resolution and hand(s). The captures are interleaved (a fixed shuffle), so that the
 * first N pages of the set are a fair sample of all of it.
 */
import type { CaptureKind } from './capture.js';
import { HANDS, type Hand } from './hands.js';
import { Rng } from './random.js';

export interface PagePlan {
  readonly index: number;
  /** Seed of everything drawn for this page (marks, paper, capture). */
  readonly seed: string;
  readonly capture: CaptureKind;
  /** Requested resolution (a fax's is always its own 204 dpi). */
  readonly dpi: number;
  readonly hands: readonly Hand[];
}

/** Pages per capture and resolution in a set of 300 (104 bubbles a page: 31,200 bubbles). */
const GROUPS: readonly (readonly [CaptureKind, readonly number[], number])[] = [
  ['clean', [150, 200, 300], 20],
  ['office', [150, 200, 300], 20],
  ['fax', [204], 40],
  ['photocopy', [200], 40],
  ['phone', [175, 200, 225], 20],
  ['harsh', [175, 200, 225], 14],
];

export const DEFAULT_PAGES = GROUPS.reduce((sum, [, dpis, count]) => sum + dpis.length * count, 0);

export function planPages(count: number = DEFAULT_PAGES): PagePlan[] {
  const random = new Rng('plan');
  const slots: [CaptureKind, number][] = [];
  for (const [capture, dpis, pages] of GROUPS)
    for (const dpi of dpis) for (let k = 0; k < pages; k += 1) slots.push([capture, dpi]);
  random.shuffle(slots);
  const handOrder = random.shuffle(HANDS.map((_, index) => index));
  return Array.from({ length: count }, (_, index) => {
    const [capture, nominal] = slots[index % slots.length] ?? ['clean', 200];
    const pageRandom = random.fork(`page-${index}`);
    // A photo's resolution is wherever the phone happened to be: ±25 dpi around the group's, 150–250 in all.
    const dpi =
      capture === 'phone' || capture === 'harsh' ? Math.round(nominal + pageRandom.uniform(-25, 25)) : nominal;
    const primary = HANDS[handOrder[index % HANDS.length] ?? 0];
    const second = pageRandom.chance(0.12) ? HANDS[pageRandom.int(0, HANDS.length - 1)] : undefined;
    if (!primary) throw new Error('no hands');
    const hands = second && second !== primary ? [primary, second] : [primary];
    return { index, seed: `page-${index}`, capture, dpi, hands };
  });
}
