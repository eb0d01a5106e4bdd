import type { AuditActor, AuditEvent } from '@examforge/server/api';
import { ScrollRegion } from '../components/scroll-region.js';

/** To the second: an audit reader orders events that happen within a minute. */
const atFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface AuditTableProps {
  readonly events: readonly AuditEvent[];
  /** The exam's trail spans sittings: a column says which. */
  readonly showSitting: boolean;
}

/** The events, newest first: when, who, what (kind and words), and the student and question it is about. */
export function AuditTable({ events, showSitting }: AuditTableProps) {
  return (
    <ScrollRegion label="Audit events">
      <table className="table" data-testid="audit-table">
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Student</th>
            <th scope="col">Question</th>
            {showSitting && <th scope="col">Sitting</th>}
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-event" data-kind={event.kind}>
              <th scope="row">
                <time dateTime={event.at}>{atFormat.format(new Date(event.at))}</time>
              </th>
              <td>
                <ActorCell actor={event.actor} />
              </td>
              <td>
                <code>{event.kind}</code> {event.summary}
              </td>
              <td>{event.student ? `${event.student.studentNumber} · ${event.student.name}` : ''}</td>
              <td>{event.questionId ?? ''}</td>
              {showSitting && <td>{event.sittingTitle ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function ActorCell({ actor }: { readonly actor: AuditActor }) {
  switch (actor.kind) {
    case 'system':
      return <span className="muted">System</span>;
    case 'student':
      return (
        <>
          {actor.name} <span className="muted small">(student {actor.studentNumber})</span>
        </>
      );
    case 'user':
      return (
        <>
          {actor.name} <span className="muted small">{actor.email}</span>
        </>
      );
  }
}
