import type { ResultRow } from '@examforge/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';

/**
 * A command that regrades the sitting (key change, dropped question): its reply is the new results table, which
 * replaces the cached one at once; each student's detail is refetched when next shown.
 */
export function useRegrade<V>(sittingId: string, command: (variables: V) => Promise<readonly ResultRow[]>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: command,
    onSuccess: (rows) => {
      queryClient.setQueryData(queryKeys.results(sittingId), rows);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.sitting(sittingId), 'attempts'] });
    },
  });
}
