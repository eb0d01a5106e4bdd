import type { RegradeDecision, RegradeRequestDetail } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { errorCode, errorMessage } from '../api/api-error.js';
import { queryKeys } from '../api/query-keys.js';
import { decideRegradeRequest, fetchRegradeRequest } from '../api/regrades-api.js';
import { AnswerView } from '../components/answer-view.js';
import { Loading } from '../components/loading.js';
import { Markdown } from '../components/markdown-view.js';
import { formatStatus } from '../lib/format/format-answer.js';
import { formatDateTime } from '../lib/format/format-time.js';
import {
  draftOf,
  draftPoints,
  draftProblem,
  gradeInputOf,
  toggleItem,
  type GradeDraft,
} from '../lib/grading/grade-draft.js';
import { charactersLeft, REGRADE_TEXT_LIMIT, regradeStatusWords } from '../lib/regrades/regrade-words.js';
import { studentLabel } from './regrades-page.js';
import { RubricPanel } from './rubric-panel.js';

interface RegradeDecisionPanelProps {
  readonly sittingId: string;
  readonly requestId: string;
  readonly onClose: () => void;
}

/**
 * One request opened: the reason, the answer as scored now with its grading, and the decision. A written answer is
 * accepted with its new grade (the rubric as graders use it, an adjustment, a comment); any other question is
 * accepted with the reply alone, since its fix is a key change that regrades everyone.
 */
