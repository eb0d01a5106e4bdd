import type { GradebookExport, GradebookExportRequest } from '@examforge/server/api';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { exportGradebook } from '../api/gradebook-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { FileTextInput } from '../components/file-text-input.js';

type Target = GradebookExportRequest['target'];
type Match = GradebookExportRequest['match'];

const TARGETS: readonly { target: Target; label: string; hint: string }[] = [
  {
    target: 'moodle',
    label: 'Moodle',
    hint: 'Grades → Import → CSV file; map the identity column and the grade column.',
  },
  { target: 'canvas', label: 'Canvas', hint: 'Grades → Import; new columns become new assignments.' },
  {
    target: 'long',
    label: 'Long CSV',
    hint: 'One row per student and question, for any other system or a spreadsheet.',
  },
];

const MATCHES: readonly { match: Match; label: string }[] = [
  { match: 'id', label: 'Student number (Moodle "ID number", Canvas "SIS User ID")' },
  { match: 'email', label: 'Email (Moodle "Email address", Canvas "SIS Login ID")' },
];

/**
 * Sending grades to an LMS: choose the gradebook and how students are matched, optionally give the LMS's own
 * gradebook export (so only its students are written, and anyone on one side only is listed), then download the file.
 * What the LMS will not get (unmatched students, totals not final, negative totals) is said before the download.
 */
export function GradebookExportPanel({ sittingId }: { readonly sittingId: string }) {
  const headingId = useId();
  const [target, setTarget] = useState<Target>('moodle');
  const [match, setMatch] = useState<Match>('id');
  const [lmsCsv, setLmsCsv] = useState<string | undefined>();
  const prepare = useMutation({
    mutationFn: () => exportGradebook(sittingId, { target, match, ...(lmsCsv !== undefined && { lmsCsv }) }),
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    prepare.mutate();
  };
  return (
    <section className="card" aria-labelledby={headingId} data-testid="gradebook-export">
      <h3 id={headingId}>Send grades to an LMS</h3>
      <form onSubmit={onSubmit}>
        <fieldset className="fieldset">
          <legend>Gradebook</legend>
          {TARGETS.map((choice) => (
            <label className="check" key={choice.target}>
              <input
                type="radio"
                name="gradebook-target"
                value={choice.target}
                checked={target === choice.target}
                onChange={() => setTarget(choice.target)}
                data-testid={`gradebook-target-${choice.target}`}
              />{' '}
              <strong>{choice.label}</strong> — {choice.hint}
            </label>
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend>Match students by</legend>
          {MATCHES.map((choice) => (
            <label className="check" key={choice.match}>
              <input
                type="radio"
                name="gradebook-match"
                value={choice.match}
                checked={match === choice.match}
                onChange={() => setMatch(choice.match)}
                data-testid={`gradebook-match-${choice.match}`}
              />{' '}
              {choice.label}
            </label>
          ))}
        </fieldset>
        <FileTextInput
          label="The LMS's own gradebook export (optional: only its students are written, and unmatched ones are listed)"
          accept=".csv,text/csv"
          onText={setLmsCsv}
          testId="gradebook-lms-file"
        />
        <button type="submit" className="button" disabled={prepare.isPending} data-testid="gradebook-prepare">
          {prepare.isPending ? 'Preparing…' : 'Prepare the file'}
        </button>
      </form>
      {prepare.isError && <ErrorNotice title="The gradebook file could not be made." error={prepare.error} />}
      {prepare.data && <GradebookSummary result={prepare.data} />}
    </section>
  );
}

function GradebookSummary({ result }: { readonly result: GradebookExport }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([result.csv], { type: 'text/csv' })), [result.csv]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => summary.current?.focus(), [result]);
  const who = (students: GradebookExport['notInLms']) =>
    students.map((student) => `${student.name} (${student.studentNumber})`).join(', ');
  return (
    <div className="notice" tabIndex={-1} ref={summary} data-testid="gradebook-summary">
      <p>
        <strong>{result.written}</strong> {result.written === 1 ? 'grade' : 'grades'} in the file.{' '}
        <a className="button" href={url} download={result.fileName} data-testid="gradebook-download">
          Download {result.fileName}
        </a>
      </p>
      <ul>
        {result.notInLms.length > 0 && (
          <li data-testid="gradebook-not-in-lms">
            Not in the LMS file, so not in the download ({result.notInLms.length}): {who(result.notInLms)}
          </li>
        )}
        {result.notInSitting.length > 0 && (
          <li data-testid="gradebook-not-in-sitting">
            In the LMS file but not in this sitting ({result.notInSitting.length}):{' '}
            {result.notInSitting.map((row) => `${row.label} (line ${row.line})`).join(', ')}
          </li>
        )}
        {result.notFinal.length > 0 && (
          <li data-testid="gradebook-not-final">
            Totals not final yet — answers ungraded or sheet pages not read ({result.notFinal.length}):{' '}
            {who(result.notFinal)}
          </li>
        )}
        {result.noResult.length > 0 && (
          <li>
            No result, written as a blank grade ({result.noResult.length}): {who(result.noResult)}
          </li>
        )}
        {result.negative.length > 0 && (
          <li>
            Totals below 0 ({result.negative.length}; most LMSs refuse or clamp them): {who(result.negative)}
          </li>
        )}
      </ul>
    </div>
  );
}
