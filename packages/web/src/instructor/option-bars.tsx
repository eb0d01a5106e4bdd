import * as Plot from '@observablehq/plot';
import type { ItemStatisticsView } from '@examforge/server/api';
import { useCallback, useMemo } from 'react';
import { PlotFigure, siteColour } from '../components/plot-figure.js';
import { GROUPS, optionBars, optionName, type OptionBar } from '../lib/statistics/chart-data.js';
import { formatMarks, formatShare } from '../lib/statistics/format-statistic.js';

type Options = NonNullable<ItemStatisticsView['options']>;

/**
 * Which options the strongest and the weakest 27 % chose: per option two bars, each named and with its share
 * written at its end (the groups differ in shade too, but never only in shade). The key is marked "(key)".
 */
export function OptionBars({ item, options }: { readonly item: ItemStatisticsView; readonly options: Options }) {
  const bars = useMemo(() => optionBars(options), [options]);
  const plot = useCallback((width: number) => optionPlot(bars, width), [bars]);
  return (
    <PlotFigure
      label={`Options of question ${item.number} by group`}
      description={
        `Q${item.number}: for each option, the share of the strongest students (the 27 % with the highest totals) ` +
        'and of the weakest (the 27 % with the lowest) who chose it.'
      }
      plot={plot}
      table={<OptionTable options={options} item={item} />}
      testId={`option-bars-${item.questionId}`}
    />
  );
}

function optionPlot(bars: readonly OptionBar[], width: number): Plot.PlotOptions {
  const options = [...new Set(bars.map((bar) => bar.option))];
  return {
    width,
    height: 40 + options.length * 52,
    marginLeft: 136,
    marginRight: 44,
    x: { domain: [0, 100], label: 'Share of the group (%)', percent: true, grid: true, ticks: 5 },
    y: { domain: GROUPS, label: null },
    fy: { domain: options, label: null },
    color: { domain: GROUPS, range: [siteColour('--accent', '#1f5fbf'), siteColour('--muted', '#5f6778')] },
    marks: [
      Plot.barX(bars, { x: 'share', y: 'group', fy: 'option', fill: 'group', inset: 1 }),
      Plot.text(bars, { x: 'share', y: 'group', fy: 'option', text: 'text', dx: 4, textAnchor: 'start' }),
      Plot.axisY({ tickSize: 0, label: null }),
      Plot.axisFy({ anchor: 'left', dx: -76, fontWeight: 'bold', label: null }),
      Plot.ruleX([0]),
    ],
  };
}

function OptionTable({ options, item }: { readonly options: Options; readonly item: ItemStatisticsView }) {
  return (
    <table className="table" data-testid={`option-table-${item.questionId}`}>
      <caption className="visually-hidden">Options of question {item.number}</caption>
      <thead>
        <tr>
          <th scope="col">Option</th>
          <th scope="col" className="numeric">
            Chosen by
          </th>
          <th scope="col" className="numeric">
            Strongest 27 %
          </th>
          <th scope="col" className="numeric">
            Weakest 27 %
          </th>
          <th scope="col" className="numeric">
            Mean total of choosers
          </th>
        </tr>
      </thead>
      <tbody>
        {options.map((option) => (
          <tr key={option.option}>
            <th scope="row">{optionName(option)}</th>
            <td className="numeric">{option.count}</td>
            <td className="numeric">{formatShare(option.upperShare)}</td>
            <td className="numeric">{formatShare(option.lowerShare)}</td>
            <td className="numeric">{formatMarks(option.meanTotal)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
