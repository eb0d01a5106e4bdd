/**
 * Which page gets which capture, resolution and hand(s). The captures are interleaved (a fixed shuffle), so that the
 * first N pages of the set are a fair sample of all of it.
 *
 * Hands are dealt per capture and resolution, from one fixed order in which every run of 12 holds 3 HB and 3 soft
 * pencils, 2 of each pen, and light, medium and heavy hands alike. A group of 20 pages therefore gets the same mix of
 * tools and pressures as every other group. (Until v11 one shuffled cycle of 48 hands ran across the whole set, so a
 * group got whichever hands the shuffle gave it: one draw's clean pages had three times another's light HB hands, and
 * draws of one reader differed by more than a round's changes.)
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
  const handOrder = stratifiedHandOrder();
  /** Per group: where in the hand order it starts (drawn), and how many of its pages have been dealt. */
  const dealt = new Map<string, { start: number; pages: number }>();
  return Array.from({ length: count }, (_, index) => {
    const [capture, nominal] = slots[index % slots.length] ?? ['clean', 200];
    const groupKey = `${capture}-${nominal}`;
    const group = dealt.get(groupKey) ?? { start: random.fork(groupKey).int(0, HANDS.length - 1), pages: 0 };
    dealt.set(groupKey, { ...group, pages: group.pages + 1 });
    const pageRandom = random.fork(`page-${index}`);
    // A photo's resolution is wherever the phone happened to be: ±25 dpi around the group's, 150–250 in all.
    const dpi =
      capture === 'phone' || capture === 'harsh' ? Math.round(nominal + pageRandom.uniform(-25, 25)) : nominal;
    const primary = HANDS[handOrder[(group.start + group.pages) % handOrder.length] ?? 0];
    const second = pageRandom.chance(0.12) ? HANDS[pageRandom.int(0, HANDS.length - 1)] : undefined;
    if (!primary) throw new Error('no hands');
    const hands = second && second !== primary ? [primary, second] : [primary];
    return { index, seed: `page-${index}`, capture, dpi, hands };
  });
}

/**
 * The hands in 4 blocks of 12: each block takes a quarter of every tool's hands (3 HB, 3 soft, 2 of each pen), in the
 * order `HANDS` lists them, which cycles light, medium and heavy: so every block holds each weight alike. Within a
 * block the tools are interleaved, so a group that starts mid-block still gets every tool.
 */
function stratifiedHandOrder(): number[] {
  const BLOCKS = 4;
  const lanesByTool = new Map<string, number[]>();
  HANDS.forEach((hand, index) => lanesByTool.set(hand.tool.kind, [...(lanesByTool.get(hand.tool.kind) ?? []), index]));
  const order: number[] = [];
  for (let block = 0; block < BLOCKS; block += 1) {
    const lanes = [...lanesByTool.values()].map((lane) => {
      const per = lane.length / BLOCKS;
      return lane.slice(block * per, (block + 1) * per);
    });
    const longest = Math.max(...lanes.map((lane) => lane.length));
    for (let round = 0; round < longest; round += 1)
      for (const lane of lanes) {
        const hand = lane[round];
        if (hand !== undefined) order.push(hand);
      }
  }
  if (new Set(order).size !== HANDS.length) throw new Error('the hand order must deal every hand once');
  return order;
}
