import type { RosterEntry } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { ApiRequestError } from '../api/api-error.js';
import { readImportProblems } from '../api/import-problems.js';
import { fetchRoster, importRoster } from '../api/sittings-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { FileTextInput } from '../components/file-text-input.js';
import { formatExtraTime } from '../lib/format/format-answer.js';
import { ScrollRegion } from '../components/scroll-region.js';

/** The server's message names this many problems; more are listed below it. */
const NAMED_IN_MESSAGE = 3;

/** The roster: import a CSV, then every student with their access code, ready to print. */
export function RosterSection({ sittingId, title }: { readonly sittingId: string; readonly title: string }) {
  const roster = useQuery({ queryKey: queryKeys.roster(sittingId), queryFn: () => fetchRoster(sittingId) });
  return (
    <section className="sitting-section print-roster-area" aria-labelledby="roster-title" id="roster">
      <h2 id="roster-title">Roster and access codes</h2>
      <p className="print-only">{title}</p>
      <RosterImportForm sittingId={sittingId} />
      {roster.isError && <ErrorNotice title="Could not load the roster." error={roster.error} />}
      {roster.data?.length === 0 && <p>No students yet.</p>}
      {roster.data && roster.data.length > 0 && (
        <>
          <button type="button" className="button no-print" onClick={printRoster} data-testid="roster-print">
            Print access codes
          </button>
          <RosterTable entries={roster.data} />
        </>
      )}
    </section>
  );
}

function RosterImportForm({ sittingId }: { readonly sittingId: string }) {
  const [csv, setCsv] = useState('');
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: () => importRoster(sittingId, csv),
    onSuccess: (entries) => {
      queryClient.setQueryData(queryKeys.roster(sittingId), entries);
      void queryClient.invalidateQueries({ queryKey: queryKeys.monitor(sittingId) });
      setCsv('');
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    upload.mutate();
  };
  return (
    <form className="form-stack no-print" onSubmit={onSubmit} data-testid="roster-form">
      <FileTextInput label="Upload roster CSV" accept=".csv,text/csv,text/plain" onText={setCsv} testId="roster-file" />
      <div className="field">
        <label htmlFor="roster-csv">…or paste it (header: id,name,email,extra_time)</label>
        <textarea
          id="roster-csv"
          rows={5}
          className="input-code"
          placeholder={'id,name,email,extra_time\n2025001,Asha Rao,asha@example.edu,25%'}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
          data-testid="roster-csv"
        />
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={csv.trim() === '' || upload.isPending}
        data-testid="roster-import"
      >
        {upload.isPending ? 'Importing…' : 'Import roster'}
      </button>
      {upload.isError && <ErrorNotice title="Roster not imported." error={upload.error} testId="roster-error" />}
      {upload.isError && <RosterProblems details={errorDetails(upload.error)} />}
    </form>
  );
}

/** Every problem of a refused roster when there are more than its message names, each with its row and column. */
function RosterProblems({ details }: { readonly details: unknown }) {
  const problems = readImportProblems(details);
  if (problems.length <= NAMED_IN_MESSAGE) return null;
  return (
    <ul className="roster-problems" data-testid="roster-problems">
      {problems.map((problem) => (
        <li key={`${problem.row}-${problem.column}`}>
          Row {problem.row}, column {problem.column}: {problem.message}
        </li>
      ))}
    </ul>
  );
}

function errorDetails(error: unknown): unknown {
  return error instanceof ApiRequestError ? error.details : undefined;
}

function RosterTable({ entries }: { readonly entries: readonly RosterEntry[] }) {
  return (
    <ScrollRegion label="Students and their access codes">
      <table className="table roster-table" data-testid="roster-table">
        <caption className="visually-hidden">Students and their access codes</caption>
        <thead>
          <tr>
            <th scope="col">Student number</th>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Extra time</th>
            <th scope="col">Access code</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid={`roster-row-${entry.studentNumber}`}>
              <td>{entry.studentNumber}</td>
              <th scope="row">{entry.name}</th>
              <td>{entry.email}</td>
              <td>{formatExtraTime(entry.timeMultiplier)}</td>
              <td>
                <code className="access-code" data-testid={`access-code-${entry.studentNumber}`}>
                  {entry.accessCode}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Prints only the roster: the stylesheet hides everything else while the body carries this class. */
function printRoster(): void {
  document.body.classList.add('printing-roster');
  window.addEventListener('afterprint', () => document.body.classList.remove('printing-roster'), { once: true });
  window.print();
}
