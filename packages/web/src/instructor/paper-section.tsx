import type { ResultRow, ScanBatch } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { annotatedSheetUrl, answerSheetsUrl, fetchScanBatches, uploadScan } from '../api/paper-api.js';
import { fetchResults } from '../api/sittings-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { QuestionPapers } from './question-papers.js';

interface PaperSectionProps {
  readonly sittingId: string;
  readonly canUpload: boolean;
}

const busy = (batch: ScanBatch) => batch.status === 'queued' || batch.status === 'running';

/**
 * Paper: download the personalised answer sheets, have the question papers drawn, upload the scans, follow each batch as the server reads it (polled
 * while one is being read), what it found odd, and the way to the review queue and the annotated sheets.
 */
export function PaperSection({ sittingId, canUpload }: PaperSectionProps) {
  const queryClient = useQueryClient();
  const batches = useQuery({
    queryKey: queryKeys.scans(sittingId),
    queryFn: () => fetchScanBatches(sittingId),
    refetchInterval: (query) => (query.state.data?.some(busy) ? 1000 : false),
  });
  const reading = batches.data?.some(busy) ?? false;
  const [wasReading, setWasReading] = useState(false);
  if (reading !== wasReading) {
    setWasReading(reading);
    // A batch just finished: its sheets are now results and review items.
    if (!reading) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.results(sittingId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.review(sittingId) });
    }
  }
  return (
    <section className="sitting-section" aria-labelledby="paper-title" id="paper">
      <h2 id="paper-title">Paper</h2>
      <p className="button-row">
        {canUpload && (
          <a className="button" href={answerSheetsUrl(sittingId)} download data-testid="paper-sheets">
            Download answer sheets (PDF)
          </a>
        )}
        <Link
          className="button"
          to={`/instructor/sittings/${encodeURIComponent(sittingId)}/review`}
          data-testid="review-link"
        >
          Review uncertain marks
        </Link>
      </p>
      {canUpload && <QuestionPapers sittingId={sittingId} />}
      {canUpload && <UploadForm sittingId={sittingId} />}
      {batches.isError && <ErrorNotice title="Could not load the scans." error={batches.error} />}
      {batches.data && batches.data.length > 0 && (
        <ul className="scan-batches" data-testid="scan-batches">
          {batches.data.map((batch) => (
            <BatchItem key={batch.id} batch={batch} />
          ))}
        </ul>
      )}
      <AnnotatedSheets sittingId={sittingId} />
    </section>
  );
}

function UploadForm({ sittingId }: { readonly sittingId: string }) {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<readonly File[]>([]);
  const upload = useMutation({
    mutationFn: async (chosen: readonly File[]) => {
      for (const file of chosen) await uploadScan(sittingId, file);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.scans(sittingId) }),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (files.length > 0) upload.mutate(files);
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="upload-title">
      <h3 id="upload-title">Upload scans</h3>
      <label htmlFor="scan-files">Scanned sheets (PDF, PNG or JPEG; at most 50 MB per file)</label>
      <input
        id="scan-files"
        type="file"
        multiple
        accept="application/pdf,image/png,image/jpeg"
        data-testid="scan-files"
        onChange={(event) => setFiles([...(event.target.files ?? [])])}
      />
      <p>
        <button
          type="submit"
          className="button button-primary"
          disabled={files.length === 0 || upload.isPending}
          data-testid="scan-upload"
        >
          {upload.isPending ? 'Uploading…' : 'Upload'}
        </button>
      </p>
      {upload.isError && <ErrorNotice title="The upload was refused." error={upload.error} />}
    </form>
  );
}

function BatchItem({ batch }: { readonly batch: ScanBatch }) {
  const label = `${batch.fileName}: ${batch.pagesDone} of ${batch.pagesTotal} pages read`;
  const attached = batch.sheets.filter((sheet) => sheet.attached).length;
  const review = batch.sheets.reduce((sum, sheet) => sum + sheet.reviewItems, 0);
  return (
    <li className="scan-batch" data-testid={`scan-batch-${batch.fileName}`} data-status={batch.status}>
      <p>
        <strong>{batch.fileName}</strong> — {STATUS_WORDS[batch.status]}
        {batch.status === 'done' && `: ${attached} sheet(s) attached, ${review} mark(s) to review`}
      </p>
      <progress max={batch.pagesTotal} value={batch.pagesDone} aria-label={label}>
        {label}
      </progress>{' '}
      <span aria-hidden="true">
        {batch.pagesDone} / {batch.pagesTotal}
      </span>
      {batch.error !== undefined && <p className="error-text">{batch.error}</p>}
      {batch.anomalies.length > 0 && (
        <ul className="scan-anomalies" data-testid="scan-anomalies">
          {batch.anomalies.map((anomaly, index) => (
            <li key={index}>{anomaly.message}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

const STATUS_WORDS: Record<ScanBatch['status'], string> = {
  queued: 'waiting to be read',
  running: 'being read',
  done: 'read',
  failed: 'could not be read',
};

/** Links to each paper student's sheet with what was read, the right answers and the points: to hand back. */
function AnnotatedSheets({ sittingId }: { readonly sittingId: string }) {
  const results = useQuery({ queryKey: queryKeys.results(sittingId), queryFn: () => fetchResults(sittingId) });
  const paper = (results.data ?? []).filter(
    (row): row is ResultRow & { attemptId: string } => row.source === 'paper' && row.attemptId !== undefined,
  );
  if (paper.length === 0) return null;
  return (
    <div>
      <h3>Annotated sheets</h3>
      <ul className="annotated-sheets" data-testid="annotated-sheets">
        {paper.map((row) => (
          <li key={row.rosterId}>
            {row.studentNumber} {row.name}
            {(row.openReviews ?? 0) > 0 && ` (${row.openReviews} mark(s) still to review)`}:{' '}
            {(row.sheetPages ?? []).map((page) => (
              <a
                key={page}
                href={annotatedSheetUrl(sittingId, row.attemptId, page)}
                target="_blank"
                rel="noreferrer"
                data-testid={`sheet-${row.studentNumber}-${page}`}
              >
                page {page}{' '}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
