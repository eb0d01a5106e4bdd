import type { CheckResultView, ItemStatisticsView, RubricUsageView } from '@examforge/server/api';
import { Link } from 'react-router';
import { flagLabel, keyDoubt } from '../lib/statistics/flag-words.js';
import { countOf, formatMarks, formatStatistic } from '../lib/statistics/format-statistic.js';
import { itemAnchor } from './item-link.js';
import { OptionBars } from './option-bars.js';
import { RubricUsageTable } from './rubric-usage-table.js';
import { VerdictBadge } from './verdict-badge.js';

interface ItemDetailProps {
  readonly item: ItemStatisticsView;
  readonly examId: string;
  /** The answer check of the question; undefined when it has none or the checks have not run. */
  readonly check: CheckResultView | undefined;
  readonly checked: boolean;
  /** For a written question: how often each rubric item was applied. */
  readonly rubric?: RubricUsageView | undefined;
}

/**
 * One question in detail: its figures, its flags with their reasons beside the answer check's verdict (what the
 * class's answers and the computation say of the key, together), for a choice question the option bars, and for a
 * written one how often each rubric item was applied (once any answer is graded or waits for a grader).
 */
export function ItemDetail({ item, examId, check, checked, rubric }: ItemDetailProps) {
  const titleId = itemAnchor(item.questionId);
  return (
    <section className="item-detail" aria-labelledby={titleId} data-testid={`item-detail-${item.questionId}`}>
      <h3 id={titleId} tabIndex={-1}>
        Q{item.number} · {item.title}
      </h3>
      <ItemFigures item={item} />
      <div className="item-findings">
        <FlagList item={item} />
        <CheckVerdict item={item} examId={examId} check={check} checked={checked} />
      </div>
      {item.options && item.options.length > 0 && <OptionBars item={item} options={item.options} />}
      {rubric && rubric.items.length > 0 && rubric.graded + rubric.ungraded > 0 && (
        <RubricUsageTable usage={rubric} number={item.number} />
      )}
    </section>
  );
}

function ItemFigures({ item }: { readonly item: ItemStatisticsView }) {
  const apart = [
    item.blank !== undefined && `${item.blank} blank`,
    item.invalid !== undefined && `${item.invalid} with an invalid mark`,
    item.several !== undefined && `${item.several} with several marks`,
  ].filter(Boolean);
  return (
    <>
      <dl className="facts facts-inline">
        <dt>Facility</dt>
        <dd>{formatStatistic(item.facility)}</dd>
        <dt>Discrimination</dt>
        <dd>{formatStatistic(item.discrimination)}</dd>
        <dt>Upper − lower</dt>
        <dd>{formatStatistic(item.upperLower)}</dd>
        <dt>α if deleted</dt>
        <dd>{formatStatistic(item.alphaIfDeleted)}</dd>
        <dt>Mean</dt>
        <dd>
          {formatStatistic(item.mean)} of {formatMarks(item.maximum)}
        </dd>
        <dt>SD</dt>
        <dd>{formatStatistic(item.sd)}</dd>
      </dl>
      <p className="muted small">
        {countOf(item.n, 'answer')} analysed
        {item.unavailable > 0 && `; ${countOf(item.unavailable, 'answer')} left out (not graded yet or not read)`}
        {apart.length > 0 && `; ${apart.join(', ')}`}.
      </p>
    </>
  );
}

function FlagList({ item }: { readonly item: ItemStatisticsView }) {
  if (item.flags.length === 0) return <p>No flags.</p>;
  return (
    <ul className="flag-list" data-testid={`flags-${item.questionId}`}>
      {item.flags.map((flag) => (
        <li key={flag.kind + flag.reason} data-flag={flag.kind}>
          <strong className="flag-label">
            <span aria-hidden="true">⚑ </span>
            {flagLabel(flag.kind)}
          </strong>
          : {flag.reason}
        </li>
      ))}
    </ul>
  );
}

function CheckVerdict({ item, examId, check, checked }: ItemDetailProps) {
  const doubt = keyDoubt(
    item.flags.map((flag) => flag.kind),
    check?.verdict,
  );
  return (
    <div className="check-verdict" data-testid={`check-verdict-${item.questionId}`}>
      <p>
        Answer check: {checked ? <VerdictBadge check={check} /> : <span className="muted">not known</span>}
        {check?.markedKey !== undefined && <> · key {check.markedKey}</>}
        {check?.matched && check.matched.length > 0 && (
          <> · computed answer {check.matched.map((letter) => `(${letter})`).join(' ')}</>
        )}
      </p>
      {check?.convention && <p className="muted small">Convention: {check.convention}</p>}
      {checked && doubt && <p className="key-doubt">{doubt}</p>}
      {item.flags.length > 0 && (
        <p className="small">
          <Link to={`/instructor/exams/${encodeURIComponent(examId)}`}>All answer checks on the exam’s page</Link>
        </p>
      )}
    </div>
  );
}
