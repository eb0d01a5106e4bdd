import type { AnalysisFile, AnalysisScope } from '@examforge/server/api';
import { analysisFileUrl } from '../api/analysis-api.js';

const FILES: readonly { file: AnalysisFile; label: string; testId: string }[] = [
  { file: 'report.html', label: 'Download the report (HTML, with the charts)', testId: 'analysis-report' },
  { file: 'statistics.csv', label: 'Questions table (CSV)', testId: 'analysis-statistics-csv' },
  { file: 'options.csv', label: 'Options table (CSV)', testId: 'analysis-options-csv' },
];

/** The analysis of the chosen scope as files to keep or send: the self-contained report and its two tables. */
export function AnalysisDownloads({ scope }: { readonly scope: AnalysisScope }) {
  return (
    <p className="button-row no-print" data-testid="analysis-downloads">
      {FILES.map(({ file, label, testId }) => (
        <a key={file} className="button" href={analysisFileUrl(scope, file)} download data-testid={testId}>
          {label}
        </a>
      ))}
    </p>
  );
}
