import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { joinExam } from '../api/auth-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useMe } from '../components/use-me.js';
import { usePageTitle } from '../components/use-page-title.js';

/** `/`: students join with their access code; instructors go to the login. */
export function LandingPage() {
  usePageTitle('');
  const me = useMe();
  return (
    <main className="page page-narrow landing" data-testid="landing-page">
      <h1 className="brand-title">Examforge</h1>
      <p className="lead">Exams online, with every answer saved as you go.</p>
      {me.data?.kind === 'student' && (
        <div className="notice notice-info">
          Signed in as {me.data.student.name}. <Link to="/exam">Continue to your exam</Link>
        </div>
      )}
      <JoinForm />
      <section className="card" aria-labelledby="staff-title">
        <h2 id="staff-title">Instructors and graders</h2>
        <Link to="/login" className="button" data-testid="instructor-login-link">
          Instructor login
        </Link>
      </section>
    </main>
  );
}

function JoinForm() {
  const [accessCode, setAccessCode] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const join = useMutation({
    mutationFn: () => joinExam(accessCode.trim()),
    onSuccess: (me) => {
      // Whatever was cached belonged to the previous person on this browser.
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.me, me);
      void navigate('/exam');
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    join.mutate();
  };
  return (
    <section className="card" aria-labelledby="join-title">
      <h2 id="join-title">Join an exam with your access code</h2>
      <form onSubmit={onSubmit} className="form-inline" data-testid="join-form">
        <div className="field">
          <label htmlFor="access-code">Access code</label>
          <input
            id="access-code"
            value={accessCode}
            onChange={(event) => setAccessCode(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            minLength={4}
            maxLength={64}
            className="input-code"
            data-testid="access-code"
          />
        </div>
        <button type="submit" className="button button-primary" disabled={join.isPending} data-testid="join-submit">
          {join.isPending ? 'Joining…' : 'Join'}
        </button>
      </form>
      {join.isError && <ErrorNotice title="Could not join." error={join.error} testId="join-error" />}
    </section>
  );
}
