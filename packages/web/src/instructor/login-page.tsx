import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { LoginHelp } from '../accounts/login-help.js';
import { logIn } from '../api/auth-api.js';
import { queryKeys } from '../api/query-keys.js';
import { PlainError } from '../components/plain-error.js';
import { usePageTitle } from '../components/use-page-title.js';

/** `/login`: staff sign in with email and password, then return where they were going. */
export function LoginPage() {
  usePageTitle('Instructor login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const returnTo = useReturnTo();
  const login = useMutation({
    mutationFn: () => logIn(email.trim(), password),
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.me, me);
      void navigate(returnTo, { replace: true });
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    login.mutate();
  };
  return (
    <main className="page page-narrow" data-testid="login-page">
      <p>
        <Link to="/">← Examforge</Link>
      </p>
      <h1>Instructor login</h1>
      <form onSubmit={onSubmit} className="card form-stack" data-testid="login-form">
        <div className="field">
          <label htmlFor="login-email">Email</label>
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="login-email"
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="login-password"
          />
        </div>
        <button type="submit" className="button button-primary" disabled={login.isPending} data-testid="login-submit">
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        {login.isError && <PlainError title="Not signed in." error={login.error} testId="login-error" />}
      </form>
      <LoginHelp />
    </main>
  );
}

/** Where the login was asked from (set by the instructor layout), never an outside address. */
function useReturnTo(): string {
  const state: unknown = useLocation().state;
  const from = typeof state === 'object' && state !== null && 'from' in state ? state.from : undefined;
  return typeof from === 'string' && from.startsWith('/instructor') ? from : '/instructor';
}
