/** Times as people read them, in the browser's time zone. Pure apart from that zone, which tests pin to UTC. */

const clockTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** @example formatClockTime('2025-01-01T12:03:14Z'); // '12:03:14' */
export function formatClockTime(iso: string): string {
  return clockTime.format(new Date(iso));
}

/** @example formatDateTime('2025-01-06T09:00:00Z'); // 'Mon, 6 Jan 2025, 09:00' */
export function formatDateTime(iso: string | undefined): string {
  return iso === undefined ? '—' : dateTime.format(new Date(iso));
}

/** The value a `<input type="datetime-local">` shows for an instant, in local time, to the minute. */
export function toLocalInputValue(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a `datetime-local` value means in local time, as ISO 8601 UTC; undefined when it is not a time. */
export function fromLocalInputValue(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A duration in minutes as words: `90` → `1 h 30 min`. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
