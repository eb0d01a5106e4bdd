import { AnalysisViewSchema, type AnalysisFile, type AnalysisScope, type AnalysisView } from '@examforge/server/api';
import { apiRequest } from './http.js';

/** The item analysis of a sitting's finished attempts (`GET /api/sittings/:sittingId/analysis`). */
export function fetchSittingAnalysis(sittingId: string): Promise<AnalysisView> {
  return apiRequest('GET', sittingAnalysisPath(sittingId), AnalysisViewSchema);
}

/** The item analysis of every sitting of one exam version together. */
export function fetchVersionAnalysis(examId: string, version: number): Promise<AnalysisView> {
  return apiRequest('GET', versionAnalysisPath(examId, version), AnalysisViewSchema);
}

/** Where a scope's file downloads from: the sitting's, or the version's for every sitting of it. */
export function analysisFileUrl(scope: AnalysisScope, file: AnalysisFile): string {
  const sittingId = scope.sittings[0]?.id;
  const path =
    scope.kind === 'sitting' && sittingId !== undefined
      ? sittingAnalysisPath(sittingId)
      : versionAnalysisPath(scope.examId, scope.version);
  return `${path}/${file}`;
}

const sittingAnalysisPath = (sittingId: string) => `/api/sittings/${encodeURIComponent(sittingId)}/analysis`;
const versionAnalysisPath = (examId: string, version: number) =>
  `/api/exams/${encodeURIComponent(examId)}/versions/${version}/analysis`;