export function RegradeDecisionPanel({ sittingId, requestId, onClose }: RegradeDecisionPanelProps) {
  const detail = useQuery({
    queryKey: queryKeys.regradeRequest(sittingId, requestId),
    queryFn: () => fetchRegradeRequest(sittingId, requestId),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [detail.isSuccess]);
  return (
    <section className="regrade-decision card" aria-labelledby="regrade-decision-title" data-testid="regrade-decision">
      {detail.isPending && <Loading label="Loading the request…" />}
      {detail.isError && (
        <p className="notice notice-error" role="alert">
          Could not load the request: {errorMessage(detail.error)}
        </p>
      )}
      {detail.data && (
        <>
          <h2 id="regrade-decision-title" ref={heading} tabIndex={-1}>
            Question {detail.data.request.questionNumber}: {studentLabel(detail.data.request)}
          </h2>
          <RequestFacts detail={detail.data} />
          {detail.data.request.status === 'open' ? (
            <DecisionForm sittingId={sittingId} detail={detail.data} />
          ) : (
            <p data-testid="regrade-decided">
              {regradeStatusWords(detail.data.request.status)}
              {detail.data.request.decidedBy !== undefined && ` by ${detail.data.request.decidedBy}`}
              {detail.data.request.decidedAt !== undefined && `, ${formatDateTime(detail.data.request.decidedAt)}`}.
            </p>
          )}
        </>
      )}
      <button type="button" className="button button-quiet" onClick={onClose} data-testid="regrade-close">
        Close this request
      </button>
    </section>
  );
}

function RequestFacts({ detail }: { readonly detail: RegradeRequestDetail }) {
  const { request, result, grading } = detail;
  return (
    <dl className="facts">
      <dt>The student’s reason</dt>
      <dd className="regrade-text" data-testid="regrade-reason-shown">
        {request.reason}
      </dd>
      <dt>Sent</dt>
      <dd>{formatDateTime(request.createdAt)}</dd>
      {grading && (
        <>
          <dt>Question</dt>
          <dd>
            <Markdown source={grading.question.stem} />
          </dd>
        </>
      )}
      <dt>Answer</dt>
      <dd data-testid="regrade-answer">
        {result.crop === undefined ? (
          <AnswerView answer={result.answer} question={undefined} />
        ) : (
          <img
            src={result.crop}
            alt={`The scanned answer to question ${request.questionNumber}`}
            className="result-crop"
          />
        )}
      </dd>
      {result.correct !== undefined && (
        <>
          <dt>Key</dt>
          <dd>{result.correct.map((letter) => letter.toUpperCase()).join(', ') || 'none'}</dd>
        </>
      )}
      <dt>Points now</dt>
      <dd data-testid="regrade-points-now">
        {result.points} of {result.maximum} <span className="status-badge">{formatStatus(result.status)}</span>{' '}
        {result.reason}
      </dd>
      {grading?.grade && (
        <>
          <dt>Grade now</dt>
          <dd>
            {grading.grade.items.length > 0 ? `items ${grading.grade.items.join(', ')}` : 'no rubric item'}
            {grading.grade.adjustment !== undefined && `, adjusted ${grading.grade.adjustment}`} (by{' '}
            {grading.grade.gradedBy}, version {grading.grade.version})
            {grading.grade.comment !== undefined && <>; comment: “{grading.grade.comment}”</>}
          </dd>
        </>
      )}
      {request.reply !== undefined && (
        <>
          <dt>Reply</dt>
          <dd className="regrade-text">{request.reply}</dd>
        </>
      )}
    </dl>
  );
}

function DecisionForm({ sittingId, detail }: { readonly sittingId: string; readonly detail: RegradeRequestDetail }) {
  const { grading } = detail;
  const written = detail.request.questionKind === 'written';
  const [reply, setReply] = useState('');
  const [draft, setDraft] = useState<GradeDraft>(() => draftOf(grading?.grade));
  const [announcement, setAnnouncement] = useState('');
  const decide = useDecision(sittingId, detail.request.id, setAnnouncement);
  const ids = useId();
  const replyProblem =
    reply.trim() === ''
      ? 'Write a reply to the student.'
      : reply.length > REGRADE_TEXT_LIMIT
        ? 'The reply is too long.'
        : undefined;
  const send = (outcome: RegradeDecision['outcome']) => {
    const problem = replyProblem ?? (outcome === 'accepted' && grading ? draftProblem(draft) : undefined);
    if (problem) {
      setAnnouncement(`Not sent: ${problem}`);
      return;
    }
    const grade =
      outcome === 'accepted' && grading
        ? { ...gradeInputOf(grading.question.rubric, draft), expectedVersion: grading.grade?.version ?? 0 }
        : undefined;
    decide.mutate({ outcome, reply: reply.trim(), ...(grade && { grade }) });
  };
  const points =
    grading && draftPoints(grading.question.rubric, grading.question.marks, draft, grading.question.rubricFrom);
  return (
    <form className="form-stack" onSubmit={(event) => event.preventDefault()} data-testid="regrade-decision-form">
      {grading ? (
        <fieldset className="fieldset">
          <legend>The new grade, if you accept</legend>
          <RubricPanel
            rubric={grading.question.rubric}
            from={grading.question.rubricFrom}
            applied={draft.items}
            onToggle={(itemId) => setDraft(toggleItem(draft, itemId))}
          />
          <GradeFields draft={draft} onDraft={setDraft} marks={grading.question.marks} />
          <p>
            Accepting gives <strong data-testid="regrade-new-points">{points ?? '?'}</strong> of{' '}
            {grading.question.marks} points.
          </p>
        </fieldset>
      ) : (
        <p className="notice notice-info" data-testid="regrade-key-note">
          {written
            ? 'This answer is not in the grading queue (its box was judged blank): decline it, or say it is written on the grading page first.'
            : 'This is not a written answer: accepting sends your reply only. If the key is wrong, change it on the sitting page: a key change regrades every student.'}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${ids}-reply`}>Reply to the student (required)</label>
        <textarea
          id={`${ids}-reply`}
          rows={4}
          value={reply}
          aria-describedby={`${ids}-reply-count`}
          onChange={(event) => setReply(event.target.value)}
          data-testid="regrade-reply-input"
        />
        <p id={`${ids}-reply-count`} className="field-hint">
          {charactersLeft(reply)}
        </p>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={decide.isPending || (written && !grading)}
          onClick={() => send('accepted')}
          data-testid="regrade-accept"
        >
          {grading ? 'Accept with this grade' : 'Accept'}
        </button>
        <button
          type="button"
          className="button"
          disabled={decide.isPending}
          onClick={() => send('declined')}
          data-testid="regrade-decline"
        >
          Decline
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="regrade-announcement">
        {announcement}
      </p>
      {decide.isError && errorCode(decide.error) !== 'grade-conflict' && (
        <p className="notice notice-error" role="alert">
          Not sent: {errorMessage(decide.error)}
        </p>
      )}
    </form>
  );
}

function GradeFields(props: {
  readonly draft: GradeDraft;
  readonly onDraft: (draft: GradeDraft) => void;
  readonly marks: string;
}) {
  const { draft, onDraft } = props;
  const ids = useId();
  const adjusted = draft.adjustment.trim() !== '' && Number(draft.adjustment) !== 0;
  return (
    <>
      <div className="field-row">
        <span className="field">
          <label htmlFor={`${ids}-adjustment`}>Adjustment (points)</label>
          <input
            id={`${ids}-adjustment`}
            className="input-points"
            value={draft.adjustment}
            inputMode="decimal"
            placeholder="0"
            onChange={(event) => onDraft({ ...draft, adjustment: event.target.value })}
            data-testid="regrade-adjustment"
          />
        </span>
        <span className="field field-grow">
          <label htmlFor={`${ids}-reason`}>Reason for the adjustment{adjusted && ' (required)'}</label>
          <input
            id={`${ids}-reason`}
            value={draft.reason}
            required={adjusted}
            onChange={(event) => onDraft({ ...draft, reason: event.target.value })}
          />
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-comment`}>Comment on the grade (the student sees it with the grade)</label>
        <textarea
          id={`${ids}-comment`}
          rows={2}
          value={draft.comment}
          onChange={(event) => onDraft({ ...draft, comment: event.target.value })}
        />
      </div>
      <p className="field-hint">The points stay between 0 and {props.marks}.</p>
    </>
  );
}

/** Sends the decision; a grade another grader changed meanwhile is read again so the grader can decide anew. */
function useDecision(sittingId: string, requestId: string, announce: (message: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: RegradeDecision) => decideRegradeRequest(sittingId, requestId, decision),
    onSuccess: async (decided) => {
      announce(`${regradeStatusWords(decided.status)}: the student sees your reply.`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.regrades(sittingId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.results(sittingId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.grading(sittingId) }),
      ]);
    },
    onError: async (error) => {
      if (errorCode(error) !== 'grade-conflict') return;
      announce(
        'Not sent: another grader changed this grade meanwhile. Their grade is shown now; check it and decide again.',
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.regradeRequest(sittingId, requestId) });
    },
  });
}
