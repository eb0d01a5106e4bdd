import type { ExamExportFormat } from '@examforge/server/api';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { examExportUrl, fetchExportReport } from '../api/exams-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';

const FORMATS: readonly { format: ExamExportFormat; label: string; hint: string }[] = [
  { format: 'moodle-xml', label: 'Moodle XML', hint: 'Question bank → Import → Moodle XML format.' },
  { format: 'qti3', label: 'QTI 3.0 package', hint: 'A .zip for Canvas New Quizzes, Blackboard and other QTI tools.' },
  { format: 'gift', label: 'GIFT', hint: 'Moodle’s text format: no marks, no images.' },
  { format: 'aiken', label: 'Aiken', hint: 'Single-answer choice questions only.' },
];

/**
 * The exam written for another system: choose the format, read what it cannot hold (questions left out, or written
 * with something missing), then download the file. The report is the same one `examforge export` prints.
 */
export function ExportExamSection({ examId }: { readonly examId: string }) {
  const headingId = useId();
  const [format, setFormat] = useState<ExamExportFormat>('moodle-xml');
  const report = useQuery({
    queryKey: queryKeys.exportReport(examId, format),
    queryFn: () => fetchExportReport(examId, format),
  });
  const label = FORMATS.find((entry) => entry.format === format)?.label ?? format;
  const leftOut = report.data?.notes.filter((note) => note.keptAs === 'left-out') ?? [];
  const partial = report.data?.notes.filter((note) => note.keptAs === 'partial') ?? [];
  return (
    <section aria-labelledby={headingId} data-testid="exam-export">
      <h2 id={headingId}>Export for another system</h2>
      <fieldset className="fieldset">
        <legend>Format</legend>
        {FORMATS.map((entry) => (
          <label className="check" key={entry.format}>
            <input
              type="radio"
              name="export-format"
              value={entry.format}
              checked={format === entry.format}
              onChange={() => setFormat(entry.format)}
              data-testid={`export-format-${entry.format}`}
            />{' '}
            <strong>{entry.label}</strong> — {entry.hint}
          </label>
        ))}
      </fieldset>
      {report.isPending && <Loading />}
      {report.isError && <ErrorNotice title="Could not prepare the export." error={report.error} />}
      {report.data && (
        <div aria-live="polite" data-testid="export-report">
          <p data-testid="export-summary">
            {label}: {report.data.questionsWritten} question{report.data.questionsWritten === 1 ? '' : 's'} written from
            version {report.data.version}
            {leftOut.length > 0 && `, ${leftOut.length} left out`}
            {partial.length > 0 && `, ${partial.length} note${partial.length === 1 ? '' : 's'} on what is lost`}.
          </p>
          {leftOut.length > 0 && <ExportNotes title="Not exported" notes={leftOut} testId="export-left-out" />}
          {partial.length > 0 && <ExportNotes title="Exported with losses" notes={partial} testId="export-partial" />}
          <p>
            <a className="button" href={examExportUrl(examId, format)} download data-testid="export-download">
              Download {report.data.fileName}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}

function ExportNotes(props: {
  readonly title: string;
  readonly notes: readonly { questionId?: string; reason: string }[];
  readonly testId: string;
}) {
  return (
    <>
      <h3>{props.title}</h3>
      <ul data-testid={props.testId}>
        {props.notes.map((note, index) => (
          <li key={index}>
            {note.questionId === undefined ? 'The exam' : <code>{note.questionId}</code>}: {note.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
