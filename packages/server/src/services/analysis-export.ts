import type { AnalysisReport } from '@examforge/report';
import type { AnalysisFile } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { loadReport } from '../heavy-packages.js';
import type { AnalysedAttempts } from './analysed-attempts.js';
import { recordEvent } from './audit.js';

export interface AnalysisDownload {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: string;
}

type Report = Awaited<ReturnType<typeof loadReport>>;

const RENDER: Record<AnalysisFile, { type: string; render: (report: AnalysisReport, renderers: Report) => string }> = {
  'report.html': { type: 'text/html; charset=utf-8', render: (report, { reportHtml }) => reportHtml(report) },
  'statistics.csv': { type: 'text/csv; charset=utf-8', render: (report, { statisticsCsv }) => statisticsCsv(report) },
  'options.csv': { type: 'text/csv; charset=utf-8', render: (report, { optionsCsv }) => optionsCsv(report) },
};

/**
 * One file of an item analysis for a member of the exam's staff, named after the exam file's id (and the version,
 * for all its sittings together), with an audit event (`analysis.exported`) as every download of a sitting's data.
 */
export async function exportAnalysis(
  context: AppContext,
  user: UserRow,
  analysed: AnalysedAttempts,
  file: AnalysisFile,
): Promise<AnalysisDownload> {
  const { scope, exam, finished } = analysed;
  const renderers = await loadReport();
  const report = { ...renderers.analysisReport(exam, finished), scope: scopeWords(analysed) };
  const body = RENDER[file].render(report, renderers);
  const subject = scope.kind === 'sitting' ? `sitting:${scope.sittings[0]?.id ?? ''}` : `exam:${scope.examId}`;
  await recordEvent(context.db, context.clock.now(), { kind: 'user', id: user.id }, 'analysis.exported', subject, {
    file,
    version: scope.version,
    sittings: scope.sittings.map((sitting) => sitting.id),
    students: finished.length,
  });
  const stem = scope.kind === 'sitting' ? exam.id : `${exam.id}-v${scope.version}`;
  return { fileName: `${stem.replace(/[^A-Za-z0-9._-]/g, '-')}.${file}`, contentType: RENDER[file].type, body };
}

/** The scope as the report's first line says it: `sitting “Main”`, or `version 2, 3 sittings: A, B, C`. */
function scopeWords({ scope }: AnalysedAttempts): string {
  const titles = scope.sittings.map((sitting) => `“${sitting.title}”`);
  if (scope.kind === 'sitting') return `version ${scope.version}, sitting ${titles.join('')}`;
  const count = `${scope.sittings.length} sitting${scope.sittings.length === 1 ? '' : 's'}`;
  return `version ${scope.version}, all ${count}${titles.length > 0 ? `: ${titles.join(', ')}` : ''}`;
}
