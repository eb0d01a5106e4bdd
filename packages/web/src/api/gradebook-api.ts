import { GradebookExportSchema, type GradebookExport, type GradebookExportRequest } from '@examforge/server/api';
import { apiRequest } from './http.js';

/** The sitting's results as an LMS gradebook file, with who could not be matched (nothing is stored). */
export function exportGradebook(sittingId: string, request: GradebookExportRequest): Promise<GradebookExport> {
  return apiRequest('POST', `/api/sittings/${encodeURIComponent(sittingId)}/gradebook`, GradebookExportSchema, {
    body: request,
  });
}
