import { Link } from 'react-router';
import { usePageTitle } from './use-page-title.js';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <main className="page page-narrow" data-testid="not-found-page">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </main>
  );
}
