import type { AnswerForGrading } from '@examforge/server/api';
import { InlineMarkdown } from '../components/markdown-view.js';

type RubricItem = AnswerForGrading['question']['rubric'][number];

interface RubricPanelProps {
  readonly rubric: readonly RubricItem[];
  /** Positive grading (items add up from 0) or negative (items deduct from full marks). */
  readonly from: AnswerForGrading['question']['rubricFrom'];
  readonly applied: readonly string[];
  readonly onToggle: (itemId: string) => void;
}

/** The key that toggles the item at a position: 1–9, then 0 for the tenth; none past it. */
export function itemKey(index: number): string | undefined {
  if (index < 9) return String(index + 1);
  return index === 9 ? '0' : undefined;
}

/** The question's rubric as checkboxes, each with its number key. */
export function RubricPanel({ rubric, from, applied, onToggle }: RubricPanelProps) {
  return (
    <fieldset className="fieldset rubric-panel" data-testid="rubric-panel">
      <legend>
        {from === 'full'
          ? 'Rubric: the deductions from full marks this answer takes'
          : 'Rubric: the items this answer earns'}
      </legend>
      {rubric.length === 0 && <p>The rubric has no items yet.</p>}
      {rubric.map((item, index) => {
        const key = itemKey(index);
        return (
          <label
            className={`check rubric-item${applied.includes(item.id) ? ' is-applied' : ''}`}
            key={item.id}
            data-testid={`rubric-item-${item.id}`}
          >
            <input
              type="checkbox"
              checked={applied.includes(item.id)}
              onChange={() => onToggle(item.id)}
              data-testid={`rubric-toggle-${item.id}`}
            />{' '}
            {key !== undefined && <kbd aria-label={`key ${key}`}>{key}</kbd>}{' '}
            <span className="points">{signed(item.points)}</span> <InlineMarkdown source={item.text} />
          </label>
        );
      })}
    </fieldset>
  );
}

function signed(points: string): string {
  return points.startsWith('-') ? `(${points})` : `(+${points})`;
}
