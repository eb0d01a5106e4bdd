import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revealNames } from '../api/grading-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';

interface NamesControlProps {
  readonly sittingId: string;
  /** Whether names are shown now, when known (a queue entry carries a name only once revealed). */
  readonly revealed: boolean | undefined;
}

/** The instructor's switch: graders see students' names only once revealed (the server audits each change). */
export function NamesControl({ sittingId, revealed }: NamesControlProps) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (reveal: boolean) => revealNames(sittingId, reveal),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.grading(sittingId) }),
  });
  const shown = change.data?.revealed ?? revealed ?? false;
  return (
    <div className="names-control" data-testid="names-control" data-revealed={shown}>
      <p>{shown ? "Graders see students' names." : "Grading is anonymous: graders do not see students' names."}</p>
      <button
        type="button"
        className="button"
        disabled={change.isPending}
        onClick={() => change.mutate(!shown)}
        data-testid="names-toggle"
      >
        {shown ? 'Hide names from graders' : 'Reveal names to graders'}
      </button>
      {change.isError && <ErrorNotice title="Names not changed." error={change.error} />}
    </div>
  );
}
