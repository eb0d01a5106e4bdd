import type { OwnRegradeRequest, OwnRegradeRequests } from '@examforge/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../api/api-error.js';
import { queryKeys } from '../api/query-keys.js';
import { fileRegradeRequest, withdrawRegradeRequest } from '../api/regrades-api.js';
import { formatDateTime } from '../lib/format/format-time.js';
import { charactersLeft, REGRADE_TEXT_LIMIT, regradeStatusWords } from '../lib/regrades/regrade-words.js';

interface RegradeRequestControlProps {
  readonly questionId: string;
  readonly number: number;
  readonly regrades: OwnRegradeRequests;
}

/**
 * Under one question of the student's results: their latest request with its status and reply, and while the window
 * is open (and no request is open) "Request a regrade": a reason with a counter, then a confirm step before sending.
 */
export function RegradeRequestControl({ questionId, number, regrades }: RegradeRequestControlProps) {
  const latest = regrades.requests.find((request) => request.questionId === questionId);
  const canAsk = regrades.window.open && latest?.status !== 'open';
  if (!latest && !canAsk) return null;
  return (
    <section
      className="result-extra regrade"
      aria-label={`Regrade of question ${number}`}
      aria-live="polite"
      data-testid={`regrade-${questionId}`}
    >
      {latest && <RequestStatus request={latest} canWithdraw={regrades.window.open} />}
      {canAsk && <RequestForm questionId={questionId} number={number} />}
    </section>
  );
}

function RequestStatus({
  request,
  canWithdraw,
}: {
  readonly request: OwnRegradeRequest;
  readonly canWithdraw: boolean;
}) {
  const withdraw = useRegradeMutation(() => withdrawRegradeRequest(request.id));
  return (
    <div data-testid="regrade-status" data-status={request.status}>
      <h3>Your regrade request: {regradeStatusWords(request.status)}</h3>
      <dl className="facts">
        <dt>Your reason</dt>
        <dd className="regrade-text">{request.reason}</dd>
        <dt>Sent</dt>
        <dd>{formatDateTime(request.createdAt)}</dd>
        {request.reply !== undefined && (
          <>
            <dt>Reply</dt>
            <dd className="regrade-text" data-testid="regrade-reply">
              {request.reply}
            </dd>
          </>
        )}
      </dl>
      {request.status === 'open' && canWithdraw && (
        <button
          type="button"
          className="button button-small"
          disabled={withdraw.isPending}
          onClick={() => withdraw.mutate()}
          data-testid="regrade-withdraw"
        >
          Withdraw this request
        </button>
      )}
      {withdraw.isError && <Failure text={`Not withdrawn: ${errorMessage(withdraw.error)}`} />}
    </div>
  );
}

function RequestForm({ questionId, number }: { readonly questionId: string; readonly number: number }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const [closedByPerson, setClosedByPerson] = useState(false);
  useEffect(() => {
    if (closedByPerson) trigger.current?.focus();
  }, [closedByPerson]);
  if (open)
    return (
      <ReasonForm
        questionId={questionId}
        number={number}
        onClose={() => {
          setOpen(false);
          setClosedByPerson(true);
        }}
      />
    );
  return (
    <button
      type="button"
      className="button"
      ref={trigger}
      aria-expanded={false}
      onClick={() => {
        setOpen(true);
        setClosedByPerson(false);
      }}
      data-testid="regrade-open"
    >
      Request a regrade of question {number}
    </button>
  );
}

function ReasonForm(props: { readonly questionId: string; readonly number: number; readonly onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const send = useRegradeMutation(() => fileRegradeRequest(props.questionId, reason.trim()));
  useEffect(() => {
    if (!confirming) textarea.current?.focus();
  }, [confirming]);
  const problem =
    reason.trim() === ''
      ? 'Say why this answer should be graded again.'
      : reason.length > REGRADE_TEXT_LIMIT
        ? 'The reason is too long.'
        : undefined;
  return (
    <form
      className="form-stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) setConfirming(true);
      }}
      data-testid="regrade-form"
    >
      <div className="field">
        <label htmlFor={`${ids}-reason`}>Why should question {props.number} be graded again?</label>
        <textarea
          id={`${ids}-reason`}
          ref={textarea}
          rows={5}
          value={reason}
          aria-describedby={`${ids}-count`}
          aria-invalid={reason.length > REGRADE_TEXT_LIMIT}
          readOnly={confirming}
          onChange={(event) => setReason(event.target.value)}
          data-testid="regrade-reason"
        />
        <p id={`${ids}-count`} className="field-hint" data-testid="regrade-count">
          {charactersLeft(reason)}
        </p>
      </div>
      {!confirming && (
        <div className="button-row">
          <button
            type="submit"
            className="button button-primary"
            disabled={problem !== undefined}
            data-testid="regrade-continue"
          >
            Continue
          </button>
          <button type="button" className="button" onClick={props.onClose} data-testid="regrade-cancel">
            Cancel
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmSend
          number={props.number}
          pending={send.isPending}
          onBack={() => setConfirming(false)}
          onSend={() => send.mutate()}
        />
      )}
      {send.isError && <Failure text={`Not sent: ${errorMessage(send.error)}`} />}
    </form>
  );
}

function ConfirmSend(props: {
  readonly number: number;
  readonly pending: boolean;
  readonly onBack: () => void;
  readonly onSend: () => void;
}) {
  const sendButton = useRef<HTMLButtonElement>(null);
  useEffect(() => sendButton.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') props.onBack();
  };
  return (
    <div
      className="confirm-box"
      role="group"
      aria-labelledby="regrade-confirm-title"
      onKeyDown={onKeyDown}
      data-testid="regrade-confirm"
    >
      <p id="regrade-confirm-title">
        <strong>Send this request for question {props.number}?</strong> Staff will read your reason and grade the answer
        again; its points may stay, rise or fall. You can have one open request per question.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          ref={sendButton}
          disabled={props.pending}
          onClick={props.onSend}
          data-testid="regrade-send"
        >
          {props.pending ? 'Sending…' : 'Send request'}
        </button>
        <button type="button" className="button" onClick={props.onBack} data-testid="regrade-back">
          Edit the reason
        </button>
      </div>
    </div>
  );
}

/** A request that changes the student's requests: they are read again on success. */
function useRegradeMutation(run: () => Promise<OwnRegradeRequest>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.ownRegrades });
      onDone?.();
    },
  });
}

/** A refusal in the server's words, without its internal code. */
function Failure({ text }: { readonly text: string }) {
  return (
    <p className="notice notice-error" role="alert" data-testid="regrade-error">
      {text}
    </p>
  );
}
