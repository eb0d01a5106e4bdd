import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { percent } from './labels.js';
import type { AnalysedQuestion, AnalysisReport } from './report-model.js';

/** An SVG chart as markup, with the accessible name and description it carries. */
export interface Chart {
  readonly svg: string;
  readonly title: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The part of linkedom's DOM the charts touch: the command line compiles without the browser's DOM types. */
interface ChartNode {
  textContent: string | null;
  readonly firstChild: ChartNode | null;
  readonly outerHTML: string;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<ChartNode>;
  insertBefore(node: ChartNode, before: ChartNode | null): unknown;
}

interface ChartDocument {
  createElementNS(namespace: string, name: string): ChartNode;
}

/**
 * Observable Plot draws into a small DOM (linkedom) and the SVG is inlined into the report: no browser, no script.
 * Each chart gets `role="img"`, a `<title>` and a `<desc>` it is labelled and described by, so a screen reader names
 * it; the report puts the same figures in a table beside it.
 */
function render(id: string, title: string, description: string, options: Plot.PlotOptions): Chart {
  const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as {
    document: ChartDocument;
  };
  // Without a title, caption or legend, Plot returns the bare <svg>.
  const svg = Plot.plot({ ...options, document }) as unknown as ChartNode;
  const titleElement = document.createElementNS(SVG_NS, 'title');
  titleElement.setAttribute('id', `${id}-title`);
  titleElement.textContent = title;
  const descElement = document.createElementNS(SVG_NS, 'desc');
  descElement.setAttribute('id', `${id}-desc`);
  descElement.textContent = description;
  svg.insertBefore(descElement, svg.firstChild);
  svg.insertBefore(titleElement, descElement);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title`);
  svg.setAttribute('aria-describedby', `${id}-desc`);
  svg.removeAttribute('xmlns');
  // Plot names its marks and axes with aria-label on <g> elements, which ARIA does not allow there (axe:
  // aria-prohibited-attr); inside role="img" they are not read anyway. Kept as data-mark for whoever reads the SVG.
  for (const node of svg.querySelectorAll('[aria-label]')) {
    node.setAttribute('data-mark', node.getAttribute('aria-label') ?? '');
    node.removeAttribute('aria-label');
  }
  return { svg: svg.outerHTML, title };
}

/** The distribution of totals, in bins that never split the exam's smallest mark. */
export function histogramChart(report: AnalysisReport): Chart {
  const bins = report.test.histogram;
  const tallest = bins.reduce(
    (most, bin) => (bin.count > most.count ? bin : most),
    bins[0] ?? { from: 0, to: 0, count: 0 },
  );
  return render(
    'histogram',
    'Score histogram',
    `Totals of ${report.students} students out of ${report.maximum} in ${bins.length} bins; ` +
      `the most, ${tallest.count}, scored from ${tallest.from} to under ${tallest.to}.`,
    {
      width: 640,
      height: 260,
      marginLeft: 48,
      x: { label: 'Total', grid: false },
      y: { label: 'Students', grid: true },
      marks: [Plot.rectY(bins, { x1: 'from', x2: 'to', y: 'count', fill: '#4269d0', inset: 1 }), Plot.ruleY([0])],
    },
  );
}

/** Facility against discrimination, one dot per question; flagged questions are triangles labelled Q<n>. */
export function scatterChart(report: AnalysisReport): Chart {
  const points = report.questions
    .filter((q) => Number.isFinite(q.statistics.facility) && Number.isFinite(q.statistics.discrimination))
    .map((q) => ({
      facility: q.statistics.facility,
      discrimination: q.statistics.discrimination,
      label: `Q${q.number}`,
      flagged: q.statistics.flags.length > 0 ? 'flagged' : 'not flagged',
    }));
  const flagged = points.filter((point) => point.flagged === 'flagged');
  return render(
    'scatter',
    'Facility against discrimination',
    `${points.length} questions: facility (share of the marks earned) across, discrimination (corrected item–total ` +
      `correlation) up. ${flagged.length} flagged questions are drawn as triangles and labelled with their number` +
      (flagged.length > 0 ? `: ${flagged.map((point) => point.label).join(', ')}.` : '.'),
    {
      width: 640,
      height: 360,
      marginLeft: 48,
      marginTop: 30,
      // With negative marking a facility can be below 0 (more penalties than marks).
      x: {
        label: 'Facility',
        domain: [Math.min(0, ...points.map((point) => point.facility)), 1],
        nice: true,
        grid: true,
      },
      y: { label: 'Discrimination', domain: [-1, 1], grid: true },
      symbol: { domain: ['not flagged', 'flagged'], range: ['circle', 'triangle'] },
      color: { domain: ['not flagged', 'flagged'], range: ['#4269d0', '#d1352b'] },
      marks: [
        Plot.ruleY([0]),
        Plot.dot(points, { x: 'facility', y: 'discrimination', symbol: 'flagged', fill: 'flagged', r: 5 }),
        Plot.text(flagged, { x: 'facility', y: 'discrimination', text: 'label', dy: -12, fontWeight: 'bold' }),
      ],
    },
  );
}

/** The share of the upper and lower 27 % groups who chose each option; the key is marked in its label. */
export function optionChart(question: AnalysedQuestion): Chart | undefined {
  const options = question.statistics.options;
  if (!options) return undefined;
  const label = (option: { option: string; keyed: boolean }) => `(${option.option})${option.keyed ? ' key' : ''}`;
  const bars = options.flatMap((option) => [
    { option: label(option), group: 'upper', share: option.upperShare },
    { option: label(option), group: 'lower', share: option.lowerShare },
  ]);
  const summary = options
    .map((o) => `${label(o)}: upper ${percent(o.upperShare)}, lower ${percent(o.lowerShare)}`)
    .join('; ');
  return render(
    `options-${question.id}`,
    `Options of Q${question.number} ${question.id}, upper and lower groups`,
    `Share of the strongest and weakest 27 % who chose each option. ${summary}.`,
    {
      width: 120 + options.length * 90,
      height: 200,
      marginLeft: 44,
      marginBottom: 36,
      fx: { label: null, domain: options.map(label) },
      x: { label: null, domain: ['upper', 'lower'] },
      y: { label: 'Share of the group', domain: [0, 1], grid: true },
      color: { domain: ['upper', 'lower'], range: ['#4269d0', '#efb118'] },
      marks: [
        Plot.barY(
          bars.filter((bar) => Number.isFinite(bar.share)),
          { fx: 'option', x: 'group', y: 'share', fill: 'group' },
        ),
        Plot.ruleY([0]),
      ],
    },
  );
}
