import type { RubricUsageView } from '@examforge/server/api';
import { InlineMarkdown } from '../components/markdown-view.js';
import { countOf, formatMarks, formatShare } from '../lib/statistics/format-statistic.js';
import { ScrollRegion } from '../components/scroll-region.js';

/**
 * How often graders applied each rubric item of a written question: per item its points, the graded answers that
 * carry it and their share, with a meter beside the figure (hidden from screen readers, which read the figure).
 * Answers still waiting for a grader are counted apart, never as carrying no item.
 */
export function RubricUsageTable({ usage, number }: { readonly usage: RubricUsageView; readonly number: number }) {
  return (
    <div className="rubric-usage" data-testid={`rubric-usage-${usage.questionId}`}>
      {/* Scrolls on its own on a narrow screen (long rubric items); focusable so a keyboard can scroll it. */}
      <ScrollRegion label={`Rubric usage, question ${number}`}>
        <table className="table">
          <caption>How often each rubric item was applied (question {number})</caption>
          <thead>
            <tr>
              <th scope="col">Rubric item</th>
              <th scope="col" className="numeric">
                Points
              </th>
              <th scope="col" className="numeric">
                Applied to
              </th>
              <th scope="col">Share of graded answers</th>
            </tr>
          </thead>
          <tbody>
            {usage.items.map((item) => (
              <tr key={item.id} data-item={item.id}>
                <th scope="row">
                  <InlineMarkdown source={item.text} />
                </th>
                <td className="numeric">{formatMarks(item.points)}</td>
                <td className="numeric">{item.count}</td>
                <td>
                  <meter min={0} max={1} value={item.share ?? 0} aria-hidden="true" /> {formatShare(item.share)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="muted small">
        {countOf(usage.graded, 'graded answer')}
        {usage.ungraded > 0 && `; ${countOf(usage.ungraded, 'answer')} not graded yet, not in these counts`}.
      </p>
    </div>
  );
}
