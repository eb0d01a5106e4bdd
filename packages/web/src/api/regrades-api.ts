import {
  OwnRegradeRequestSchema,
  OwnRegradeRequestsSchema,
  RegradeQueueSchema,
  RegradeRequestDetailSchema,
  RegradeRequestViewSchema,
  SittingSchema,
  type OwnRegradeRequest,
  type OwnRegradeRequests,
  type RegradeDecision,
  type RegradeQueue,
  type RegradeQueueQuery,
  type RegradeRequestDetail,
  type RegradeRequestView,
  type Sitting,
} from '@examforge/server/api';
import { apiRequest } from './http.js';

const queueOf = (sittingId: string): string => `/api/sittings/${encodeURIComponent(sittingId)}/regrade-requests`;

/** The student's own requests, and whether they may file one now. */
export function fetchOwnRegrades(): Promise<OwnRegradeRequests> {
  return apiRequest('GET', '/api/attempt/regrade-requests', OwnRegradeRequestsSchema);
}

export function fileRegradeRequest(questionId: string, reason: string): Promise<OwnRegradeRequest> {
  const body = { questionId, reason };
  return apiRequest('POST', '/api/attempt/regrade-requests', OwnRegradeRequestSchema, { body });
}

export function withdrawRegradeRequest(requestId: string): Promise<OwnRegradeRequest> {
  const path = `/api/attempt/regrade-requests/${encodeURIComponent(requestId)}/withdraw`;
  return apiRequest('POST', path, OwnRegradeRequestSchema, { body: {} });
}

export function fetchRegradeQueue(sittingId: string, query: RegradeQueueQuery): Promise<RegradeQueue> {
  const params = new URLSearchParams(Object.entries(query));
  const search = params.toString() === '' ? '' : `?${params.toString()}`;
  return apiRequest('GET', `${queueOf(sittingId)}${search}`, RegradeQueueSchema);
}

export function fetchRegradeRequest(sittingId: string, requestId: string): Promise<RegradeRequestDetail> {
  return apiRequest('GET', `${queueOf(sittingId)}/${encodeURIComponent(requestId)}`, RegradeRequestDetailSchema);
}

export function decideRegradeRequest(
  sittingId: string,
  requestId: string,
  decision: RegradeDecision,
): Promise<RegradeRequestView> {
  const path = `${queueOf(sittingId)}/${encodeURIComponent(requestId)}/decision`;
  return apiRequest('POST', path, RegradeRequestViewSchema, { body: decision });
}

/** Opens the window until `until` (ISO), or closes it (`null`); the reply is the sitting. */
export function setRegradeWindow(sittingId: string, until: string | null): Promise<Sitting> {
  const path = `/api/sittings/${encodeURIComponent(sittingId)}/regrade-window`;
  return apiRequest('PUT', path, SittingSchema, { body: { until } });
}
