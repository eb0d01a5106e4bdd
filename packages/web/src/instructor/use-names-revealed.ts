import { useQuery } from '@tanstack/react-query';
import { fetchQueue } from '../api/grading-api.js';
import { queryKeys } from '../api/query-keys.js';

const ALL = { filter: 'all' } as const;

/**
 * Whether students' names are revealed for the sitting, read from a question's queue (its entries carry names only
 * once revealed); undefined while unknown or when the queue has no answers to tell.
 */
export function useNamesRevealed(sittingId: string, questionId: string | undefined): boolean | undefined {
  const queue = useQuery({
    queryKey: queryKeys.gradingQueue(sittingId, questionId ?? '', ALL),
    queryFn: () => fetchQueue(sittingId, questionId ?? '', ALL),
    enabled: questionId !== undefined,
  });
  const entries = queue.data?.entries ?? [];
  return entries.length === 0 ? undefined : entries.some((entry) => entry.student !== undefined);
}
