import { AuditFacetsSchema, AuditPageSchema, type AuditFacets, type AuditPage } from '@examforge/server/api';
import { auditSearch, type AuditFilters } from '../lib/audit/audit-filters.js';
import { apiRequest } from './http.js';

/** Whose trail a page shows: one sitting's, or the whole exam's. */
export interface AuditScope {
  readonly kind: 'sitting' | 'exam';
  readonly id: string;
}

const base = (scope: AuditScope): string =>
  `/api/${scope.kind === 'sitting' ? 'sittings' : 'exams'}/${encodeURIComponent(scope.id)}`;

/** A page of events, newest first; `cursor` is the previous page's `nextCursor`. */
export function fetchAuditPage(
  scope: AuditScope,
  filters: AuditFilters,
  cursor: string | undefined,
): Promise<AuditPage> {
  const search = auditSearch(filters, cursor === undefined ? {} : { cursor });
  return apiRequest('GET', `${base(scope)}/audit${search === '' ? '' : `?${search}`}`, AuditPageSchema);
}

/** The kinds and actors in the trail, for the filters' choices. */
export function fetchAuditFacets(scope: AuditScope): Promise<AuditFacets> {
  return apiRequest('GET', `${base(scope)}/audit/facets`, AuditFacetsSchema);
}

/** A plain link: the filtered trail as CSV, downloaded with the session cookie (the download is audited). */
export function auditCsvUrl(scope: AuditScope, filters: AuditFilters): string {
  const search = auditSearch(filters);
  return `${base(scope)}/audit.csv${search === '' ? '' : `?${search}`}`;
}

/** A plain link: everything of the exam as one .zip (the download is audited). */
export function examArchiveUrl(examId: string): string {
  return `/api/exams/${encodeURIComponent(examId)}/archive`;
}
