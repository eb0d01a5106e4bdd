import type { KeyChangePreview } from '@examforge/server/api';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { previewKeyChange } from '../api/sittings-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { describeScoreChanges, formatChange } from '../lib/regrade/score-changes-text.js';
import { ScrollRegion } from '../components/scroll-region.js';

/** The question's key as the sitting scores it now (the dry run with no letters). */
export function useCurrentKey(sittingId: string, questionId: string): UseQueryResult<KeyChangePreview> {
  return useQuery({
    queryKey: queryKeys.keyPreview(sittingId, questionId, []),
    queryFn: () => previewKeyChange(sittingId, questionId, []),
    enabled: questionId !== '',
  });
}

/** The proposed key's effect on every total, nothing saved; idle while no change is proposed. */
export function useKeyChangePreview(
  sittingId: string,
  questionId: string,
  letters: readonly string[] | undefined,
): UseQueryResult<KeyChangePreview> {
  return useQuery({
    queryKey: queryKeys.keyPreview(sittingId, questionId, letters ?? []),
    queryFn: () => previewKeyChange(sittingId, questionId, letters ?? []),
    enabled: letters !== undefined && letters.length > 0,
    // The last preview stays while the next one is computed, so the panel does not jump with each box ticked.
    placeholderData: keepPreviousData,
  });
}

/** Who would gain or lose how much with the proposed key: a sentence (announced), then each student whose total moves. */
export function KeyChangePreviewPanel({ preview }: { readonly preview: UseQueryResult<KeyChangePreview> }) {
  const data = preview.data;
  return (
    <div className="key-preview" data-testid="key-preview" aria-busy={preview.isFetching}>
      <p role="status" data-testid="key-preview-summary">
        {data === undefined
          ? preview.isError
            ? ''
            : 'Rescoring every attempt with this key…'
          : `Before applying: ${describeScoreChanges(data)}`}
      </p>
      {preview.isError && <ErrorNotice title="The change could not be tried." error={preview.error} />}
      {data && data.students.length > 0 && (
        <ScrollRegion label="Changes by student">
          <table className="table" data-testid="key-preview-table">
            <caption className="visually-hidden">Students whose total this key would change</caption>
            <thead>
              <tr>
                <th scope="col">Student number</th>
                <th scope="col">Name</th>
                <th scope="col">Total now</th>
                <th scope="col">With this key</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {data.students.map((row) => (
                <tr key={row.studentNumber} data-testid={`key-preview-row-${row.studentNumber}`}>
                  <td>{row.studentNumber}</td>
                  <th scope="row">{row.name}</th>
                  <td className="numeric">{row.before}</td>
                  <td className="numeric">{row.after}</td>
                  <td className="numeric">{formatChange(row.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
