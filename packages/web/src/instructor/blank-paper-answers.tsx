import type { PaperBoxView } from '@examforge/server/api';
import { useMutation } from '@tanstack/react-query';
import { setPaperInk } from '../api/grading-api.js';
import { ErrorNotice } from '../components/error-notice.js';

interface BlankPaperAnswersProps {
  readonly sittingId: string;
  readonly questionId: string;
  readonly boxes: readonly (PaperBoxView & { readonly attemptId: string })[];
  /** After a box was said to be written: it is in the queue, and opens. */
  readonly onWritten: (attemptId: string) => void;
}

/**
 * Paper answers whose box the reader judged blank (they score as blank, not graded), each with its crop, so that a
 * grader can say one is written after all; the least sure come first.
 */
export function BlankPaperAnswers({ sittingId, questionId, boxes, onWritten }: BlankPaperAnswersProps) {
  const written = useMutation({
    mutationFn: (attemptId: string) => setPaperInk(sittingId, attemptId, questionId, 'written'),
    onSuccess: (_box, attemptId) => onWritten(attemptId),
  });
  if (boxes.length === 0) return null;
  const sorted = [...boxes].sort((a, b) => a.confidence - b.confidence);
  return (
    <section className="blank-paper-answers" aria-labelledby="blank-paper-title" data-testid="blank-paper-answers">
      <h2 id="blank-paper-title">Boxes read as blank ({boxes.length})</h2>
      <p className="field-hint">Not graded: they score as blank. Say one is written to grade it.</p>
      <ul className="blank-paper-list">
        {sorted.map((box, index) => (
          <li key={box.attemptId}>
            <img
              src={box.cropUrl}
              alt={`Scanned box read as blank, number ${index + 1}`}
              className="blank-paper-crop"
            />
            <button
              type="button"
              className="button button-small"
              disabled={written.isPending}
              onClick={() => written.mutate(box.attemptId)}
              data-testid={`paper-ink-written-${box.attemptId}`}
            >
              Written: grade box {index + 1}
            </button>
          </li>
        ))}
      </ul>
      {written.isError && <ErrorNotice title="Not changed." error={written.error} />}
    </section>
  );
}
