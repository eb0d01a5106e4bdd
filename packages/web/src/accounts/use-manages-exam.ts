import { useQuery } from '@tanstack/react-query';
import { listStaff } from '../api/accounts-api.js';
import { queryKeys } from '../api/query-keys.js';
import { fetchSitting } from '../api/sittings-api.js';
import { useStaffUser } from '../instructor/instructor-layout.js';

/**
 * Whether the signed-in person may change this exam, its keys and sittings: a site owner, the exam's owner or one of
 * its instructors — what the server's per-exam check allows, so a grader on this exam (whatever their site role) is
 * not offered forms the server would refuse, and an instructor of this exam is offered them. False until known.
 */
export function useManagesExam(examId: string | undefined): boolean {
  const user = useStaffUser();
  const staff = useQuery({
    queryKey: queryKeys.staff(examId ?? ''),
    queryFn: () => listStaff(examId ?? ''),
    enabled: examId !== undefined && examId !== '' && user.role !== 'owner',
  });
  if (user.role === 'owner') return true;
  const role = staff.data?.find((member) => member.userId === user.id)?.role;
  return role === 'owner' || role === 'instructor';
}

/** `useManagesExam` for the exam a sitting belongs to. */
export function useManagesSitting(sittingId: string): boolean {
  const sitting = useQuery({ queryKey: queryKeys.sitting(sittingId), queryFn: () => fetchSitting(sittingId) });
  return useManagesExam(sitting.data?.examId);
}
