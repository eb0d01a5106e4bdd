import type { RubricItemView } from '../api/grading-api.js';
import type { GradingFilters } from './use-grading-session.js';

interface GradingFiltersFormProps {
  readonly filters: GradingFilters;
  readonly onChange: (filters: GradingFilters) => void;
  readonly rubric: readonly RubricItemView[];
  /** The signed-in grader's id, for "graded by me". */
  readonly me: string;
}

/** Which answers next/previous and the list go through: ungraded or graded, by rubric item, graded by me. */
export function GradingFiltersForm({ filters, onChange, rubric, me }: GradingFiltersFormProps) {
  return (
    <fieldset className="fieldset grading-filters" data-testid="grading-filters">
      <legend>Filters</legend>
      <span className="field">
        <label htmlFor="filter-state">Show</label>
        <select
          id="filter-state"
          value={filters.filter}
          onChange={(event) => onChange({ ...filters, filter: event.target.value as GradingFilters['filter'] })}
          data-testid="filter-state"
        >
          <option value="all">all answers</option>
          <option value="ungraded">ungraded</option>
          <option value="graded">graded</option>
          <option value="flagged">flagged for a second look</option>
        </select>
      </span>
      <span className="field">
        <label htmlFor="filter-item">Carrying rubric item</label>
        <select
          id="filter-item"
          value={filters.item ?? ''}
          onChange={(event) => onChange(withOptional(filters, 'item', event.target.value))}
          data-testid="filter-item"
        >
          <option value="">any</option>
          {rubric.map((item) => (
            <option key={item.id} value={item.id}>
              {item.id}
            </option>
          ))}
        </select>
      </span>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.grader === me}
          onChange={(event) => onChange(withOptional(filters, 'grader', event.target.checked ? me : ''))}
          data-testid="filter-mine"
        />{' '}
        graded by me
      </label>
    </fieldset>
  );
}

function withOptional(filters: GradingFilters, key: 'item' | 'grader', value: string): GradingFilters {
  const { [key]: _dropped, ...rest } = filters;
  return value === '' ? rest : { ...rest, [key]: value };
}
