import type { CheckResultView, ItemStatisticsView } from '@examforge/server/api';
import { useMemo, useState } from 'react';
import { flaggedSummary, flagLabel } from '../lib/statistics/flag-words.js';
import { formatStatistic } from '../lib/statistics/format-statistic.js';
import { nextOrder, PAPER_ORDER, sortItems, type ItemOrder, type ItemSortKey } from '../lib/statistics/item-order.js';
import { ItemLink } from './item-link.js';
import { VerdictBadge } from './verdict-badge.js';
import { ScrollRegion } from '../components/scroll-region.js';

interface ItemTableProps {
  readonly items: readonly ItemStatisticsView[];
  /** The answer checks' results by question; undefined while they run or when they could not run. */
  readonly checks: ReadonlyMap<string, CheckResultView> | undefined;
}

const COLUMNS: readonly { readonly key: ItemSortKey; readonly label: string }[] = [
  { key: 'facility', label: 'Facility' },
  { key: 'discrimination', label: 'Discrimination' },
  { key: 'upperLower', label: 'Upper − lower' },
  { key: 'alphaIfDeleted', label: 'α if deleted' },
];

/**
 * Every analysed question with its statistics, flags (with their reasons) and the answer check's verdict beside
 * them; sorted by question until the reader sorts by a column (the header buttons, announced through `aria-sort`).
 */
export function ItemTable({ items, checks }: ItemTableProps) {
  const [order, setOrder] = useState<ItemOrder>(PAPER_ORDER);
  const sorted = useMemo(() => sortItems(items, order), [items, order]);
  const sortBy = (key: ItemSortKey) => setOrder((current) => nextOrder(current, key));
  return (
    <>
      <p data-testid="flagged-summary">{flaggedSummary(items)}</p>
      <ScrollRegion label="Statistics by question">
        <table className="table item-table" data-testid="item-table">
          <caption className="visually-hidden">
            Statistics by question; the column buttons sort the table. Sorted by {sortCaption(order)}.
          </caption>
          <thead>
            <tr>
              <SortHeader column={{ key: 'number', label: 'Question' }} order={order} onSort={sortBy} />
              {COLUMNS.map((column) => (
                <SortHeader key={column.key} column={column} order={order} onSort={sortBy} numeric />
              ))}
              <SortHeader column={{ key: 'flags', label: 'Flags' }} order={order} onSort={sortBy} />
              <th scope="col">Answer check</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((item) => (
              <ItemRow key={item.questionId} item={item} check={checks?.get(item.questionId)} checked={!!checks} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function sortCaption(order: ItemOrder): string {
  const label = order.key === 'number' ? 'question' : COLUMNS.find((column) => column.key === order.key)?.label;
  return `${(label ?? 'number of flags').toLowerCase()}, ${order.direction}`;
}

interface SortHeaderProps {
  readonly column: { readonly key: ItemSortKey; readonly label: string };
  readonly order: ItemOrder;
  readonly onSort: (key: ItemSortKey) => void;
  readonly numeric?: boolean;
}

function SortHeader({ column, order, onSort, numeric = false }: SortHeaderProps) {
  const active = order.key === column.key;
  return (
    <th scope="col" aria-sort={active ? order.direction : undefined} className={numeric ? 'numeric' : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column.key)}
        data-testid={`sort-${column.key}`}
      >
        {column.label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (order.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

interface ItemRowProps {
  readonly item: ItemStatisticsView;
  readonly check: CheckResultView | undefined;
  /** Whether the answer checks have run: "no check" is only said once they have. */
  readonly checked: boolean;
}

function ItemRow({ item, check, checked }: ItemRowProps) {
  return (
    <tr data-testid={`item-row-${item.questionId}`} data-flagged={item.flags.length > 0}>
      <th scope="row">
        <ItemLink questionId={item.questionId} testId={`item-link-${item.questionId}`}>
          Q{item.number}
        </ItemLink>{' '}
        <span className="item-title">{item.title}</span>
      </th>
      <td className="numeric">{formatStatistic(item.facility)}</td>
      <td className="numeric">{formatStatistic(item.discrimination)}</td>
      <td className="numeric">{formatStatistic(item.upperLower)}</td>
      <td className="numeric">{formatStatistic(item.alphaIfDeleted)}</td>
      <td>
        {item.flags.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <ul className="flag-list">
            {item.flags.map((flag) => (
              <li key={flag.kind + flag.reason}>
                <strong className="flag-label">
                  <span aria-hidden="true">⚑ </span>
                  {flagLabel(flag.kind)}
                </strong>
                : {flag.reason}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{checked ? <VerdictBadge check={check} /> : <span className="muted">not known</span>}</td>
    </tr>
  );
}
