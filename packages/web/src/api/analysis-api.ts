import { SittingAnalysisSchema, type SittingAnalysis } from '@examforge/server/api';
import { apiRequest } from './http.js';

/** The item analysis of a sitting's finished attempts (`GET /api/sittings/:sittingId/analysis`). */
export function fetchSittingAnalysis(sittingId: string): Promise<SittingAnalysis> {
  return apiRequest('GET', `/api/sittings/${encodeURIComponent(sittingId)}/analysis`, SittingAnalysisSchema);
}
