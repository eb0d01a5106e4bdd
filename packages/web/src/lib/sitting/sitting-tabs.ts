/** The sitting's sub-pages, in the order of its tab list; each has its own address, so a reload keeps it. */
export const SITTING_TABS = [
  { id: 'overview', label: 'Overview', path: '', managersOnly: false },
  { id: 'monitor', label: 'Monitor', path: 'monitor', managersOnly: false },
  { id: 'roster', label: 'Roster', path: 'roster', managersOnly: true },
  { id: 'results', label: 'Results', path: 'results', managersOnly: false },
  { id: 'statistics', label: 'Statistics', path: 'statistics', managersOnly: false },
  { id: 'grading', label: 'Grading', path: 'grading', managersOnly: false },
  { id: 'paper', label: 'Paper', path: 'paper', managersOnly: false },
  { id: 'review', label: 'Review', path: 'review', managersOnly: false },
  { id: 'audit', label: 'Audit', path: 'audit', managersOnly: true },
] as const satisfies readonly { id: string; label: string; path: string; managersOnly: boolean }[];

export type SittingTab = (typeof SITTING_TABS)[number];
export type SittingTabId = SittingTab['id'];

/** The tabs this person sees: graders neither read the roster (access codes) nor the audit trail. */
export function visibleTabs(manages: boolean): readonly SittingTab[] {
  return SITTING_TABS.filter((tab) => manages || !tab.managersOnly);
}

/** The tab an address inside `/instructor/sittings/:id` shows: its first segment after the sitting's id. */
export function tabOfPath(pathname: string, sittingBase: string): SittingTabId {
  const rest = pathname.startsWith(sittingBase) ? pathname.slice(sittingBase.length) : '';
  const segment = rest.split('/').find((part) => part !== '') ?? '';
  return SITTING_TABS.find((tab) => tab.path === segment)?.id ?? 'overview';
}

/**
 * Where the arrow keys, Home and End move the focus in a horizontal tab list of `count` tabs (wrapping at the ends);
 * undefined for any other key, which the list leaves alone.
 *
 * @example movedTabIndex(0, 'ArrowLeft', 9); // 8
 */
export function movedTabIndex(index: number, key: string, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** What needs someone's attention in a sitting; a count is undefined while it is loading or could not be read. */
export interface SittingAttention {
  readonly notStarted?: number;
  readonly working?: number;
  readonly toGrade?: number;
  readonly openRegrades?: number;
  readonly toReview?: number;
}

/** The counts a tab shows beside its name ("2 working, 18 not started"), or undefined when nothing waits there. */
export function tabAttention(tab: SittingTabId, attention: SittingAttention): string | undefined {
  const parts = (entries: readonly (readonly [number | undefined, string])[]) => {
    const shown = entries.flatMap(([count, what]) => (count === undefined || count === 0 ? [] : [`${count} ${what}`]));
    return shown.length === 0 ? undefined : shown.join(', ');
  };
  switch (tab) {
    case 'monitor':
      return parts([
        [attention.working, 'working'],
        [attention.notStarted, 'not started'],
      ]);
    case 'grading':
      return parts([
        [attention.toGrade, 'to grade'],
        [attention.openRegrades, attention.openRegrades === 1 ? 'regrade request' : 'regrade requests'],
      ]);
    case 'review':
      return parts([[attention.toReview, 'to review']]);
    default:
      return undefined;
  }
}
