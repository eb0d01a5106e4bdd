import type { Sitting } from '@examforge/server/api';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type RefObject } from 'react';
import { Link, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { useManagesSitting } from '../accounts/use-manages-exam.js';
import { fetchSitting } from '../api/sittings-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { usePageTitle } from '../components/use-page-title.js';
import { tabOfPath, visibleTabs, SITTING_TABS } from '../lib/sitting/sitting-tabs.js';
import { SittingTabs } from './sitting-tabs.js';
import { useSittingAttention } from './use-sitting-attention.js';

/** What every tab of the sitting gets from the page around it. */
export interface SittingTabContext {
  readonly sitting: Sitting;
  /** Instructors change rosters, keys and releases; graders read. */
  readonly manages: boolean;
}

/** The sitting and the caller's rights, inside a tab of `/instructor/sittings/:sittingId`. */
export function useSittingTab(): SittingTabContext {
  return useOutletContext<SittingTabContext>();
}

/**
 * `/instructor/sittings/:sittingId/*`: the sitting's title, then its tabs (overview, monitor, roster, results,
 * statistics, grading, paper, review, audit), each its own address with what waits there, and the current tab below.
 */
export function SittingLayout() {
  const { sittingId = '' } = useParams();
  const location = useLocation();
  const manages = useManagesSitting(sittingId);
  const sitting = useQuery({ queryKey: queryKeys.sitting(sittingId), queryFn: () => fetchSitting(sittingId) });
  const attention = useSittingAttention(sittingId);
  const sittingBase = `/instructor/sittings/${encodeURIComponent(sittingId)}`;
  const current = tabOfPath(location.pathname, sittingBase);
  const panel = useRef<HTMLDivElement>(null);
  useFocusPanelHeading(panel, location.key, hasFocusRequest(location.state));
  const label = SITTING_TABS.find((tab) => tab.id === current)?.label ?? 'Overview';
  usePageTitle(sitting.data ? `${label} · ${sitting.data.title}` : 'Sitting');
  if (sitting.isPending) return <Loading />;
  if (sitting.isError)
    return (
      <main className="page page-narrow" data-testid="sitting-page">
        <h1>Sitting</h1>
        <ErrorNotice title="Could not load the sitting." error={sitting.error} testId="sitting-error" />
      </main>
    );
  const context: SittingTabContext = { sitting: sitting.data, manages };
  return (
    <main className="page page-wide" data-testid="sitting-page">
      <p className="no-print">
        <Link to={`/instructor/exams/${encodeURIComponent(sitting.data.examId)}`}>← {sitting.data.examTitle}</Link>
      </p>
      <h1>{sitting.data.title}</h1>
      <SittingTabs sittingBase={sittingBase} tabs={visibleTabs(manages)} current={current} attention={attention} />
      <div className="sitting-panel" ref={panel} data-testid={`sitting-panel-${current}`}>
        <Outlet context={context} />
      </div>
    </main>
  );
}

function hasFocusRequest(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'focusPanel' in state && state.focusPanel === true;
}

/**
 * After a tab is chosen, the focus goes to the new tab's first heading, as on a new page, so a screen reader reads
 * where it is; a tab still loading gets it as soon as its heading appears.
 */
function useFocusPanelHeading(panel: RefObject<HTMLDivElement | null>, locationKey: string, requested: boolean): void {
  useEffect(() => {
    const root = panel.current;
    if (!requested || !root) return;
    const focusHeading = (): boolean => {
      const heading = root.querySelector<HTMLElement>('h2');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [panel, locationKey, requested]);
}
