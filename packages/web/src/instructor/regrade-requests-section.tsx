import type { Sitting } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/api-error.js';
import { queryKeys } from '../api/query-keys.js';
import { fetchRegradeQueue, setRegradeWindow } from '../api/regrades-api.js';
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from '../lib/format/format-time.js';

const WEEK_MS = 7 * 24 * 3_600_000;

interface RegradeRequestsSectionProps {
  readonly sitting: Sitting;
  /** Instructors open and close the window; graders see it and the queue. */
  readonly manages: boolean;
}

/** On the sitting page: whether students may ask for regrades, until when, and the queue with its open count. */
export function RegradeRequestsSection({ sitting, manages }: RegradeRequestsSectionProps) {
  const open = useQuery({
    queryKey: queryKeys.regradeQueue(sitting.id, { status: 'open' }),
    queryFn: () => fetchRegradeQueue(sitting.id, { status: 'open' }),
  });
  return (
    <section className="sitting-section no-print" id="regrade-requests" aria-labelledby="regrade-requests-title">
      <h2 id="regrade-requests-title">Regrade requests</h2>
      <p data-testid="regrade-window-state">
        {sitting.regradeUntil
          ? `Once results are released, students may ask for a regrade until ${formatDateTime(sitting.regradeUntil)}.`
          : 'Students cannot ask for regrades now.'}
      </p>
      <p>
        <Link to={`/instructor/sittings/${encodeURIComponent(sitting.id)}/regrades`} data-testid="regrades-link">
          Regrade requests{open.data ? ` (${open.data.open} open)` : ''}
        </Link>
      </p>
      {manages && <WindowForm sitting={sitting} />}
    </section>
  );
}

function WindowForm({ sitting }: { readonly sitting: Sitting }) {
  const queryClient = useQueryClient();
  const ids = useId();
  const [until, setUntil] = useState(() =>
    toLocalInputValue(sitting.regradeUntil ? new Date(sitting.regradeUntil) : new Date(Date.now() + WEEK_MS)),
  );
  const save = useMutation({
    mutationFn: (value: string | null) => setRegradeWindow(sitting.id, value),
    onSuccess: (updated) => queryClient.setQueryData(queryKeys.sitting(sitting.id), updated),
  });
  const deadline = fromLocalInputValue(until);
  return (
    <form
      className="form-stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (deadline !== undefined) save.mutate(deadline);
      }}
      data-testid="regrade-window-form"
    >
      <div className="field">
        <label htmlFor={`${ids}-until`}>Students may ask until</label>
        <input
          id={`${ids}-until`}
          type="datetime-local"
          value={until}
          onChange={(event) => setUntil(event.target.value)}
          data-testid="regrade-window-until"
        />
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button"
          disabled={save.isPending || deadline === undefined}
          data-testid="regrade-window-save"
        >
          {sitting.regradeUntil ? 'Change the deadline' : 'Open regrade requests'}
        </button>
        {sitting.regradeUntil && (
          <button
            type="button"
            className="button"
            disabled={save.isPending}
            onClick={() => save.mutate(null)}
            data-testid="regrade-window-close"
          >
            Close regrade requests now
          </button>
        )}
      </div>
      <p role="status" aria-live="polite">
        {save.isSuccess && (save.variables === null ? 'Closed.' : 'Saved.')}
      </p>
      {save.isError && (
        <p className="notice notice-error" role="alert">
          Not saved: {errorMessage(save.error)}
        </p>
      )}
    </form>
  );
}
