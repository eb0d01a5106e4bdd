import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { setPassword } from '../api/accounts-api.js';
import { PlainError } from '../components/plain-error.js';
import { usePageTitle } from '../components/use-page-title.js';
import { NewPasswordFields, newPasswordProblem } from './new-password-fields.js';

/** The token in a set-password link's fragment (`#token=…`), which the browser never sends to the server. */
function tokenFromLink(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

/**
 * `/set-password`: a new person (or one whose password was reset) chooses a password with the one-time link or code
 * an administrator handed them, then signs in.
 */
export function SetPasswordPage() {
  usePageTitle('Set your password');
  const [fromLink] = useState(tokenFromLink);
  const [code, setCode] = useState('');
  const [password, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = useMutation({ mutationFn: () => setPassword(fromLink || code.trim(), password) });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const found = newPasswordProblem(password, confirmation);
    setProblem(found);
    if (found === undefined) submit.mutate();
  };
  if (submit.isSuccess) {
    return (
      <main className="page page-narrow" data-testid="set-password-page">
        <h1>Set your password</h1>
        <p className="notice notice-success" role="status" data-testid="set-password-done">
          Your password is set.
        </p>
        <p>
          <Link className="button button-primary" to="/login" data-testid="set-password-login">
            Sign in
          </Link>
        </p>
      </main>
    );
  }
  return (
    <main className="page page-narrow" data-testid="set-password-page">
      <p>
        <Link to="/">← Examforge</Link>
      </p>
      <h1>Set your password</h1>
      <form onSubmit={onSubmit} className="card form-stack" data-testid="set-password-form">
        {fromLink === '' ? (
          <div className="field">
            <label htmlFor="set-password-code">Code from your administrator</label>
            <input
              id="set-password-code"
              required
              autoComplete="off"
              spellCheck={false}
              className="input-code"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              data-testid="set-password-code"
            />
          </div>
        ) : (
          <p>Your link works once. Choose the password you will sign in with.</p>
        )}
        <NewPasswordFields
          password={password}
          confirmation={confirmation}
          onPassword={setNewPassword}
          onConfirmation={setConfirmation}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={submit.isPending}
          data-testid="set-password-submit"
        >
          {submit.isPending ? 'Saving…' : 'Set password'}
        </button>
        {problem !== undefined && (
          <p className="notice notice-error" role="alert" data-testid="set-password-problem">
            {problem}
          </p>
        )}
        {submit.isError && <PlainError title="Password not set." error={submit.error} testId="set-password-error" />}
      </form>
    </main>
  );
}
