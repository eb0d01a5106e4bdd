import type { CreateSitting } from '@examforge/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiRequestError } from '../api/api-error.js';
import { readDiagnostics } from '../api/diagnostics.js';
import { createSitting, type Diagnostic } from '../api/exams-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { defaultSittingForm, readSittingForm, type SittingFormValues } from '../lib/format/sitting-form.js';
import { sittingBlockedBy } from '../lib/lint/lint-gate.js';
import { DiagnosticsList } from './diagnostics-list.js';

interface NewSittingFormProps {
  readonly examId: string;
  readonly examTitle: string;
  readonly durationMinutes: number;
  /** The exam's check: an error blocks opening a sitting (the server refuses too); warnings do not. */
  readonly diagnostics: readonly Diagnostic[];
}

const RELEASES: readonly { value: CreateSitting['releaseResults']; label: string }[] = [
  { value: 'after-close', label: 'After the window closes' },
  { value: 'immediately', label: 'As soon as each student submits' },
  { value: 'never', label: 'Not yet (release later)' },
];

/** Publishes the exam's current version as a sitting with a window, a duration and release rules. */
export function NewSittingForm({ examId, examTitle, durationMinutes, diagnostics }: NewSittingFormProps) {
  const blocked = sittingBlockedBy(diagnostics);
  const [values, setValues] = useState(() => defaultSittingForm(examTitle, durationMinutes, new Date()));
  const [problems, setProblems] = useState<string[]>([]);
  const set = <K extends keyof SittingFormValues>(key: K, value: SittingFormValues[K]) =>
    setValues({ ...values, [key]: value });
  const create = useCreateSitting(examId);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const read = readSittingForm(values);
    setProblems(read.ok ? [] : read.problems);
    if (read.ok) create.mutate(read.sitting);
  };
  return (
    <form
      className="card form-stack"
      onSubmit={onSubmit}
      aria-labelledby="new-sitting-title"
      data-testid="new-sitting-form"
      noValidate
    >
      <h2 id="new-sitting-title">New sitting</h2>
      <Field id="sitting-title" label="Title">
        <input
          id="sitting-title"
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
          required
          data-testid="sitting-title"
        />
      </Field>
      <div className="field-row">
        <Field id="sitting-opens" label="Window opens">
          <input
            id="sitting-opens"
            type="datetime-local"
            value={values.opensAt}
            onChange={(event) => set('opensAt', event.target.value)}
            data-testid="sitting-opens"
          />
        </Field>
        <Field id="sitting-closes" label="Window closes">
          <input
            id="sitting-closes"
            type="datetime-local"
            value={values.closesAt}
            onChange={(event) => set('closesAt', event.target.value)}
            data-testid="sitting-closes"
          />
        </Field>
      </div>
      <div className="field-row">
        <Field id="sitting-duration" label="Duration (minutes)">
          <input
            id="sitting-duration"
            type="number"
            min={1}
            step={1}
            value={values.durationMinutes}
            onChange={(event) => set('durationMinutes', event.target.value)}
            data-testid="sitting-duration"
          />
        </Field>
        <Field id="sitting-grace" label="Grace for late saves (seconds)">
          <input
            id="sitting-grace"
            type="number"
            min={0}
            step={1}
            value={values.graceSeconds}
            onChange={(event) => set('graceSeconds', event.target.value)}
            data-testid="sitting-grace"
          />
        </Field>
      </div>
      <fieldset className="fieldset">
        <legend>Shuffling</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={values.shuffleQuestions}
            onChange={(event) => set('shuffleQuestions', event.target.checked)}
            data-testid="sitting-shuffle-questions"
          />{' '}
          Shuffle questions within sections
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={values.shuffleOptions}
            onChange={(event) => set('shuffleOptions', event.target.checked)}
            data-testid="sitting-shuffle-options"
          />{' '}
          Shuffle options
        </label>
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={values.oneQuestionPerPage}
          onChange={(event) => set('oneQuestionPerPage', event.target.checked)}
          data-testid="sitting-one-question"
        />{' '}
        One question per page (students move with Previous, Next and the question panel)
      </label>
      <div className="field-row">
        <ReleaseSelect
          id="sitting-release-results"
          label="Release results"
          value={values.releaseResults}
          onChange={(value) => set('releaseResults', value)}
        />
        <ReleaseSelect
          id="sitting-release-solutions"
          label="Release solutions"
          value={values.releaseSolutions}
          onChange={(value) => set('releaseSolutions', value)}
        />
      </div>
      {problems.length > 0 && (
        <ul className="notice notice-error" role="alert" data-testid="sitting-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {blocked !== undefined && (
        <p className="notice notice-error" id="sitting-blocked" data-testid="sitting-blocked">
          {blocked} <a href="#lint-title">See the check below.</a>
        </p>
      )}
      <button
        type="submit"
        className="button button-primary"
        disabled={create.isPending || blocked !== undefined}
        aria-describedby={blocked === undefined ? undefined : 'sitting-blocked'}
        data-testid="sitting-create"
      >
        {create.isPending ? 'Creating…' : 'Create sitting'}
      </button>
      {create.isError && <ErrorNotice title="No sitting created." error={create.error} />}
      {create.error instanceof ApiRequestError && readDiagnostics(create.error.details).length > 0 && (
        <DiagnosticsList diagnostics={readDiagnostics(create.error.details)} testId="sitting-diagnostics" />
      )}
    </form>
  );
}

function useCreateSitting(examId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (sitting: CreateSitting) => createSitting(examId, sitting),
    onSuccess: (sitting) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.exam(examId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.exams });
      queryClient.setQueryData(queryKeys.sitting(sitting.id), sitting);
      void navigate(`/instructor/sittings/${encodeURIComponent(sitting.id)}`);
    },
  });
}

function Field({ id, label, children }: { readonly id: string; readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

interface ReleaseSelectProps {
  readonly id: string;
  readonly label: string;
  readonly value: CreateSitting['releaseResults'];
  readonly onChange: (value: CreateSitting['releaseResults']) => void;
}

function ReleaseSelect({ id, label, value, onChange }: ReleaseSelectProps) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const chosen = RELEASES.find((release) => release.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
        data-testid={id}
      >
        {RELEASES.map((release) => (
          <option key={release.value} value={release.value}>
            {release.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
