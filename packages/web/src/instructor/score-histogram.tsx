import * as Plot from '@observablehq/plot';
import type { AnalysisView } from '@examforge/server/api';
import { useCallback, useMemo } from 'react';
import { PlotFigure, siteColour } from '../components/plot-figure.js';
import { histogramRows, type HistogramRow } from '../lib/statistics/chart-data.js';
import { countOf, formatMarks } from '../lib/statistics/format-statistic.js';

/** How the analysed students' totals spread: one bar per score range, its count written on it. */
export function ScoreHistogram({ test }: { readonly test: AnalysisView['test'] }) {
  const rows = useMemo(() => histogramRows(test.histogram), [test.histogram]);
  const plot = useCallback((width: number) => histogramPlot(rows, width), [rows]);
  const students = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <PlotFigure
      label="Score histogram"
      description={
        `Totals of ${countOf(students, 'student')} out of ${formatMarks(test.maximum)}, from ` +
        `${formatMarks(test.lowest)} to ${formatMarks(test.highest)}; each bar is a range of totals and its height ` +
        'the number of students in it.'
      }
      plot={plot}
      table={<HistogramTable rows={rows} />}
      testId="score-histogram"
    />
  );
}

function histogramPlot(rows: readonly HistogramRow[], width: number): Plot.PlotOptions {
  return {
    width,
    height: 260,
    marginBottom: 40,
    x: { label: 'Total score' },
    y: { label: 'Students', grid: true, ticks: countTicks(rows), tickFormat: 'd' },
    marks: [
      Plot.rectY(rows, { x1: 'from', x2: 'to', y: 'count', fill: siteColour('--accent', '#1f5fbf'), inset: 1 }),
      Plot.text(rows, {
        filter: (row: HistogramRow) => row.count > 0,
        x: (row: HistogramRow) => (row.from + row.to) / 2,
        y: 'count',
        text: 'count',
        dy: -7,
      }),
      Plot.ruleY([0]),
    ],
  };
}

/** Whole students only: every count up to 8, else a few round ones. */
function countTicks(rows: readonly HistogramRow[]): number | number[] {
  const highest = Math.max(0, ...rows.map((row) => row.count));
  return highest <= 8 ? Array.from({ length: highest + 1 }, (_, count) => count) : 5;
}

function HistogramTable({ rows }: { readonly rows: readonly HistogramRow[] }) {
  return (
    <table className="table" data-testid="score-histogram-table">
      <caption className="visually-hidden">Students by total score</caption>
      <thead>
        <tr>
          <th scope="col">Total score</th>
          <th scope="col" className="numeric">
            Students
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.from}>
            <th scope="row">{row.range}</th>
            <td className="numeric">{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
