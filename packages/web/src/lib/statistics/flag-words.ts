import type { ItemStatisticsView } from '@examforge/server/api';
import type { Verdict } from './verdict-words.js';

export type FlagKind = ItemStatisticsView['flags'][number]['kind'];

const FLAG_LABELS: Readonly<Record<FlagKind, string>> = {
  'possible-wrong-key': 'Possible wrong key',
  'too-easy': 'Too easy',
  'too-hard': 'Too hard',
  'unchosen-distractor': 'Distractor nobody chose',
  'distractor-draws-strong': 'Distractor draws strong students',
};

/**
 * A flag's name for people, never its code.
 *
 * @example
 * flagLabel('possible-wrong-key'); // 'Possible wrong key'
 */
export function flagLabel(kind: FlagKind): string {
  return FLAG_LABELS[kind];
}

/**
 * What the class's answers and the computation say together about a key the statistics doubt: the point of putting
 * the two side by side. Undefined when the statistics do not doubt the key.
 *
 * @example
 * keyDoubt(['possible-wrong-key'], 'disagrees'); // 'The computation disagrees with the key too: …'
 */
export function keyDoubt(kinds: readonly FlagKind[], verdict: Verdict | undefined): string | undefined {
  if (!kinds.includes('possible-wrong-key')) return undefined;
  switch (verdict) {
    case undefined:
      return 'No computation checks this key: read the question and the key again.';
    case 'disagrees':
      return 'The computation disagrees with the key too: the key is most likely wrong.';
    case 'agrees':
      return 'The computation agrees with the key: the strong students may share a misconception, or the stem may mislead.';
    case 'no-option-matches':
      return 'No option matches the computation: the question may have no right option as printed.';
    case 'several-options-match':
      return 'Several options match the computation: more than one option may be right.';
    case 'no-key':
    case 'check-failed':
      return 'The computation could not judge the key: read the question and the key again.';
  }
}

/** "2 flags" / "no flags", for the table's summary. */
export function flaggedSummary(items: readonly Pick<ItemStatisticsView, 'flags'>[]): string {
  const flagged = items.filter((item) => item.flags.length > 0).length;
  if (flagged === 0) return 'No question is flagged.';
  return `${flagged} of ${items.length} questions ${flagged === 1 ? 'is' : 'are'} flagged.`;
}
