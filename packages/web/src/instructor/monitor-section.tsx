import type { MonitorRow } from '@examforge/server/api';
import { useQuery } from '@tanstack/react-query';
import { fetchMonitor } from '../api/sittings-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { formatCountdown } from '../lib/clock/countdown.js';
import { formatClockTime } from '../lib/format/format-time.js';
import { ScrollRegion } from '../components/scroll-region.js';

const POLL_MS = 5000;

const CONNECTION_TEXT: Record<MonitorRow['connection'], string> = {
  online: 'online',
  idle: 'idle',
  offline: 'offline',
  none: '—',
};

/** Live view of the sitting, refreshed every 5 seconds: who started, when they last saved, time left, connection. */
export function MonitorSection({ sittingId }: { readonly sittingId: string }) {
  const monitor = useQuery({
    queryKey: queryKeys.monitor(sittingId),
    queryFn: () => fetchMonitor(sittingId),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
  });
  return (
    <section className="sitting-section" aria-labelledby="monitor-title" id="monitor">
      <h2 id="monitor-title">Live monitor</h2>
      <p className="muted small" data-testid="monitor-updated">
        {monitor.dataUpdatedAt > 0
          ? `Updated ${formatClockTime(new Date(monitor.dataUpdatedAt).toISOString())}; refreshes every 5 seconds.`
          : 'Loading…'}
      </p>
      {monitor.isError && <ErrorNotice title="The monitor could not refresh." error={monitor.error} />}
      {monitor.data && <MonitorTable rows={monitor.data} />}
    </section>
  );
}

function MonitorTable({ rows }: { readonly rows: readonly MonitorRow[] }) {
  if (rows.length === 0) return <p>No students on the roster yet.</p>;
  return (
    <ScrollRegion label="Students' progress">
      <table className="table" data-testid="monitor-table">
        <thead>
          <tr>
            <th scope="col">Student number</th>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Last save</th>
            <th scope="col">Time left</th>
            <th scope="col">Answered</th>
            <th scope="col">Connection</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.rosterId}
              data-testid={`monitor-row-${row.studentNumber}`}
              data-status={row.status}
              data-connection={row.connection}
            >
              <td>{row.studentNumber}</td>
              <th scope="row">{row.name}</th>
              <td>
                <span className={`status-badge status-${row.status}`}>{row.status}</span>
              </td>
              <td>{row.startedAt === undefined ? '—' : formatClockTime(row.startedAt)}</td>
              <td data-testid={`monitor-last-save-${row.studentNumber}`}>
                {row.lastSaveAt === undefined ? '—' : formatClockTime(row.lastSaveAt)}
              </td>
              <td className="numeric">
                {row.secondsLeft === undefined ? '—' : formatCountdown(row.secondsLeft * 1000)}
              </td>
              <td className="numeric">{row.answered}</td>
              <td>
                <span
                  className={`connection connection-${row.connection}`}
                  data-testid={`monitor-connection-${row.studentNumber}`}
                >
                  {CONNECTION_TEXT[row.connection]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
