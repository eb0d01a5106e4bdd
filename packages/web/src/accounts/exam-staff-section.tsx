import type { StaffMember, StaffRole } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { grantRole, listStaff, revokeRole } from '../api/accounts-api.js';
import { queryKeys } from '../api/query-keys.js';
import { Loading } from '../components/loading.js';
import { PlainError } from '../components/plain-error.js';
import type { StaffUser } from '../instructor/instructor-layout.js';
import { ScrollRegion } from '../components/scroll-region.js';

const ROLE_NAMES: Record<StaffRole, string> = { owner: 'Owner', instructor: 'Instructor', grader: 'Grader' };

/**
 * The exam's people: its owner, instructors and graders. Its owner and instructors add people by email and take them
 * off; graders only read the list.
 */
export function ExamStaffSection({ examId, user }: { readonly examId: string; readonly user: StaffUser }) {
  const staff = useQuery({ queryKey: queryKeys.staff(examId), queryFn: () => listStaff(examId) });
  const mine = staff.data?.find((member) => member.userId === user.id)?.role;
  const manages = user.role === 'owner' || mine === 'owner' || mine === 'instructor';
  return (
    <section aria-labelledby="staff-title" data-testid="exam-staff">
      <h2 id="staff-title">People on this exam</h2>
      {staff.isPending && <Loading />}
      {staff.isError && <PlainError title="Could not list the exam’s people." error={staff.error} />}
      {staff.data && <StaffTable examId={examId} staff={staff.data} manages={manages} />}
      {manages && <GrantRoleForm examId={examId} canHandOver={user.role === 'owner' || mine === 'owner'} />}
    </section>
  );
}

interface StaffTableProps {
  readonly examId: string;
  readonly staff: readonly StaffMember[];
  readonly manages: boolean;
}

function StaffTable({ examId, staff, manages }: StaffTableProps) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (member: StaffMember) => revokeRole(examId, member.userId),
    onSuccess: (list) => queryClient.setQueryData(queryKeys.staff(examId), list),
  });
  return (
    <>
      {revoke.isError && <PlainError title="Not removed." error={revoke.error} testId="staff-revoke-error" />}
      <ScrollRegion label="Staff of this exam">
        <table className="table" data-testid="staff-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {manages && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.userId} data-testid={`staff-${member.email}`}>
                <th scope="row">{member.name}</th>
                <td>{member.email}</td>
                <td>
                  {ROLE_NAMES[member.role]}
                  {member.disabled && ' (account disabled)'}
                </td>
                {manages && (
                  <td>
                    {member.role !== 'owner' && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => revoke.mutate(member)}
                        disabled={revoke.isPending}
                        aria-label={`Remove ${member.name} from this exam`}
                        data-testid="staff-revoke"
                      >
                        Remove
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function GrantRoleForm({ examId, canHandOver }: { readonly examId: string; readonly canHandOver: boolean }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('grader');
  const queryClient = useQueryClient();
  const grant = useMutation({
    mutationFn: () => grantRole(examId, { email: email.trim(), role }),
    onSuccess: (list) => {
      queryClient.setQueryData(queryKeys.staff(examId), list);
      setEmail('');
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    grant.mutate();
  };
  return (
    <form className="card form-stack" onSubmit={onSubmit} aria-labelledby="grant-title" data-testid="staff-grant">
      <h3 id="grant-title">Add a person or change their role</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="grant-email">Their email (they need an account)</label>
          <input
            id="grant-email"
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="staff-grant-email"
          />
        </div>
        <div className="field">
          <label htmlFor="grant-role">Role on this exam</label>
          <select
            id="grant-role"
            value={role}
            onChange={(event) => setRole(toRole(event.target.value))}
            data-testid="staff-grant-role"
          >
            <option value="grader">Grader (grades; cannot change keys or sittings)</option>
            <option value="instructor">Instructor (changes the exam, its keys and sittings)</option>
            {canHandOver && <option value="owner">Owner (hand the exam over; you stay an instructor)</option>}
          </select>
        </div>
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={grant.isPending}
        data-testid="staff-grant-submit"
      >
        {grant.isPending ? 'Saving…' : 'Save role'}
      </button>
      {grant.isSuccess && (
        <p className="notice notice-success" role="status" data-testid="staff-grant-done">
          Saved.
        </p>
      )}
      {grant.isError && <PlainError title="Role not saved." error={grant.error} testId="staff-grant-error" />}
    </form>
  );
}

const toRole = (value: string): StaffRole => (value === 'owner' || value === 'instructor' ? value : 'grader');
