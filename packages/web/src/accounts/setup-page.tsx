import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { fetchSetupStatus, setUpFirstAdmin } from '../api/accounts-api.js';
import { queryKeys } from '../api/query-keys.js';
import { Loading } from '../components/loading.js';
import { PlainError } from '../components/plain-error.js';
import { usePageTitle } from '../components/use-page-title.js';
import { NewPasswordFields, newPasswordProblem } from './new-password-fields.js';

/**
 * `/setup`: the first start of a production server. Whoever can read the server's console enters the setup code it
 * printed and becomes the first administrator (and an instructor), signed in at once.
 */
export function SetupPage() {
  usePageTitle('Set up Examforge');
  const status = useQuery({ queryKey: queryKeys.setup, queryFn: fetchSetupStatus });
  return (
    <main className="page page-narrow" data-testid="setup-page">
      <p>
        <Link to="/">← Examforge</Link>
      </p>
      <h1>Set up Examforge</h1>
      {status.isPending && <Loading />}
      {status.isError && <PlainError title="Could not check the site." error={status.error} />}
      {status.data?.needed === false && (
        <p data-testid="setup-done">
          This site has an administrator already. <Link to="/login">Sign in</Link>.
        </p>
      )}
      {status.data?.needed === true && <FirstAdminForm />}
    </main>
  );
}

function FirstAdminForm() {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const submit = useMutation({
    mutationFn: () => setUpFirstAdmin({ code: code.trim(), name: name.trim(), email: email.trim(), password }),
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.me, me);
      void navigate('/instructor/accounts', { replace: true });
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const found = newPasswordProblem(password, confirmation);
    setProblem(found);
    if (found === undefined) submit.mutate();
  };
  return (
    <form onSubmit={onSubmit} className="card form-stack" data-testid="setup-form">
      <p>
        The server printed a one-time setup code when it started (in its console or service log). Enter it to create the
        first administrator’s account; it then stops working.
      </p>
      <div className="field">
        <label htmlFor="setup-code">Setup code</label>
        <input
          id="setup-code"
          required
          autoComplete="off"
          spellCheck={false}
          className="input-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          data-testid="setup-code"
        />
      </div>
      <div className="field">
        <label htmlFor="setup-name">Your name</label>
        <input
          id="setup-name"
          required
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="setup-name"
        />
      </div>
      <div className="field">
        <label htmlFor="setup-email">Your email</label>
        <input
          id="setup-email"
          type="email"
          required
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          data-testid="setup-email"
        />
      </div>
      <NewPasswordFields
        password={password}
        confirmation={confirmation}
        onPassword={setPassword}
        onConfirmation={setConfirmation}
      />
      <button type="submit" className="button button-primary" disabled={submit.isPending} data-testid="setup-submit">
        {submit.isPending ? 'Creating…' : 'Create the administrator'}
      </button>
      {problem !== undefined && (
        <p className="notice notice-error" role="alert" data-testid="setup-problem">
          {problem}
        </p>
      )}
      {submit.isError && <PlainError title="Not set up." error={submit.error} testId="setup-error" />}
    </form>
  );
}
