import type { Account, AccountWithLink } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listAccounts, resetPassword, setAccountDisabled } from '../api/accounts-api.js';
import { queryKeys } from '../api/query-keys.js';
import { Loading } from '../components/loading.js';
import { PlainError } from '../components/plain-error.js';
import { usePageTitle } from '../components/use-page-title.js';
import { useStaffUser } from '../instructor/instructor-layout.js';
import { formatDateTime } from '../lib/format/format-time.js';
import { NewAccountForm } from './new-account-form.js';
import { OneTimeLink } from './one-time-link.js';
import { ScrollRegion } from '../components/scroll-region.js';

/**
 * `/instructor/accounts`, for administrators: everyone's account, adding instructors and graders, disabling and
 * enabling, and new set-password links. A link just issued is shown once, above the list.
 */
export function AccountsPage() {
  usePageTitle('Accounts');
  const user = useStaffUser();
  const [issued, setIssued] = useState<{ issued: AccountWithLink; verb: string }>();
  const accounts = useQuery({ queryKey: queryKeys.accounts, queryFn: listAccounts, enabled: user.isAdmin });
  if (!user.isAdmin) {
    return (
      <main className="page" data-testid="accounts-page">
        <h1>Accounts</h1>
        <p>This page is for administrators. Ask one to add a colleague or to reset a password.</p>
      </main>
    );
  }
  return (
    <main className="page" data-testid="accounts-page">
      <h1>Accounts</h1>
      {issued && <OneTimeLink issued={issued.issued} verb={issued.verb} />}
      <NewAccountForm onCreated={(created) => setIssued({ issued: created, verb: 'Added' })} />
      <section aria-labelledby="people-title">
        <h2 id="people-title">People</h2>
        {accounts.isPending && <Loading />}
        {accounts.isError && <PlainError title="Could not list the accounts." error={accounts.error} />}
        {accounts.data && (
          <AccountsTable
            accounts={accounts.data}
            selfId={user.id}
            onReset={(reset) => setIssued({ issued: reset, verb: 'New link for' })}
          />
        )}
      </section>
    </main>
  );
}

interface AccountsTableProps {
  readonly accounts: readonly Account[];
  readonly selfId: string;
  readonly onReset: (reset: AccountWithLink) => void;
}

function AccountsTable({ accounts, selfId, onReset }: AccountsTableProps) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
  const toggle = useMutation({
    mutationFn: (account: Account) => setAccountDisabled(account.id, account.disabledAt === null),
    onSuccess: refresh,
  });
  const reset = useMutation({ mutationFn: (account: Account) => resetPassword(account.id), onSuccess: onReset });
  return (
    <>
      {toggle.isError && <PlainError title="Not changed." error={toggle.error} testId="account-toggle-error" />}
      {reset.isError && <PlainError title="No new link." error={reset.error} testId="account-reset-error" />}
      <ScrollRegion label="Accounts">
        <table className="table" data-testid="accounts-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} data-testid={`account-${account.email}`}>
                <th scope="row">{account.name}</th>
                <td>{account.email}</td>
                <td>{account.isAdmin ? `${account.role}, administrator` : account.role}</td>
                <td data-testid="account-status">{describeStatus(account)}</td>
                <td>
                  <div className="button-row">
                    {account.id !== selfId && (
                      <button
                        type="button"
                        className={
                          account.disabledAt === null ? 'button button-small button-danger' : 'button button-small'
                        }
                        onClick={() => toggle.mutate(account)}
                        disabled={toggle.isPending}
                        aria-label={`${account.disabledAt === null ? 'Disable' : 'Enable'} ${account.name}`}
                        data-testid="account-toggle"
                      >
                        {account.disabledAt === null ? 'Disable' : 'Enable'}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => reset.mutate(account)}
                      disabled={reset.isPending || account.disabledAt !== null}
                      aria-label={`New set-password link for ${account.name}`}
                      data-testid="account-reset"
                    >
                      New password link
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function describeStatus(account: Account): string {
  if (account.disabledAt !== null) return `Disabled ${formatDateTime(account.disabledAt)}`;
  return account.passwordSet ? 'Active' : 'Waiting for a password';
}
