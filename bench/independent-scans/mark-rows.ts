/**
 * Marks a printed bubble page as a class does: most questions one fill; some left blank; some a partial fill, a tick
 * or a cross alone; some a fill with a stray dot elsewhere (the pencil rested there); some a changed answer (a fill
 * rubbed out beside the new one, or crossed out by someone writing in pen); some a fill and a tick. Every bubble of the
 * page gets a truth, blank ones included.
 */
import type { AnswerBubble } from '@examforge/core';
import { drawMark, type MarkKind } from './draw-mark.js';
import type { Hand } from './hands.js';
import type { Raster } from './ink.js';
import type { Rng } from './random.js';

export interface BubbleTruth {
  readonly questionId: string;
  /** The canonical option the bubble records. */
  readonly option: string;
  readonly kind: MarkKind;
  /** The hand that drew it (absent on empty bubbles). */
  readonly hand?: string;
}

type Scenario = readonly MarkKind[];

/** Share of rows per scenario; a scenario lists the marks of one row (first on a chosen bubble, then others). */
const SCENARIOS: readonly (readonly [number, Scenario])[] = [
  [0.62, ['filled']],
  [0.08, []],
  [0.05, ['partial']],
  [0.035, ['tick']],
  [0.025, ['cross']],
  [0.05, ['filled', 'dot']],
  [0.055, ['filled', 'erasure']],
  [0.025, ['filled', 'tick']],
  [0.015, ['filled', 'partial']],
  [0.012, ['erasure']],
  [0.013, ['dot']],
  [0.02, ['partial', 'dot']],
];

export function markPage(
  page: Raster,
  bubbles: readonly AnswerBubble[],
  hands: readonly Hand[],
  random: Rng,
  paperSalt: number,
): BubbleTruth[] {
  const rows = new Map<string, AnswerBubble[]>();
  for (const bubble of bubbles) rows.set(bubble.questionId, [...(rows.get(bubble.questionId) ?? []), bubble]);
  const primary = hands[0];
  if (!primary) throw new Error('a page needs a hand');
  // A second hand, if any, takes over part way down the page (a pencil broke, a pen was borrowed).
  const switchRow = hands.length > 1 ? random.int(3, rows.size - 3) : rows.size;
  const truth: BubbleTruth[] = [];
  [...rows.values()].forEach((row, rowIndex) => {
    const hand = (rowIndex >= switchRow ? hands[1] : primary) ?? primary;
    const kinds = scenarioFor(hand, random);
    const order = random.shuffle([...row]);
    const kindOf = new Map<AnswerBubble, MarkKind>();
    kinds.forEach((kind, index) => {
      const bubble = order[index];
      if (bubble) kindOf.set(bubble, kind);
    });
    for (const bubble of row) {
      const kind = kindOf.get(bubble) ?? 'empty';
      drawMark(page, bubble, kind, hand, random.fork(`${bubble.questionId}-${bubble.option}`), paperSalt);
      truth.push({
        questionId: bubble.questionId,
        option: bubble.option,
        kind,
        ...(kind === 'empty' ? {} : { hand: hand.id }),
      });
    }
  });
  return truth;
}

function scenarioFor(hand: Hand, random: Rng): Scenario {
  let roll = random.uniform(
    0,
    SCENARIOS.reduce((sum, [share]) => sum + share, 0),
  );
  let chosen: Scenario = [];
  for (const [share, scenario] of SCENARIOS) {
    roll -= share;
    if (roll <= 0) {
      chosen = scenario;
      break;
    }
  }
  // Ink cannot be rubbed out: someone writing in pen crosses out the answer they changed instead.
  if (!hand.tool.graphite) chosen = chosen.map((kind) => (kind === 'erasure' ? 'cross' : kind));
  // A student who did not read the instructions ticks or crosses their answers.
  if (chosen[0] === 'filled' && random.chance(hand.tickHabit))
    chosen = [random.chance(0.7) ? 'tick' : 'cross', ...chosen.slice(1)];
  return chosen;
}
