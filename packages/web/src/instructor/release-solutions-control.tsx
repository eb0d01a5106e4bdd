import type { Sitting } from '@examforge/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { releaseSolutions } from '../api/releases-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { isReleasedNow } from '../lib/format/release-policy.js';

/**
 * Releases the solutions (keys, explanations, model solutions) once the results are out: before that the server
 * refuses, so the button only shows after the results. Students still answering see nothing until they are done.
 */
export function ReleaseSolutionsControl({ sitting }: { readonly sitting: Sitting }) {
  const queryClient = useQueryClient();
  const release = useMutation({
    mutationFn: () => releaseSolutions(sitting.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.sitting(sitting.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.studentReleases(sitting.id) });
    },
  });
  if (!isReleasedNow(sitting.releaseResults, sitting.closesAt)) return null;
  if (isReleasedNow(sitting.releaseSolutions, sitting.closesAt))
    return (
      <p className="notice notice-success" data-testid="solutions-released">
        Solutions are released to students who have finished.
      </p>
    );
  return (
    <div data-testid="release-solutions">
      <button
        type="button"
        className="button button-primary"
        disabled={release.isPending}
        onClick={() => release.mutate()}
        data-testid="release-solutions-button"
      >
        {release.isPending ? 'Releasing…' : 'Release solutions to students'}
      </button>
      {release.isError && (
        <ErrorNotice title="Solutions not released." error={release.error} testId="release-solutions-error" />
      )}
    </div>
  );
}
