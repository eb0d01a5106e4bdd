import type { BankImport, BankImportNote } from '@examforge/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type DragEvent, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { importBank } from '../api/bank-import-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';

const FORMATS: Record<BankImport['format'], string> = {
  aiken: 'Aiken',
  gift: 'GIFT',
  'moodle-xml': 'Moodle XML',
  qti12: 'QTI 1.2 (Canvas, Respondus)',
  qti21: 'QTI 2.x',
  qti30: 'QTI 3.0',
};

const KEPT_AS: Record<BankImportNote['keptAs'], string> = {
  'left-out': 'Left out',
  'free-response': 'Kept as a written answer, graded by hand',
  partial: 'Kept in part',
  description: 'Kept as text before the next question',
  content: 'Content changed',
};

/**
 * A question bank from Moodle, Canvas, Blackboard or a QTI package, chosen or dropped here: the server reads the
 * format, makes an exam of it, and this form shows the report — what became which question, and everything not
 * converted exactly, with where it is in the file — before the instructor opens the exam and a sitting.
 */
export function ImportBankForm() {
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const queryClient = useQueryClient();
  const submit = useMutation({
    mutationFn: (chosen: File) => importBank(chosen),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.exams });
      queryClient.setQueryData(queryKeys.exam(result.exam.id), result.exam);
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (file) submit.mutate(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) {
      setFile(dropped);
      submit.mutate(dropped);
    }
  };
  return (
    <form className="card form-stack" onSubmit={onSubmit} aria-labelledby="bank-title" data-testid="bank-import-form">
      <h2 id="bank-title">Import a question bank</h2>
      <p className="muted">
        From Moodle (XML, GIFT, Aiken), Canvas or Blackboard (QTI 1.2), or any QTI 2.x or 3.0 package (.zip). Whatever
        has no Examforge equivalent is listed below, never dropped silently.
      </p>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="bank-drop-zone"
      >
        <label htmlFor={inputId}>Drop the file here, or choose it</label>
        <input
          id={inputId}
          type="file"
          accept=".xml,.txt,.gift,.zip,application/xml,text/xml,text/plain,application/zip"
          onChange={(event) => setFile(event.target.files?.[0])}
          data-testid="bank-file"
        />
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={!file || submit.isPending}
        data-testid="bank-import"
      >
        {submit.isPending ? `Importing ${file?.name ?? ''}…` : 'Import the bank'}
      </button>
      {submit.isPending && (
        <p role="status" data-testid="bank-importing">
          Reading {file?.name}: converting its questions and checking the exam…
        </p>
      )}
      {submit.isError && <ErrorNotice title="Not imported." error={submit.error} testId="bank-import-error" />}
      {submit.data && <BankImportReport result={submit.data} />}
    </form>
  );
}

function BankImportReport({ result }: { readonly result: BankImport }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result]);
  const { single, multiple, numeric, free } = result.questions;
  const total = single + multiple + numeric + free;
  const kinds = [
    [single, 'single choice'],
    [multiple, 'multiple answer'],
    [numeric, 'numeric'],
    [free, 'written'],
  ] as const;
  return (
    <section className="notice notice-info" aria-labelledby="bank-report-title" data-testid="bank-import-report">
      <h3 id="bank-report-title" tabIndex={-1} ref={heading}>
        Imported {total} {total === 1 ? 'question' : 'questions'} from {FORMATS[result.format]}
      </h3>
      <p data-testid="bank-import-counts">
        {kinds
          .filter(([count]) => count > 0)
          .map(([count, kind]) => `${count} ${kind}`)
          .join(', ')}
        {result.assets > 0 && ` · ${result.assets} ${result.assets === 1 ? 'image' : 'images'} kept with the exam`}
      </p>
      {result.notes.length === 0 ? (
        <p data-testid="bank-import-exact">Everything was converted exactly.</p>
      ) : (
        <>
          <p>
            <strong>Not converted exactly ({result.notes.length})</strong> — check these before opening a sitting:
          </p>
          <ul className="bank-notes" tabIndex={0} aria-label="Not converted exactly" data-testid="bank-import-notes">
            {result.notes.map((note, index) => (
              <li key={index} data-kept-as={note.keptAs}>
                <strong>{KEPT_AS[note.keptAs]}</strong>
                {note.question !== undefined && <> — “{note.question}”</>}
                {note.questionId !== undefined && <> (now {note.questionId})</>}: {note.reason}
                <div className="muted small">
                  <code>{note.location}</code>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link
          className="button button-primary"
          to={`/instructor/exams/${encodeURIComponent(result.exam.id)}`}
          data-testid="bank-open-exam"
        >
          Open “{result.exam.title}” to check it and open a sitting
        </Link>
      </p>
    </section>
  );
}
