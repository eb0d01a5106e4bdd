import { describe, expect, it } from 'vitest';
import { auditSearch, hasAuditFilters, readAuditFilters } from './audit-filters.js';

describe('audit filters in the address bar', () => {
  it('reads the set filters and leaves out empty and unknown ones', () => {
    const params = new URLSearchParams(
      'kind=grade.applied&student=%20&actor=system&page=2&from=2026-12-01T09:00:00.000Z',
    );
    expect(readAuditFilters(params)).toEqual({
      kind: 'grade.applied',
      actor: 'system',
      from: '2026-12-01T09:00:00.000Z',
    });
  });

  it('writes them back in a fixed order, with a cursor after them', () => {
    const filters = { student: 'Ann Lee', kind: 'attempt.expired', to: '2026-12-01T10:00:00.000Z' };
    expect(auditSearch(filters, { cursor: '42' })).toBe(
      'kind=attempt.expired&student=Ann+Lee&to=2026-12-01T10%3A00%3A00.000Z&cursor=42',
    );
    expect(readAuditFilters(new URLSearchParams(auditSearch(filters)))).toEqual(filters);
  });

  it('knows whether anything is filtered', () => {
    expect(hasAuditFilters({})).toBe(false);
    expect(hasAuditFilters({ actor: 'student' })).toBe(true);
  });
});
