import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiRequestError } from '../api/api-error.js';
import { readDiagnostics } from '../api/diagnostics.js';
import { importExam } from '../api/exams-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { FileTextInput } from '../components/file-text-input.js';
import { DiagnosticsList } from './diagnostics-list.js';

/** Paste or upload an exam.md; on success go to the exam, on 422 show every problem with its line and column. */
export function ImportExamForm() {
  const [source, setSource] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const submit = useMutation({
    mutationFn: () => importExam(source),
    onSuccess: (exam) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.exams });
      queryClient.setQueryData(queryKeys.exam(exam.id), exam);
      void navigate(`/instructor/exams/${encodeURIComponent(exam.id)}`);
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const diagnostics = submit.error instanceof ApiRequestError ? readDiagnostics(submit.error.details) : [];
  return (
    <form className="card form-stack" onSubmit={onSubmit} aria-labelledby="import-title" data-testid="import-form">
      <h2 id="import-title">Import an exam</h2>
      <FileTextInput
        label="Upload exam.md"
        accept=".md,.markdown,text/markdown,text/plain"
        onText={setSource}
        testId="exam-file"
      />
      <div className="field">
        <label htmlFor="exam-source">…or paste its Markdown</label>
        <textarea
          id="exam-source"
          rows={12}
          className="input-code"
          value={source}
          onChange={(event) => setSource(event.target.value)}
          data-testid="exam-source"
        />
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={source.trim() === '' || submit.isPending}
        data-testid="exam-import"
      >
        {submit.isPending ? 'Importing…' : 'Import'}
      </button>
      {submit.isError && <ErrorNotice title="Not imported." error={submit.error} testId="import-error" />}
      {diagnostics.length > 0 && <DiagnosticsList diagnostics={diagnostics} testId="import-diagnostics" />}
    </form>
  );
}
