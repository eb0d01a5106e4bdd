import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api/api-error.js';

/**
 * Server state for the whole app. Reads are retried only for failures that may pass (no reply, 5xx); a 4xx is the
 * server's considered answer and is shown at once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && (!(error instanceof ApiRequestError) || error.isTransient),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
