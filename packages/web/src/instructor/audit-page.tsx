import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { auditCsvUrl, fetchAuditFacets, fetchAuditPage, type AuditScope } from '../api/audit-api.js';
import { fetchExam } from '../api/exams-api.js';
import { queryKeys } from '../api/query-keys.js';
import { fetchSitting } from '../api/sittings-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { usePageTitle } from '../components/use-page-title.js';
import { auditSearch, hasAuditFilters, readAuditFilters, type AuditFilters } from '../lib/audit/audit-filters.js';
import { AuditFiltersForm } from './audit-filters-form.js';
import { AuditTable } from './audit-table.js';

/**
 * `/instructor/sittings/:sittingId/audit` and `/instructor/exams/:examId/audit`: who did what, when, to which student
 * or question, newest first, filtered (the filters live in the address), a page at a time, and the same view as CSV.
 */
export function AuditPage() {
  const { sittingId, examId = '' } = useParams();
  const scope: AuditScope = sittingId !== undefined ? { kind: 'sitting', id: sittingId } : { kind: 'exam', id: examId };
  const [params, setParams] = useSearchParams();
  const filters = readAuditFilters(params);
  const owner = useScopeOwner(scope);
  usePageTitle(`Audit trail: ${owner.title}`);
  const facets = useQuery({
    queryKey: queryKeys.auditFacets(scope.kind, scope.id),
    queryFn: () => fetchAuditFacets(scope),
  });
  const apply = (next: AuditFilters) => setParams(auditSearch(next));
  const body = (
    <>
      <p className="muted">
        Everything recorded about this {scope.kind === 'sitting' ? 'sitting' : 'exam and its sittings'}, newest first.
      </p>
      <AuditFiltersForm key={params.toString()} filters={filters} facets={facets.data} onApply={apply} />
      {facets.isError && <ErrorNotice title="The filter choices could not be loaded." error={facets.error} />}
      <p>
        <a className="button" href={auditCsvUrl(scope, filters)} download data-testid="audit-csv">
          Download these events (CSV)
        </a>
      </p>
      <AuditEvents scope={scope} filters={filters} />
    </>
  );
  // A sitting's trail is one of the sitting's tabs; an exam's is a page of its own.
  if (scope.kind === 'sitting')
    return (
      <section className="sitting-section" aria-labelledby="audit-title" data-testid="audit-page">
        <h2 id="audit-title">Audit trail</h2>
        {body}
      </section>
    );
  return (
    <main className="page page-wide" data-testid="audit-page">
      <p>
        <Link to={owner.backTo}>← {owner.title}</Link>
      </p>
      <h1>Audit trail: {owner.title}</h1>
      {body}
    </main>
  );
}

function AuditEvents({ scope, filters }: { readonly scope: AuditScope; readonly filters: AuditFilters }) {
  const status = useRef<HTMLParagraphElement>(null);
  const events = useInfiniteQuery({
    queryKey: queryKeys.audit(scope.kind, scope.id, filters),
    queryFn: ({ pageParam }) => fetchAuditPage(scope, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  if (events.isPending) return <Loading />;
  // A failed "load more" keeps the pages already shown (and says so below them).
  if (events.data === undefined) return <ErrorNotice title="Could not load the audit trail." error={events.error} />;
  const shown = events.data.pages.flatMap((page) => page.events);
  const loadMore = async () => {
    const result = await events.fetchNextPage();
    // The button goes away with the last page: focus moves to the count rather than to the page's top.
    if (!result.hasNextPage) status.current?.focus();
  };
  return (
    <section aria-labelledby="audit-events-title">
      <h2 id="audit-events-title">Events</h2>
      <p role="status" ref={status} tabIndex={-1} data-testid="audit-count">
        {shown.length === 0
          ? hasAuditFilters(filters)
            ? 'No event matches these filters.'
            : 'Nothing has been recorded yet.'
          : `${shown.length} event${shown.length === 1 ? '' : 's'} shown${events.hasNextPage ? '; older ones can be loaded' : ''}.`}
      </p>
      {shown.length > 0 && <AuditTable events={shown} showSitting={scope.kind === 'exam'} />}
      {events.hasNextPage && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => void loadMore()}
            disabled={events.isFetchingNextPage}
            data-testid="audit-more"
          >
            {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </p>
      )}
      {events.isFetchNextPageError && <ErrorNotice title="Could not load more events." error={events.error} />}
    </section>
  );
}

/** The sitting's or exam's title, and the page to go back to. */
function useScopeOwner(scope: AuditScope): { title: string; backTo: string } {
  const sitting = useQuery({
    queryKey: queryKeys.sitting(scope.id),
    queryFn: () => fetchSitting(scope.id),
    enabled: scope.kind === 'sitting',
  });
  const exam = useQuery({
    queryKey: queryKeys.exam(scope.id),
    queryFn: () => fetchExam(scope.id),
    enabled: scope.kind === 'exam',
  });
  const id = encodeURIComponent(scope.id);
  return scope.kind === 'sitting'
    ? { title: sitting.data?.title ?? 'Sitting', backTo: `/instructor/sittings/${id}` }
    : { title: exam.data?.title ?? 'Exam', backTo: `/instructor/exams/${id}` };
}
