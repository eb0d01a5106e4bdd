import type { AttemptState } from '@examforge/server/api';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys.js';
import { usePageTitle } from '../components/use-page-title.js';

/** Why saving stopped, when the server refused a save because the attempt had closed. */
export interface ClosedNotice {
  readonly message: string;
  /** Changes made on this device that the server never took. */
  readonly unsaved: number;
}

interface ClosedPageProps {
  readonly state: AttemptState;
  readonly notice: ClosedNotice | undefined;
}

/** After a submit, the deadline, or the server refusing saves: what the server holds, and the way to results. */
export function ClosedPage({ state, notice }: ClosedPageProps) {
  const queryClient = useQueryClient();
  const title = state.status === 'submitted' ? 'Your answers are submitted' : 'This exam is closed';
  usePageTitle(title);
  const saved = Object.keys(state.answers).length;
  return (
    <main className="page page-narrow" data-testid="closed-page" data-status={state.status}>
      <h1>{title}</h1>
      <p className="lead">{state.sitting.title}</p>
      {notice !== undefined && (
        <div className="notice notice-warning" role="alert" data-testid="closed-message">
          <strong className="notice-title">Saving stopped.</strong> {notice.message}
          {notice.unsaved > 0 &&
            ` ${notice.unsaved} change${notice.unsaved === 1 ? '' : 's'} made on this device could not be saved.`}
        </div>
      )}
      <p data-testid="saved-count">
        The server holds {saved} saved answer{saved === 1 ? '' : 's'} for you.
      </p>
      {state.resultsAvailable ? (
        <Link className="button button-primary" to="/results" data-testid="results-link">
          See your results
        </Link>
      ) : (
        <p>
          Results are not released yet.{' '}
          <button
            type="button"
            className="button-quiet"
            onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.attempt })}
          >
            Check again
          </button>
        </p>
      )}
    </main>
  );
}
