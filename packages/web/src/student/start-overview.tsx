import type { StartOverview } from '@examforge/server/api';
import { formatDateTime } from '../lib/format/format-time.js';
import { describeSectionRules, latestFullStart, negativeMarkingRule } from '../lib/start/start-overview-text.js';
import { ScrollRegion } from '../components/scroll-region.js';

/** The sections as a table (questions, marks, what a wrong answer costs), with negative marking spelled out. */
export function StartSections({ overview }: { readonly overview: StartOverview }) {
  const negative = negativeMarkingRule(overview.sections);
  return (
    <section aria-labelledby="start-sections-title" data-testid="start-sections">
      <h2 id="start-sections-title">Sections and marks</h2>
      {negative !== undefined && (
        <p className="notice notice-warning" data-testid="negative-marking">
          {negative}
        </p>
      )}
      <ScrollRegion label="Marks by section">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">What it is worth</th>
              <th scope="col" className="numeric">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.sections.map((section) => (
              <tr key={section.id} data-testid={`start-section-${section.id}`}>
                <th scope="row">{section.title}</th>
                <td>{describeSectionRules(section)}</td>
                <td className="numeric">{section.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Whole exam
              </th>
              <td className="numeric">{overview.total}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </section>
  );
}

interface StartRulesProps {
  readonly closesAt: string;
  readonly ownSeconds: number;
  readonly graceSeconds: number;
  readonly oneQuestionPerPage: boolean;
}

/** The time rules and how saving works, before the student commits to the clock. */
export function StartRules({ closesAt, ownSeconds, graceSeconds, oneQuestionPerPage }: StartRulesProps) {
  return (
    <section aria-labelledby="start-rules-title" data-testid="start-rules">
      <h2 id="start-rules-title">Time and saving</h2>
      <ul className="start-rules">
        <li>
          The timer starts when you confirm the start and keeps running if you close this page or lose the connection.
          It never runs past the window&apos;s close ({formatDateTime(closesAt)}): start by{' '}
          {formatDateTime(latestFullStart(closesAt, ownSeconds))} to have all your time.
        </li>
        <li data-testid="deadline-rule">
          At the deadline the exam closes on its own and the answers saved so far are submitted automatically
          {graceSeconds > 0 && ` (answers sent in the last ${graceSeconds} seconds still count)`}. You do not need to
          press Submit in time.
        </li>
        <li data-testid="saving-rule">
          Every answer is saved as you go, within a second. While the connection is down your answers are kept on this
          device and sent when it returns; the line at the top of the page always says what the server holds.
        </li>
        <li>
          {oneQuestionPerPage
            ? 'One question is shown at a time: move with Previous and Next, or pick any question in the panel.'
            : 'All questions are on one page; the panel beside them jumps to any question.'}{' '}
          Flag a question to come back to it; before you submit, a review lists what is unanswered, flagged or not
          saved.
        </li>
      </ul>
    </section>
  );
}
