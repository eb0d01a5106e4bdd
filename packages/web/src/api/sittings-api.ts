import {
  KeyChangePreviewSchema,
  MonitorRowSchema,
  ResultRowSchema,
  RosterEntrySchema,
  SittingSchema,
  StudentResultsSchema,
  type KeyChangePreview,
  type MonitorRow,
  type ResultRow,
  type RosterEntry,
  type Sitting,
  type StudentResults,
} from '@examforge/server/api';
import { apiRequest } from './http.js';

const base = (sittingId: string): string => `/api/sittings/${encodeURIComponent(sittingId)}`;

export type DropMode = 'full-marks' | 'exclude';

export function fetchSitting(sittingId: string): Promise<Sitting> {
  return apiRequest('GET', base(sittingId), SittingSchema);
}

export function importRoster(sittingId: string, csv: string): Promise<readonly RosterEntry[]> {
  return apiRequest('POST', `${base(sittingId)}/roster`, RosterEntrySchema.array(), { body: { csv } });
}

export function fetchRoster(sittingId: string): Promise<readonly RosterEntry[]> {
  return apiRequest('GET', `${base(sittingId)}/roster`, RosterEntrySchema.array());
}

export function fetchMonitor(sittingId: string): Promise<readonly MonitorRow[]> {
  return apiRequest('GET', `${base(sittingId)}/monitor`, MonitorRowSchema.array());
}

export function fetchResults(sittingId: string): Promise<readonly ResultRow[]> {
  return apiRequest('GET', `${base(sittingId)}/results`, ResultRowSchema.array());
}

/** A plain link: the browser downloads it with the session cookie. */
export function resultsCsvUrl(sittingId: string): string {
  return `${base(sittingId)}/results.csv`;
}

export function fetchAttemptResults(sittingId: string, attemptId: string): Promise<StudentResults> {
  return apiRequest('GET', `${base(sittingId)}/attempts/${encodeURIComponent(attemptId)}`, StudentResultsSchema);
}

/** Regrades everyone; the reply is the new results table. */
export function changeKey(
  sittingId: string,
  questionId: string,
  letters: readonly string[],
): Promise<readonly ResultRow[]> {
  return apiRequest('POST', `${base(sittingId)}/key`, ResultRowSchema.array(), { body: { questionId, letters } });
}

export function dropQuestion(sittingId: string, questionId: string, mode: DropMode): Promise<readonly ResultRow[]> {
  return apiRequest('POST', `${base(sittingId)}/drop`, ResultRowSchema.array(), { body: { questionId, mode } });
}

/** The key change tried without saving: who would gain or lose how much; with no letters, the current key alone. */
export function previewKeyChange(
  sittingId: string,
  questionId: string,
  letters: readonly string[],
): Promise<KeyChangePreview> {
  return apiRequest('POST', `${base(sittingId)}/key/preview`, KeyChangePreviewSchema, {
    body: { questionId, letters },
  });
}
