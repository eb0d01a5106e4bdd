import type { PaperBoxView } from '@examforge/server/api';
import { useMutation } from '@tanstack/react-query';
import { setPaperInk } from '../api/grading-api.js';
import { ErrorNotice } from '../components/error-notice.js';

interface PaperInkControlProps {
  readonly sittingId: string;
  readonly questionId: string;
  readonly attemptId: string;
  readonly box: PaperBoxView;
  /** After the box was called blank: it left the queue. */
  readonly onBlank: () => void;
}

/**
 * What the reader saw in a paper answer's box, and the grader's way to say it is blank after all (a stray mark, a
 * crossed-out start): the answer then leaves the queue and scores as blank. Audited on the server.
 */
export function PaperInkControl({ sittingId, questionId, attemptId, box, onBlank }: PaperInkControlProps) {
  const blank = useMutation({
    mutationFn: () => setPaperInk(sittingId, attemptId, questionId, 'blank'),
    onSuccess: onBlank,
  });
  return (
    <div className="paper-ink" data-testid="paper-ink">
      <p className="muted">
        {box.override === 'written'
          ? 'A person said this box is written (the reader saw it blank).'
          : `The reader found ink on ${Math.round(box.inkShare * 1000) / 10} % of the box.`}
      </p>
      <button
        type="button"
        className="button button-small"
        disabled={blank.isPending}
        onClick={() => blank.mutate()}
        data-testid="paper-ink-blank"
      >
        The box is blank: not an answer
      </button>
      {blank.isError && <ErrorNotice title="Not changed." error={blank.error} />}
    </div>
  );
}
