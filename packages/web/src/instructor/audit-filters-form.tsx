import type { AuditFacets } from '@examforge/server/api';
import { useState, type SubmitEvent } from 'react';
import type { AuditFilters } from '../lib/audit/audit-filters.js';
import { fromLocalInputValue, toLocalInputValue } from '../lib/format/format-time.js';

interface AuditFiltersFormProps {
  readonly filters: AuditFilters;
  readonly facets: AuditFacets | undefined;
  readonly onApply: (filters: AuditFilters) => void;
}

/** The form's fields as typed: times as the inputs show them (local, to the minute). */
interface Draft {
  readonly kind: string;
  readonly actor: string;
  readonly student: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Which events the table shows: a kind, an actor, a student (number or part of a name) and a time range, applied
 * together with the button (or Enter), so that typing a name does not fetch on every key.
 */
export function AuditFiltersForm({ filters, facets, onApply }: AuditFiltersFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters));
  const set = (key: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onApply(filtersOf(draft));
  };
  return (
    <form onSubmit={submit} className="form-inline" data-testid="audit-filters">
      <fieldset className="fieldset">
        <legend>Filters</legend>
        <span className="field">
          <label htmlFor="audit-kind">Kind</label>
          <select id="audit-kind" value={draft.kind} onChange={set('kind')} data-testid="audit-kind">
            <option value="">any kind</option>
            {withCurrent(
              facets?.kinds.map((k) => ({ value: k.kind, label: `${k.kind} (${k.count})` })),
              draft.kind,
            )}
          </select>
        </span>
        <span className="field">
          <label htmlFor="audit-actor">Who</label>
          <select id="audit-actor" value={draft.actor} onChange={set('actor')} data-testid="audit-actor">
            <option value="">anyone</option>
            {withCurrent(
              facets?.actors.map((a) => ({ value: a.value, label: `${a.label} (${a.count})` })),
              draft.actor,
            )}
          </select>
        </span>
        <span className="field">
          <label htmlFor="audit-student">Student (number or name)</label>
          <input
            id="audit-student"
            type="text"
            value={draft.student}
            onChange={set('student')}
            data-testid="audit-student"
          />
        </span>
        <span className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="datetime-local" value={draft.from} onChange={set('from')} />
        </span>
        <span className="field">
          <label htmlFor="audit-to">Until</label>
          <input id="audit-to" type="datetime-local" value={draft.to} onChange={set('to')} />
        </span>
        <span className="button-row">
          <button type="submit" className="button button-primary" data-testid="audit-apply">
            Show events
          </button>
          <button type="button" className="button" onClick={() => onApply({})}>
            Clear filters
          </button>
        </span>
      </fieldset>
    </form>
  );
}

/** The choices, keeping the chosen value even when the trail no longer holds it (a link from elsewhere). */
function withCurrent(choices: readonly { value: string; label: string }[] | undefined, current: string) {
  const all = choices ?? [];
  const shown =
    current === '' || all.some((c) => c.value === current) ? all : [{ value: current, label: current }, ...all];
  return shown.map((choice) => (
    <option key={choice.value} value={choice.value}>
      {choice.label}
    </option>
  ));
}

function draftOf(filters: AuditFilters): Draft {
  const local = (iso: string | undefined) => (iso === undefined ? '' : toLocalInputValue(new Date(iso)));
  return {
    kind: filters.kind ?? '',
    actor: filters.actor ?? '',
    student: filters.student ?? '',
    from: local(filters.from),
    to: local(filters.to),
  };
}

function filtersOf(draft: Draft): AuditFilters {
  const entries = Object.entries({
    kind: draft.kind,
    actor: draft.actor,
    student: draft.student.trim(),
    from: fromLocalInputValue(draft.from),
    to: fromLocalInputValue(draft.to),
  }).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  return Object.fromEntries(entries);
}
