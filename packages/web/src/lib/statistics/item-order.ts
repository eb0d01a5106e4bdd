import type { ItemStatisticsView } from '@examforge/server/api';

/** The columns the per-question table sorts by. */
export type ItemSortKey = 'number' | 'facility' | 'discrimination' | 'upperLower' | 'alphaIfDeleted' | 'flags';
export type SortDirection = 'ascending' | 'descending';

export interface ItemOrder {
  readonly key: ItemSortKey;
  readonly direction: SortDirection;
}

/** By question, as on the paper. */
export const PAPER_ORDER: ItemOrder = { key: 'number', direction: 'ascending' };

type Sortable = Pick<ItemStatisticsView, ItemSortKey | 'questionId'> & { readonly flags: readonly unknown[] };

function valueOf(item: Sortable, key: ItemSortKey): number | null {
  return key === 'flags' ? item.flags.length : item[key];
}

/**
 * The items in the chosen order. A statistic that was not computed goes last in either direction (it is not
 * smaller or larger than any number), and ties keep the paper's order.
 *
 * @example
 * sortItems(items, { key: 'discrimination', direction: 'ascending' }); // the least discriminating first
 */
export function sortItems<Item extends Sortable>(items: readonly Item[], order: ItemOrder): Item[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => {
    const left = valueOf(a, order.key);
    const right = valueOf(b, order.key);
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
    } else if (left !== right) {
      return sign * (left - right);
    }
    return a.number - b.number;
  });
}

/**
 * The order after a click on a column's header: the same column turns the direction around, another column starts
 * where a reader looks first (the most flags, the question number ascending, the statistics from the lowest).
 */
export function nextOrder(current: ItemOrder, key: ItemSortKey): ItemOrder {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: key === 'flags' ? 'descending' : 'ascending' };
}
