import type { ReviewDecision, ReviewItem } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useParams } from 'react-router';
import { decideReviewItem, fetchReviewItems, reviewCropUrl } from '../api/paper-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { describePaperAnswer, describeReason } from '../lib/format/format-paper.js';
import { reviewKeyAction } from '../lib/review/review-keys.js';
import { ScrollRegion } from '../components/scroll-region.js';

/**
 * `/instructor/sittings/:sittingId/review`: the marks the reader was unsure of, one at a time, worked with the
 * keyboard alone. The page keeps focus on the item; each decision is announced and the next open item comes up.
 */
export function ReviewQueuePage() {
  const { sittingId = '' } = useParams();
  const items = useQuery({ queryKey: queryKeys.review(sittingId), queryFn: () => fetchReviewItems(sittingId) });
  return (
    <section className="sitting-section" aria-labelledby="review-title" data-testid="review-page">
      <h2 id="review-title">Review marks</h2>
      {items.isPending && <Loading />}
      {items.isError && <ErrorNotice title="Could not load the review queue." error={items.error} />}
      {items.data && <ReviewQueue sittingId={sittingId} items={items.data} />}
    </section>
  );
}

function ReviewQueue({ sittingId, items }: { readonly sittingId: string; readonly items: readonly ReviewItem[] }) {
  const queryClient = useQueryClient();
  const region = useRef<HTMLDivElement>(null);
  const [currentId, setCurrentId] = useState(() => (items.find((i) => i.status === 'open') ?? items[0])?.id);
  const [pending, setPending] = useState<readonly string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const index = Math.max(
    0,
    items.findIndex((item) => item.id === currentId),
  );
  const item = items[index];
  useEffect(() => region.current?.focus(), [currentId]);
  const decide = useMutation({
    mutationFn: ({ target, decision }: { target: ReviewItem; decision: ReviewDecision }) =>
      decideReviewItem(sittingId, target.id, decision),
    onSuccess: (decided) => {
      const next = items.map((entry) => (entry.id === decided.id ? decided : entry));
      queryClient.setQueryData(queryKeys.review(sittingId), next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.results(sittingId) });
      setAnnouncement(
        `Recorded for ${decided.studentNumber}, question ${decided.printedNumber}: ${describePaperAnswer(decided.decision ?? decided.reading, decided.bubbles)}.`,
      );
      setPending([]);
      const after = [...next.slice(index + 1), ...next.slice(0, index)].find((entry) => entry.status === 'open');
      if (after) setCurrentId(after.id);
    },
    onError: (error) => setAnnouncement(`Not recorded: ${error.message}`),
  });
  if (!item) return <p data-testid="review-empty">Nothing to review: every mark was read with confidence.</p>;
  const move = (by: 1 | -1) => {
    const target = items[(index + by + items.length) % items.length];
    if (target) setCurrentId(target.id);
    setPending([]);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Enter on a focused button or link is that control's own click.
    if (event.key === 'Enter' && event.target !== region.current) return;
    const action = reviewKeyAction(event.key, { bubbles: item.bubbles, questionKind: item.questionKind, pending });
    if (action.kind === 'none') return;
    event.preventDefault();
    if (action.kind === 'move') move(action.by);
    else if (action.kind === 'toggle')
      setPending(
        pending.includes(action.option) ? pending.filter((o) => o !== action.option) : [...pending, action.option],
      );
    else if (!decide.isPending) decide.mutate({ target: item, decision: action.decision });
  };
  const open = items.filter((entry) => entry.status === 'open').length;
  return (
    <div
      ref={region}
      tabIndex={-1}
      className="review-item"
      onKeyDown={onKeyDown}
      aria-labelledby="review-item-title"
      data-testid="review-item"
      data-item-status={item.status}
    >
      <p>
        Item {index + 1} of {items.length} · {open} open
      </p>
      <h2 id="review-item-title">
        {item.studentNumber} {item.studentName} — question {item.printedNumber} on the sheet (Q{item.questionNumber})
      </h2>
      <img
        className="review-crop"
        src={reviewCropUrl(sittingId, item.id)}
        alt={`Scan of question ${item.printedNumber} on the sheet of ${item.studentNumber}`}
        data-testid="review-crop"
      />
      <ReviewReading item={item} pending={pending} />
      <p className="review-decision" data-testid="review-decision">
        {item.decision
          ? `Decided: ${describePaperAnswer(item.decision, item.bubbles)}${item.decidedBy ? ` (by ${item.decidedBy})` : ''}`
          : `Counts for now as: ${describePaperAnswer(item.proposed, item.bubbles)}`}
      </p>
      <p role="status" aria-live="polite" className="review-announcement" data-testid="review-announcement">
        {announcement}
      </p>
      <KeyHints item={item} />
    </div>
  );
}

function ReviewReading({ item, pending }: { readonly item: ReviewItem; readonly pending: readonly string[] }) {
  return (
    <>
      <p>Why: {item.reasons.map(describeReason).join('; ')}.</p>
      <ScrollRegion label="What the reader saw in each bubble">
        <table className="table review-bubbles" data-testid="review-bubbles">
          <caption>What the reader saw in each bubble</caption>
          <thead>
            <tr>
              <th scope="col">Printed letter</th>
              <th scope="col">Mark</th>
              <th scope="col">Confidence</th>
            </tr>
          </thead>
          <tbody>
            {item.bubbles.map((bubble) => (
              <tr key={bubble.option} className={pending.includes(bubble.option) ? 'chosen' : undefined}>
                <th scope="row">{bubble.label.toUpperCase()}</th>
                <td>{bubble.kind}</td>
                <td>{Math.round(bubble.confidence * 100)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>Accepting the reading records: {describePaperAnswer(item.reading, item.bubbles)}.</p>
    </>
  );
}

function KeyHints({ item }: { readonly item: ReviewItem }) {
  const letters = item.bubbles.map((bubble) => bubble.label.toUpperCase()).join(' ');
  return (
    <dl className="key-hints" aria-label="Keys">
      <dt>
        <kbd>Enter</kbd>
      </dt>
      <dd>accept the reading{item.questionKind === 'multiple' && ' (or record the letters chosen)'}</dd>
      <dt>
        <kbd>{letters}</kbd>
      </dt>
      <dd>{item.questionKind === 'multiple' ? 'choose or unchoose that option' : 'that option is the answer'}</dd>
      <dt>
        <kbd>0</kbd> / <kbd>Backspace</kbd>
      </dt>
      <dd>blank</dd>
      <dt>
        <kbd>↑</kbd> <kbd>↓</kbd> / <kbd>j</kbd> <kbd>k</kbd>
      </dt>
      <dd>previous / next item</dd>
    </dl>
  );
}
