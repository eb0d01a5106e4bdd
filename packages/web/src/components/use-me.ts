import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/auth-api.js';
import { queryKeys } from '../api/query-keys.js';

/** Who is signed in (student, staff, or nobody); fetched once and replaced on login, join and logout. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: Infinity });
}
