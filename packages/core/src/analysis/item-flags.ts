export type ItemFlagKind =
  'possible-wrong-key' | 'too-easy' | 'too-hard' | 'unchosen-distractor' | 'distractor-draws-strong';

/** Something an instructor should look at, with the reason in words and figures. */
export interface ItemFlag {
  readonly kind: ItemFlagKind;
  readonly reason: string;
}

/**
 * The thresholds, in one place. A key is suspect when the item hardly discriminates (or discriminates backwards)
 * while another option draws the strong students more than the weak, and more than the key does: either alone
 * happens to good items (a hard question, a tempting distractor), together they are what a wrong key looks like.
 * Compared by the pull of each option (its share of the upper group minus its share of the lower), not by its share
 * of the upper group alone: on a hard question few strong students know the right option, yet it pulls the most.
 */
export const FLAG_THRESHOLDS = {
  /** Corrected item–total correlation at or under this: near zero or negative. */
  wrongKeyDiscrimination: 0.05,
  tooEasyFacility: 0.95,
  tooHardFacility: 0.2,
  /** A distractor chosen by this much more of the upper group than of the lower draws the strong students. */
  strongDistractorMargin: 0.1,
} as const;

/** What the flags read of an item's statistics (item-analysis.ts). */
export interface FlaggableItem {
  readonly discrimination: number;
  readonly facility: number;
  readonly options?: readonly {
    readonly option: string;
    readonly keyed: boolean;
    readonly count: number;
    readonly upperShare: number;
    readonly lowerShare: number;
  }[];
}

export function flagItem(item: FlaggableItem): ItemFlag[] {
  const flags: ItemFlag[] = [];
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  const keyed = item.options?.filter((option) => option.keyed) ?? [];
  const distractors = item.options?.filter((option) => !option.keyed) ?? [];
  const pull = (option: { upperShare: number; lowerShare: number }) => option.upperShare - option.lowerShare;
  const bestKeyed = [...keyed].sort((a, b) => pull(b) - pull(a))[0];
  const favourite = [...distractors].sort((a, b) => pull(b) - pull(a))[0];
  if (
    favourite &&
    bestKeyed &&
    item.discrimination <= FLAG_THRESHOLDS.wrongKeyDiscrimination &&
    pull(favourite) >= FLAG_THRESHOLDS.strongDistractorMargin &&
    pull(favourite) > pull(bestKeyed)
  ) {
    flags.push({
      kind: 'possible-wrong-key',
      reason:
        `discrimination ${item.discrimination.toFixed(2)}: ${favourite.option} drew ${percent(favourite.upperShare)} ` +
        `of the strongest 27 % and ${percent(favourite.lowerShare)} of the weakest, the key ${bestKeyed.option} ` +
        `${percent(bestKeyed.upperShare)} and ${percent(bestKeyed.lowerShare)}: check the key`,
    });
  }
  if (item.facility >= FLAG_THRESHOLDS.tooEasyFacility) {
    flags.push({ kind: 'too-easy', reason: `facility ${item.facility.toFixed(2)}: nearly everyone earned full marks` });
  } else if (item.facility <= FLAG_THRESHOLDS.tooHardFacility) {
    flags.push({ kind: 'too-hard', reason: `facility ${item.facility.toFixed(2)}: few earned the marks` });
  }
  for (const option of distractors) {
    if (option.count === 0) {
      flags.push({ kind: 'unchosen-distractor', reason: `nobody chose ${option.option}: it distracts no one` });
    } else if (option.upperShare - option.lowerShare >= FLAG_THRESHOLDS.strongDistractorMargin) {
      flags.push({
        kind: 'distractor-draws-strong',
        reason:
          `${option.option} drew ${percent(option.upperShare)} of the strongest 27 % and ` +
          `${percent(option.lowerShare)} of the weakest: is it also right, or misleading?`,
      });
    }
  }
  return flags;
}
