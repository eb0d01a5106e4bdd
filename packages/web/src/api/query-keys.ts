/** Every TanStack Query key in one place, so that invalidations cannot drift from the queries they target. */
export const queryKeys = {
  me: ['me'] as const,
  setup: ['setup'] as const,
  accounts: ['accounts'] as const,
  attempt: ['attempt'] as const,
  attemptResults: ['attempt', 'results'] as const,
  ownRegrades: ['attempt', 'regrades'] as const,
  exams: ['exams'] as const,
  exam: (examId: string) => ['exams', examId] as const,
  staff: (examId: string) => ['exams', examId, 'staff'] as const,
  preview: (examId: string) => ['exams', examId, 'preview'] as const,
  verify: (examId: string) => ['exams', examId, 'verify'] as const,
  exportReport: (examId: string, format: string) => ['exams', examId, 'export', format] as const,
  variant: (examId: string, seed: string) => ['exams', examId, 'preview', 'seed', seed] as const,
  sitting: (sittingId: string) => ['sittings', sittingId] as const,
  roster: (sittingId: string) => ['sittings', sittingId, 'roster'] as const,
  monitor: (sittingId: string) => ['sittings', sittingId, 'monitor'] as const,
  results: (sittingId: string) => ['sittings', sittingId, 'results'] as const,
  /** Under the results: a regrade that replaces them makes every preview stale too. */
  keyPreviews: (sittingId: string) => ['sittings', sittingId, 'results', 'key-preview'] as const,
  keyPreview: (sittingId: string, questionId: string, letters: readonly string[]) =>
    ['sittings', sittingId, 'results', 'key-preview', questionId, letters.join('')] as const,
  studentReleases: (sittingId: string) => ['sittings', sittingId, 'student-releases'] as const,
  analysis: (sittingId: string) => ['sittings', sittingId, 'analysis'] as const,
  versionAnalysis: (examId: string, version: number) => ['exams', examId, 'versions', version, 'analysis'] as const,
  scans: (sittingId: string) => ['sittings', sittingId, 'scans'] as const,
  paperJobs: (sittingId: string) => ['sittings', sittingId, 'paper-jobs'] as const,
  review: (sittingId: string) => ['sittings', sittingId, 'review'] as const,
  grading: (sittingId: string) => ['sittings', sittingId, 'grading'] as const,
  gradingQueue: (sittingId: string, questionId: string, filter: object) =>
    ['sittings', sittingId, 'grading', questionId, 'queue', filter] as const,
  savedComments: (sittingId: string, questionId: string) =>
    ['sittings', sittingId, 'grading', questionId, 'comments'] as const,
  answerGroups: (sittingId: string, questionId: string) =>
    ['sittings', sittingId, 'grading', questionId, 'groups'] as const,
  attemptDetail: (sittingId: string, attemptId: string) => ['sittings', sittingId, 'attempts', attemptId] as const,
  /** Every regrade query of a sitting: the queue under any filters and each request. */
  regrades: (sittingId: string) => ['sittings', sittingId, 'regrades'] as const,
  regradeQueue: (sittingId: string, filters: object) => ['sittings', sittingId, 'regrades', 'queue', filters] as const,
  regradeRequest: (sittingId: string, requestId: string) =>
    ['sittings', sittingId, 'regrades', 'request', requestId] as const,
  /** A sitting's or an exam's audit trail under the filters (the sitting's or exam's own keys cover it). */
  audit: (scope: 'sitting' | 'exam', id: string, filters: object) =>
    [scope === 'sitting' ? 'sittings' : 'exams', id, 'audit', filters] as const,
  auditFacets: (scope: 'sitting' | 'exam', id: string) =>
    [scope === 'sitting' ? 'sittings' : 'exams', id, 'audit', 'facets'] as const,
};
