/**
 * @examforge/report: the item analysis as people read it. `analysisReport` places core's figures on the paper
 * (numbers, titles, keys, what was left out and why); `reportHtml` writes the self-contained HTML report with its
 * charts; `statisticsCsv` and `optionsCsv` the two tables. The command line writes them as files, the server serves
 * them as downloads.
 */
export {
  analysisReport,
  type AnalysedQuestion,
  type AnalysisReport,
  type AnalysisVerdict,
  type NotAnalysedQuestion,
} from './report-model.js';
export { reportHtml } from './html-report.js';
export { optionsCsv, statisticsCsv } from './statistics-csv.js';
export { FLAG_LABELS, VERDICT_LABELS, figure, leftOut, marks, percent } from './labels.js';
