import { Link } from 'react-router';
import { formatDateTime, formatMinutes } from '../lib/format/format-time.js';
import { tabAttention, type SittingTabId } from '../lib/sitting/sitting-tabs.js';
import { useSittingTab } from './sitting-layout.js';
import { FOCUS_PANEL_STATE } from './sitting-tabs.js';
import { useSittingAttention } from './use-sitting-attention.js';

/** What the overview points to, in the order a sitting's day goes. */
const WAITING: readonly { tab: SittingTabId; path: string; label: string }[] = [
  { tab: 'monitor', path: 'monitor', label: 'Monitor' },
  { tab: 'grading', path: 'grading', label: 'Grading' },
  { tab: 'review', path: 'review', label: 'Review of scanned marks' },
];

/** The sitting at a glance: its settings, and what waits for someone, each linked to its tab. */
export function SittingOverviewTab() {
  const { sitting } = useSittingTab();
  const attention = useSittingAttention(sitting.id);
  const base = `/instructor/sittings/${encodeURIComponent(sitting.id)}`;
  const waiting = WAITING.flatMap((entry) => {
    const text = tabAttention(entry.tab, attention);
    return text === undefined ? [] : [{ ...entry, text }];
  });
  return (
    <section className="sitting-section" aria-labelledby="overview-title" data-testid="sitting-overview">
      <h2 id="overview-title">Overview</h2>
      <dl className="facts facts-inline">
        <dt>Window</dt>
        <dd>
          {formatDateTime(sitting.opensAt)} – {formatDateTime(sitting.closesAt)}
        </dd>
        <dt>Duration</dt>
        <dd>{formatMinutes(sitting.durationMinutes)}</dd>
        <dt>Grace</dt>
        <dd>{sitting.graceSeconds} s</dd>
        <dt>Shuffle</dt>
        <dd>
          {[sitting.shuffleQuestions && 'questions', sitting.shuffleOptions && 'options'].filter(Boolean).join(', ') ||
            'no'}
        </dd>
        <dt>Results</dt>
        <dd>{sitting.releaseResults}</dd>
        <dt>Solutions</dt>
        <dd>{sitting.releaseSolutions}</dd>
      </dl>
      <h3>Waiting for attention</h3>
      {waiting.length === 0 ? (
        <p data-testid="overview-nothing-waiting">
          Nothing waits: no one is working, and nothing is left to grade or review.
        </p>
      ) : (
        <ul className="link-list" data-testid="overview-waiting">
          {waiting.map((entry) => (
            <li key={entry.tab}>
              <Link to={`${base}/${entry.path}`} state={FOCUS_PANEL_STATE}>
                {entry.label}
              </Link>
              : {entry.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
