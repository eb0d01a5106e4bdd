import type { AccountRole, AccountWithLink } from '@examforge/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { createAccount } from '../api/accounts-api.js';
import { queryKeys } from '../api/query-keys.js';
import { PlainError } from '../components/plain-error.js';

/** Adds an instructor or a grader; the caller shows the one-time link that comes back. */
export function NewAccountForm({ onCreated }: { readonly onCreated: (created: AccountWithLink) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AccountRole>('instructor');
  const [isAdmin, setIsAdmin] = useState(false);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => createAccount({ name: name.trim(), email: email.trim(), role, isAdmin }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      setName('');
      setEmail('');
      setIsAdmin(false);
      onCreated(created);
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card form-stack" onSubmit={onSubmit} aria-labelledby="new-account-title" data-testid="new-account">
      <h2 id="new-account-title">Add a person</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="new-account-name">Name</label>
          <input
            id="new-account-name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="new-account-name"
          />
        </div>
        <div className="field">
          <label htmlFor="new-account-email">Email</label>
          <input
            id="new-account-email"
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="new-account-email"
          />
        </div>
        <div className="field">
          <label htmlFor="new-account-role">Role</label>
          <select
            id="new-account-role"
            value={role}
            onChange={(event) => setRole(event.target.value === 'grader' ? 'grader' : 'instructor')}
            data-testid="new-account-role"
          >
            <option value="instructor">Instructor (creates exams)</option>
            <option value="grader">Grader (grades exams they are added to)</option>
          </select>
        </div>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={isAdmin}
          onChange={(event) => setIsAdmin(event.target.checked)}
          data-testid="new-account-admin"
        />{' '}
        Administrator too (manages accounts)
      </label>
      <button
        type="submit"
        className="button button-primary"
        disabled={create.isPending}
        data-testid="new-account-submit"
      >
        {create.isPending ? 'Adding…' : 'Add and get their link'}
      </button>
      {create.isError && <PlainError title="Not added." error={create.error} testId="new-account-error" />}
    </form>
  );
}
