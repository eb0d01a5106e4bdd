/**
 * The audit page's filters as the address bar keeps them (so a filtered view can be reloaded, shared and gone back
 * to) and as the API reads them: the same names (`kind`, `actor`, `student`, `from`, `to`), times as ISO 8601 UTC.
 */
export interface AuditFilters {
  readonly kind?: string;
  /** `user:<id>`, `student` or `system`. */
  readonly actor?: string;
  /** A student number, or part of a name. */
  readonly student?: string;
  readonly from?: string;
  readonly to?: string;
}

const KEYS = ['kind', 'actor', 'student', 'from', 'to'] as const;

/**
 * The filters a query string holds; empty and unknown parameters are left out.
 *
 * @example
 * readAuditFilters(new URLSearchParams('kind=grade.applied&student=')); // { kind: 'grade.applied' }
 */
export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/**
 * The filters (and a cursor, for a page after the first) as a query string for the API or the address bar.
 *
 * @example
 * auditSearch({ kind: 'grade.applied' }, { cursor: '42' }); // 'kind=grade.applied&cursor=42'
 */
export function auditSearch(filters: AuditFilters, extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** Whether any filter is set: the page says "no event matches" rather than "no events yet". */
export function hasAuditFilters(filters: AuditFilters): boolean {
  return KEYS.some((key) => filters[key] !== undefined);
}
