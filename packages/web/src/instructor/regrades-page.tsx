import type { RegradeRequestView, RegradeStatus } from '@examforge/server/api';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/api-error.js';
import { queryKeys } from '../api/query-keys.js';
import { fetchRegradeQueue } from '../api/regrades-api.js';
import { Loading } from '../components/loading.js';
import { usePageTitle } from '../components/use-page-title.js';
import { formatDateTime } from '../lib/format/format-time.js';
import { regradeStatusWords } from '../lib/regrades/regrade-words.js';
import { RegradeDecisionPanel } from './regrade-decision-panel.js';
import { ScrollRegion } from '../components/scroll-region.js';

type StatusFilter = RegradeStatus | 'all';

/**
 * `/instructor/sittings/:sittingId/regrades`: students' regrade requests, oldest first, filtered by status, question
 * and student; opening one shows its answer, grading and reason beside the decision.
 */
export function RegradesPage() {
  const { sittingId = '' } = useParams();
  usePageTitle('Regrade requests');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [questionId, setQuestionId] = useState('');
  const [rosterId, setRosterId] = useState('');
  const [selected, setSelected] = useState<string>();
  const base = { ...(status !== 'all' && { status }), ...(questionId && { questionId }) };
  // Without the student filter: the questions and students to choose from.
  const choices = useQuery({
    queryKey: queryKeys.regradeQueue(sittingId, { status }),
    queryFn: () => fetchRegradeQueue(sittingId, status === 'all' ? {} : { status }),
  });
  const filters = { ...base, ...(rosterId && { rosterId }) };
  const queue = useQuery({
    queryKey: queryKeys.regradeQueue(sittingId, filters),
    queryFn: () => fetchRegradeQueue(sittingId, filters),
  });
  const back = `/instructor/sittings/${encodeURIComponent(sittingId)}`;
  return (
    <main className="page page-wide" data-testid="regrades-page">
      <p>
        <Link to={`${back}/grading`}>← Grading and regrade requests</Link>
      </p>
      <h1>Regrade requests</h1>
      {queue.data && (
        <p className="lead" data-testid="regrades-open-count">
          {openWords(queue.data.open)}
          {queue.data.regradeUntil
            ? `; students may ask until ${formatDateTime(queue.data.regradeUntil)}.`
            : '; students cannot ask for regrades now.'}
        </p>
      )}
      <form className="filters card-row" onSubmit={(event) => event.preventDefault()} aria-label="Filter requests">
        <label className="field">
          Status
          <select
            value={status}
            onChange={(event) => setStatus(event.target.value as StatusFilter)}
            data-testid="regrades-status"
          >
            <option value="open">Open</option>
            <option value="accepted">Accepted</option>
            <option value="declined">Declined</option>
            <option value="withdrawn">Withdrawn</option>
            <option value="all">All</option>
          </select>
        </label>
        <label className="field">
          Question
          <select
            value={questionId}
            onChange={(event) => setQuestionId(event.target.value)}
            data-testid="regrades-question"
          >
            <option value="">Every question</option>
            {questionChoices(choices.data?.requests ?? []).map(([id, number]) => (
              <option key={id} value={id}>
                Question {number} ({id})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Student
          <select value={rosterId} onChange={(event) => setRosterId(event.target.value)} data-testid="regrades-student">
            <option value="">Every student</option>
            {studentChoices(choices.data?.requests ?? []).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {queue.isPending && <Loading label="Loading the requests…" />}
      {queue.isError && (
        <p className="notice notice-error" role="alert">
          Could not load the requests: {errorMessage(queue.error)}
        </p>
      )}
      {queue.data && <RequestTable requests={queue.data.requests} selected={selected} onOpen={setSelected} />}
      {selected !== undefined && (
        <RegradeDecisionPanel
          key={selected}
          sittingId={sittingId}
          requestId={selected}
          onClose={() => setSelected(undefined)}
        />
      )}
    </main>
  );
}

function RequestTable(props: {
  readonly requests: readonly RegradeRequestView[];
  readonly selected: string | undefined;
  readonly onOpen: (requestId: string) => void;
}) {
  if (props.requests.length === 0) return <p data-testid="regrades-empty">No requests under these filters.</p>;
  return (
    <ScrollRegion label="Regrade requests">
      <table className="table" data-testid="regrades-table">
        <caption>Requests, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Sent</th>
            <th scope="col">Question</th>
            <th scope="col">Student</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.requests.map((request) => (
            <tr
              key={request.id}
              data-testid="regrade-row"
              aria-current={request.id === props.selected ? 'true' : undefined}
            >
              <td>{formatDateTime(request.createdAt)}</td>
              <td>Question {request.questionNumber}</td>
              <td>{studentLabel(request)}</td>
              <td>{regradeStatusWords(request.status)}</td>
              <td>{clip(request.reason)}</td>
              <td>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => props.onOpen(request.id)}
                  data-testid="regrade-row-open"
                >
                  Open
                  <span className="visually-hidden">
                    {' '}
                    the request on question {request.questionNumber} from {studentLabel(request)}
                  </span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A student by name once names are revealed for grading; otherwise by their attempt, as grading shows them. */
export function studentLabel(request: RegradeRequestView): string {
  return request.student
    ? `${request.student.studentNumber} ${request.student.name}`
    : `Anonymous (attempt ${request.attemptId.slice(0, 8)})`;
}

function questionChoices(requests: readonly RegradeRequestView[]): [string, number][] {
  const byId = new Map(requests.map((request) => [request.questionId, request.questionNumber]));
  return [...byId].sort((a, b) => a[1] - b[1]);
}

function studentChoices(requests: readonly RegradeRequestView[]): [string, string][] {
  return [...new Map(requests.map((request) => [request.rosterId, studentLabel(request)]))];
}

function openWords(open: number): string {
  return open === 0 ? 'No request is open' : `${open} open request${open === 1 ? '' : 's'}`;
}

function clip(text: string, length = 120): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
