import type { QueueEntry } from '@examforge/server/api';
import { ScrollRegion } from '../components/scroll-region.js';

interface GradingQueueTableProps {
  readonly entries: readonly QueueEntry[];
  readonly current: string | undefined;
  readonly label: (attemptId: string) => string;
  readonly onOpen: (attemptId: string) => void;
}

const STATES: Record<QueueEntry['state'], string> = {
  ungraded: 'not graded',
  graded: 'graded',
  'in-progress': 'being graded by another grader',
};

/** The answers under the filters, in queue order; any of them opens with its button. */
export function GradingQueueTable({ entries, current, label, onOpen }: GradingQueueTableProps) {
  if (entries.length === 0) return <p>No answer matches the filters.</p>;
  const named = entries.some((entry) => entry.student !== undefined);
  const flagged = entries.some((entry) => entry.flag !== undefined);
  return (
    <ScrollRegion label="Answers under the filters">
      <table className="table grading-queue" data-testid="grading-queue">
        <caption className="visually-hidden">Answers under the filters</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            {named && <th scope="col">Student</th>}
            <th scope="col">From</th>
            <th scope="col">State</th>
            <th scope="col">Points</th>
            <th scope="col">Graded by</th>
            {flagged && <th scope="col">Flag</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.attemptId}
              aria-current={entry.attemptId === current ? 'true' : undefined}
              data-testid={`queue-entry-${entry.attemptId}`}
              data-state={entry.state}
            >
              <th scope="row">
                <button type="button" className="button button-small" onClick={() => onOpen(entry.attemptId)}>
                  Open {label(entry.attemptId)}
                </button>
              </th>
              {named && <td>{entry.student && `${entry.student.studentNumber} · ${entry.student.name}`}</td>}
              <td>{entry.source}</td>
              <td>{STATES[entry.state]}</td>
              <td>{entry.points ?? '—'}</td>
              <td>{entry.gradedBy ?? '—'}</td>
              {flagged && <td>{entry.flag ? `${entry.flag.note} (${entry.flag.flaggedBy})` : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
