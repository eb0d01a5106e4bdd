import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchSetupStatus } from '../api/accounts-api.js';
import { queryKeys } from '../api/query-keys.js';

/** Below the login form: where a new person sets their password, and first-run setup while the site has no admin. */
export function LoginHelp() {
  const setup = useQuery({ queryKey: queryKeys.setup, queryFn: fetchSetupStatus });
  return (
    <p>
      {setup.data?.needed === true && (
        <>
          First start of this server? <Link to="/setup">Set up Examforge with the setup code</Link>.{' '}
        </>
      )}
      New here, or forgot your password? <Link to="/set-password">Set your password with your code</Link> (an
      administrator gives you one).
    </p>
  );
}
