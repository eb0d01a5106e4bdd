import type { ReleaseOverride, StudentRelease } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { errorMessage } from '../api/api-error.js';
import { queryKeys } from '../api/query-keys.js';
import { fetchStudentReleases, setStudentRelease } from '../api/releases-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { ScrollRegion } from '../components/scroll-region.js';

const CHOICES: readonly { readonly value: ReleaseOverride; readonly label: string }[] = [
  { value: 'sitting', label: 'As the sitting' },
  { value: 'held', label: 'Held back' },
  { value: 'released', label: 'Released to them' },
];

/**
 * Per-student exceptions to the sitting's release (decision 0013): hold results or solutions back for a late taker,
 * or release them to one student. What each student sees now is shown beside the choice; a student still answering
 * sees nothing whatever is chosen.
 */
export function StudentReleasesSection({ sittingId }: { readonly sittingId: string }) {
  const releases = useQuery({
    queryKey: queryKeys.studentReleases(sittingId),
    queryFn: () => fetchStudentReleases(sittingId),
  });
  return (
    <section className="sitting-section no-print" id="student-releases" aria-labelledby="student-releases-title">
      <h2 id="student-releases-title">Release per student</h2>
      <p>
        Hold results or solutions back for a student who sits late, or release them to one student before everyone. A
        student whose exam is still open, extra time and grace period included, sees neither.
      </p>
      {releases.isError && <ErrorNotice title="Could not load the students' releases." error={releases.error} />}
      {releases.data?.length === 0 && <p>No students yet.</p>}
      {releases.data && releases.data.length > 0 && (
        <ScrollRegion label="What each student sees">
          <table className="table" data-testid="student-releases-table">
            <thead>
              <tr>
                <th scope="col">Student number</th>
                <th scope="col">Name</th>
                <th scope="col">Exam</th>
                <th scope="col">Results</th>
                <th scope="col">Solutions</th>
                <th scope="col">Sees now</th>
                <th scope="col">
                  <span className="visually-hidden">Save</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {releases.data.map((release) => (
                <StudentReleaseRow key={release.rosterId} sittingId={sittingId} release={release} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function StudentReleaseRow({ sittingId, release }: { readonly sittingId: string; readonly release: StudentRelease }) {
  const ids = useId();
  const queryClient = useQueryClient();
  const [results, setResults] = useState(release.results.override);
  const [solutions, setSolutions] = useState(release.solutions.override);
  const save = useMutation({
    mutationFn: () => setStudentRelease(sittingId, release.rosterId, { results, solutions }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.studentReleases(sittingId) }),
  });
  const changed = results !== release.results.override || solutions !== release.solutions.override;
  const who = `${release.name} (${release.studentNumber})`;
  return (
    <tr data-testid={`student-release-${release.studentNumber}`}>
      <td>{release.studentNumber}</td>
      <th scope="row">{release.name}</th>
      <td>{release.stillAnswering ? 'still answering' : release.attemptStatus}</td>
      <td>
        <OverrideSelect id={`${ids}-results`} label={`Results for ${who}`} value={results} onChange={setResults} />
      </td>
      <td>
        <OverrideSelect
          id={`${ids}-solutions`}
          label={`Solutions for ${who}`}
          value={solutions}
          onChange={setSolutions}
        />
      </td>
      <td data-testid={`student-release-sees-${release.studentNumber}`}>{seesNow(release)}</td>
      <td>
        <button
          type="button"
          className="button"
          disabled={!changed || save.isPending}
          onClick={() => save.mutate()}
          aria-label={`Save the release for ${who}`}
          data-testid={`student-release-save-${release.studentNumber}`}
        >
          Save
        </button>
        <span role="status" aria-live="polite">
          {save.isError ? `Not saved: ${errorMessage(save.error)}` : ''}
        </span>
      </td>
    </tr>
  );
}

function OverrideSelect(props: {
  readonly id: string;
  readonly label: string;
  readonly value: ReleaseOverride;
  readonly onChange: (value: ReleaseOverride) => void;
}) {
  return (
    <>
      <label htmlFor={props.id} className="visually-hidden">
        {props.label}
      </label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) =>
          props.onChange(CHOICES.find((choice) => choice.value === event.target.value)?.value ?? 'sitting')
        }
      >
        {CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </>
  );
}

function seesNow(release: StudentRelease): string {
  if (release.solutions.visible) return 'results and solutions';
  return release.results.visible ? 'results' : 'nothing yet';
}
