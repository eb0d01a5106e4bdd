import type { AnalysisView, ItemStatisticsView } from '@examforge/server/api';
import { formatMarks, formatShare } from './format-statistic.js';

/** One bar of the score histogram, with the range written out for the table and the chart's description. */
export interface HistogramRow {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly range: string;
}

/**
 * The histogram's bins with their ranges in words. Each bin holds scores from its start up to, not including, its
 * end; the last also holds the highest score.
 *
 * @example
 * histogramRows([{ from: 0, to: 2, count: 3 }])[0]?.range; // '0 to under 2'
 */
export function histogramRows(bins: AnalysisView['test']['histogram']): HistogramRow[] {
  return bins.map((bin, index) => ({
    ...bin,
    range:
      index === bins.length - 1
        ? `${formatMarks(bin.from)} to ${formatMarks(bin.to)}`
        : `${formatMarks(bin.from)} to under ${formatMarks(bin.to)}`,
  }));
}

/** One question on the facility–discrimination scatter. */
export interface ScatterPoint {
  readonly questionId: string;
  readonly label: string;
  readonly facility: number;
  readonly discrimination: number;
  /** Drawn as a different shape and labelled: the chart never tells flagged questions by colour alone. */
  readonly marker: 'flagged' | 'not flagged';
}

/**
 * The questions that have both a facility and a discrimination (a question nobody's score varies on has no
 * discrimination and cannot be placed), and the ones left out.
 */
export function scatterPoints(items: readonly ItemStatisticsView[]): {
  readonly points: ScatterPoint[];
  readonly unplaced: readonly ItemStatisticsView[];
} {
  const points: ScatterPoint[] = [];
  const unplaced: ItemStatisticsView[] = [];
  for (const item of items) {
    if (item.facility === null || item.discrimination === null) {
      unplaced.push(item);
      continue;
    }
    points.push({
      questionId: item.questionId,
      label: `Q${item.number}`,
      facility: item.facility,
      discrimination: item.discrimination,
      marker: item.flags.length > 0 ? 'flagged' : 'not flagged',
    });
  }
  return { points, unplaced };
}

/**
 * The two groups the upper–lower statistics compare: the students with the highest 27 % of totals and those with
 * the lowest. Short names, so that a chart still fits a phone's width; captions and tables say what they are.
 */
export const GROUPS = ['strongest', 'weakest'] as const;
export type Group = (typeof GROUPS)[number];

/** One bar of a question's option chart: the share of one group that chose one option. */
export interface OptionBar {
  /** The option's letter, with "(key)" on the keyed ones, so the key is told by words and not by colour. */
  readonly option: string;
  readonly group: Group;
  readonly share: number;
  readonly text: string;
}

/** The option's name on the chart and in the table. */
export function optionName(option: { readonly option: string; readonly keyed: boolean }): string {
  return option.keyed ? `${option.option} (key)` : option.option;
}

/**
 * A choice question's option table as bars, two per option (strongest group, weakest group); shares the analysis
 * could not compute are left out of the chart (the table shows them as a dash).
 */
export function optionBars(options: NonNullable<ItemStatisticsView['options']>): OptionBar[] {
  return options.flatMap((option) =>
    (
      [
        [GROUPS[0], option.upperShare],
        [GROUPS[1], option.lowerShare],
      ] as const
    ).flatMap(([group, share]) =>
      share === null ? [] : [{ option: optionName(option), group, share, text: formatShare(share) }],
    ),
  );
}
