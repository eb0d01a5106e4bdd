import { formulaSafeCsv, type CsvCell } from './csv-cells.js';
import { VERDICT_LABELS } from './labels.js';
import type { AnalysisReport } from './report-model.js';

/**
 * `<prefix>.statistics.csv`: one row per question of the exam, in exam order. Analysed questions carry every figure
 * of the item analysis; a question not analysed has empty figures and says why in `not_analysed`. An empty figure
 * is a statistic that does not exist (no spread, too few students). Columns are documented in the CLI's README.
 */
export const QUESTION_COLUMNS = [
  'number',
  'question',
  'title',
  'maximum',
  'n',
  'unavailable',
  'mean',
  'sd',
  'facility',
  'discrimination',
  'upper_lower',
  'alpha_if_deleted',
  'key',
  'blank',
  'invalid',
  'several',
  'flags',
  'flag_reasons',
  'verify',
  'not_analysed',
] as const;

export function questionRows(report: AnalysisReport): CsvCell[][] {
  const analysed = report.questions.map((question): CsvCell[] => {
    const s = question.statistics;
    const choice = s.options !== undefined;
    return [
      question.number,
      question.id,
      question.title,
      s.maximum,
      s.n,
      s.unavailable,
      s.mean,
      s.sd,
      s.facility,
      s.discrimination,
      s.upperLower,
      s.alphaIfDeleted,
      question.key.join(' '),
      choice ? (s.blank ?? 0) : '',
      choice ? (s.invalid ?? 0) : '',
      choice ? (s.several ?? 0) : '',
      s.flags.map((flag) => flag.kind).join(' '),
      s.flags.map((flag) => flag.reason).join(' | '),
      question.verdict ? VERDICT_LABELS[question.verdict] : '',
      '',
    ];
  });
  const notAnalysed = report.notAnalysed.map((question): CsvCell[] => [
    question.number,
    question.id,
    question.title,
    ...new Array<CsvCell>(QUESTION_COLUMNS.length - 4).fill(''),
    question.reason,
  ]);
  const rows = [...analysed, ...notAnalysed].sort((a, b) => Number(a[0]) - Number(b[0]));
  return [[...QUESTION_COLUMNS], ...rows];
}

/**
 * `<prefix>.options.csv`: one row per option of each analysed single-choice question with fixed options: how many
 * chose it, its share of the upper and lower 27 % groups, the mean total of those who chose it (empty when nobody
 * did). Blank, invalid and several marks are counted in the questions' file.
 */
export const OPTION_COLUMNS = [
  'number',
  'question',
  'option',
  'keyed',
  'count',
  'upper_share',
  'lower_share',
  'mean_total',
] as const;

export function optionRows(report: AnalysisReport): CsvCell[][] {
  const rows = report.questions.flatMap((question) =>
    (question.statistics.options ?? []).map((option): CsvCell[] => [
      question.number,
      question.id,
      option.option,
      option.keyed ? 'yes' : 'no',
      option.count,
      option.upperShare,
      option.lowerShare,
      option.meanTotal,
    ]),
  );
  return [[...OPTION_COLUMNS], ...rows];
}

/** `statistics.csv` as text, formula-safe: what `analyse` writes and the server's download serves. */
export function statisticsCsv(report: AnalysisReport): string {
  return formulaSafeCsv(questionRows(report));
}

/** `options.csv` as text, formula-safe. */
export function optionsCsv(report: AnalysisReport): string {
  return formulaSafeCsv(optionRows(report));
}
