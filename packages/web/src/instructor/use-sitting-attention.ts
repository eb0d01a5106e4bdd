import { useQuery } from '@tanstack/react-query';
import { fetchGradingProgress } from '../api/grading-api.js';
import { fetchReviewItems } from '../api/paper-api.js';
import { queryKeys } from '../api/query-keys.js';
import { fetchRegradeQueue } from '../api/regrades-api.js';
import { fetchMonitor } from '../api/sittings-api.js';
import type { SittingAttention } from '../lib/sitting/sitting-tabs.js';

/** The tab list refreshes its counts this often; the monitor tab itself polls faster (the shorter interval wins). */
const POLL_MS = 15_000;

/**
 * What waits in a sitting, for its tab list and overview: students not started and working, written answers to
 * grade, open regrade requests, uncertain marks to review. The queries are the tabs' own, so a tab opens from cache.
 */
export function useSittingAttention(sittingId: string): SittingAttention {
  const poll = { refetchInterval: POLL_MS } as const;
  const monitor = useQuery({ queryKey: queryKeys.monitor(sittingId), queryFn: () => fetchMonitor(sittingId), ...poll });
  const grading = useQuery({
    queryKey: queryKeys.grading(sittingId),
    queryFn: () => fetchGradingProgress(sittingId),
    ...poll,
  });
  const regrades = useQuery({
    queryKey: queryKeys.regradeQueue(sittingId, { status: 'open' }),
    queryFn: () => fetchRegradeQueue(sittingId, { status: 'open' }),
    ...poll,
  });
  const review = useQuery({
    queryKey: queryKeys.review(sittingId),
    queryFn: () => fetchReviewItems(sittingId),
    ...poll,
  });
  const count = <T>(rows: readonly T[] | undefined, test: (row: T) => boolean) => rows?.filter(test).length;
  return {
    notStarted: count(monitor.data, (row) => row.status === 'not-started'),
    working: count(monitor.data, (row) => row.status === 'open'),
    toGrade: grading.data?.reduce((sum, question) => sum + question.ungraded, 0),
    openRegrades: regrades.data?.open,
    toReview: count(review.data, (item) => item.status === 'open'),
  };
}
