import * as Plot from '@observablehq/plot';
import { FLAG_THRESHOLDS } from '@examforge/core';
import type { ItemStatisticsView } from '@examforge/server/api';
import { useCallback, useMemo } from 'react';
import { PlotFigure, siteColour } from '../components/plot-figure.js';
import { scatterPoints, type ScatterPoint } from '../lib/statistics/chart-data.js';
import { countOf, formatStatistic } from '../lib/statistics/format-statistic.js';
import { ItemLink } from './item-link.js';

/**
 * Each question placed by facility (how many earned its marks) and discrimination (whether the strong students
 * earned them more than the weak). Flagged questions are triangles with their number written beside them.
 */
export function DiscriminationScatter({ items }: { readonly items: readonly ItemStatisticsView[] }) {
  const { points, unplaced } = useMemo(() => scatterPoints(items), [items]);
  const plot = useCallback((width: number) => scatterPlot(points, width), [points]);
  const flagged = points.filter((point) => point.marker === 'flagged').length;
  return (
    <PlotFigure
      label="Facility against discrimination"
      description={
        <>
          {countOf(points.length, 'question')}: facility across (the mean mark as a share of the question’s marks: 1
          when everyone earned them, below 0 when penalties outweigh them), discrimination from −1 to 1 up; the dashed
          lines are the thresholds for too hard and too easy. Flagged questions ({flagged}) are triangles labelled with
          their number; the others are circles.
          {unplaced.length > 0 &&
            ` Not placed, for want of spread: ${unplaced.map((item) => `Q${item.number}`).join(', ')}.`}
        </>
      }
      plot={plot}
      table={<ScatterTable points={points} />}
      testId="discrimination-scatter"
    />
  );
}

function scatterPlot(points: readonly ScatterPoint[], width: number): Plot.PlotOptions {
  const flagColour = siteColour('--flag', '#c2410c');
  const flagged = points.filter((point) => point.marker === 'flagged');
  return {
    width,
    height: Math.min(420, Math.max(260, width * 0.6)),
    marginRight: 30,
    // Negative marking can take a question's mean, and so its facility, below 0.
    x: { domain: [Math.min(0, ...points.map((point) => point.facility)), 1], label: 'Facility', grid: true },
    y: { domain: [-1, 1], label: 'Discrimination', grid: true },
    symbol: { domain: ['not flagged', 'flagged'], range: ['circle', 'triangle'] },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX([FLAG_THRESHOLDS.tooHardFacility, FLAG_THRESHOLDS.tooEasyFacility], { strokeDasharray: '4 4' }),
      Plot.dot(points, {
        x: 'facility',
        y: 'discrimination',
        symbol: 'marker',
        r: (point: ScatterPoint) => (point.marker === 'flagged' ? 7 : 4.5),
        stroke: (point: ScatterPoint) => (point.marker === 'flagged' ? flagColour : siteColour('--accent', '#1f5fbf')),
        fill: (point: ScatterPoint) => (point.marker === 'flagged' ? flagColour : 'none'),
        strokeWidth: 1.5,
      }),
      Plot.text(flagged, {
        x: 'facility',
        y: 'discrimination',
        text: 'label',
        dx: 10,
        textAnchor: 'start',
        fontWeight: 'bold',
      }),
    ],
  };
}

function ScatterTable({ points }: { readonly points: readonly ScatterPoint[] }) {
  return (
    <table className="table" data-testid="discrimination-scatter-table">
      <caption className="visually-hidden">Facility and discrimination by question</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col" className="numeric">
            Facility
          </th>
          <th scope="col" className="numeric">
            Discrimination
          </th>
          <th scope="col">Flagged</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.questionId}>
            <th scope="row">
              <ItemLink questionId={point.questionId}>{point.label}</ItemLink>
            </th>
            <td className="numeric">{formatStatistic(point.facility)}</td>
            <td className="numeric">{formatStatistic(point.discrimination)}</td>
            <td>{point.marker === 'flagged' ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
