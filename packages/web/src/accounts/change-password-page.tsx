import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { changePassword } from '../api/accounts-api.js';
import { PlainError } from '../components/plain-error.js';
import { usePageTitle } from '../components/use-page-title.js';
import { useStaffUser } from '../instructor/instructor-layout.js';
import { NewPasswordFields, newPasswordProblem } from './new-password-fields.js';

/** `/instructor/password`: the signed-in person changes their password (their other sessions end). */
export function ChangePasswordPage() {
  usePageTitle('Change password');
  const user = useStaffUser();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string>();
  const change = useMutation({
    mutationFn: () => changePassword(current, password),
    onSuccess: () => {
      setCurrent('');
      setPassword('');
      setConfirmation('');
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const found = newPasswordProblem(password, confirmation);
    setProblem(found);
    if (found === undefined) change.mutate();
  };
  return (
    <main className="page page-narrow" data-testid="change-password-page">
      <h1>Change password</h1>
      <form onSubmit={onSubmit} className="card form-stack" data-testid="change-password-form">
        <input type="hidden" autoComplete="username" value={user.email} readOnly />
        <div className="field">
          <label htmlFor="current-password">Current password</label>
          <input
            id="current-password"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            data-testid="current-password"
          />
        </div>
        <NewPasswordFields
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={change.isPending}
          data-testid="change-password-submit"
        >
          {change.isPending ? 'Saving…' : 'Change password'}
        </button>
        {problem !== undefined && (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        {change.isSuccess && (
          <p className="notice notice-success" role="status" data-testid="change-password-done">
            Your password is changed. You were signed out everywhere else.
          </p>
        )}
        {change.isError && (
          <PlainError title="Password not changed." error={change.error} testId="change-password-error" />
        )}
      </form>
    </main>
  );
}
