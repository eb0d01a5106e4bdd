import { useRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { movedTabIndex, tabAttention, type SittingAttention, type SittingTab } from '../lib/sitting/sitting-tabs.js';

interface SittingTabsProps {
  readonly sittingBase: string;
  readonly tabs: readonly SittingTab[];
  readonly current: SittingTab['id'];
  readonly attention: SittingAttention;
}

/** Asks the page to move the focus to the new tab's heading (a reload or a shared link leaves the focus alone). */
export const FOCUS_PANEL_STATE = { focusPanel: true } as const;

/**
 * The sitting's sub-pages as a list of links (each tab is an address), the current one marked `aria-current="page"`.
 * One tab stop: Tab enters at the current tab and leaves for the page; the arrow keys, Home and End move between tabs
 * and Enter opens one. Each tab says in words what waits there ("12 to grade").
 */
export function SittingTabs({ sittingBase, tabs, current, attention }: SittingTabsProps) {
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  // The tab stop: the current tab, or the first one on an address no tab of this person's shows.
  const stop = tabs.some((tab) => tab.id === current) ? current : tabs[0]?.id;
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = links.current.findIndex((link) => link === event.target);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = movedTabIndex(index, event.key, tabs.length);
    if (next === undefined) return;
    event.preventDefault();
    links.current[next]?.focus();
  };
  return (
    <nav className="sitting-tabs no-print" aria-label="Sitting pages">
      <ul onKeyDown={onKeyDown} data-testid="sitting-tabs">
        {tabs.map((tab, index) => {
          const waiting = tabAttention(tab.id, attention);
          const selected = tab.id === current;
          return (
            <li key={tab.id}>
              <Link
                ref={(link) => {
                  links.current[index] = link;
                }}
                to={tab.path === '' ? sittingBase : `${sittingBase}/${tab.path}`}
                state={FOCUS_PANEL_STATE}
                aria-current={selected ? 'page' : undefined}
                tabIndex={tab.id === stop ? 0 : -1}
                className="sitting-tab"
                data-testid={`sitting-tab-${tab.id}`}
              >
                <span className="sitting-tab-label">{tab.label}</span>
                {waiting !== undefined && (
                  <span className="sitting-tab-count" data-testid={`sitting-tab-count-${tab.id}`}>
                    <span className="visually-hidden">: </span>
                    {waiting}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
