import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ScrollRegion } from './scroll-region.js';

interface PlotFigureProps {
  /** The chart's accessible name, e.g. "Score histogram". */
  readonly label: string;
  /** What the chart shows, in words: the figure's caption and the chart's description. */
  readonly description: ReactNode;
  /** Plot's options for a chart this many pixels wide (the figure's width: charts follow their container). */
  readonly plot: (width: number) => Plot.PlotOptions;
  /** The chart's numbers as a table, for screen readers and for anyone who would rather read them. */
  readonly table: ReactNode;
  readonly testId?: string;
}

/** Narrower than this, axis labels collide: a 320 px screen still gets this much after the page's margins. */
const MIN_WIDTH = 240;

/**
 * An Observable Plot chart in React: Plot draws the SVG into a container this component owns (drawn again when the
 * container's width or the options change, removed on unmount). The SVG is an image named by `label` and described
 * by the caption, and the same numbers are one click away as a table.
 *
 * @example
 * <PlotFigure label="Score histogram" description="…" plot={(width) => ({ width, marks: […] })} table={<table …/>} />
 */
export function PlotFigure({ label, description, plot, table, testId }: PlotFigureProps) {
  const container = useRef<HTMLDivElement>(null);
  const width = useContainerWidth(container);
  const captionId = useId();
  useEffect(() => {
    const host = container.current;
    if (!host || width === 0) return;
    const chart = Plot.plot({ style: { fontSize: '12px' }, ...plot(Math.max(MIN_WIDTH, width)), ariaLabel: label });
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-describedby', captionId);
    // Plot names each mark's group ("bar", "dot"); inside an image those names are never read, and on a plain group
    // ARIA forbids them. The image's own name and the table carry the meaning.
    for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    host.append(chart);
    return () => chart.remove();
  }, [plot, width, label, captionId]);
  return (
    <figure className="chart" data-testid={testId}>
      <div ref={container} className="chart-canvas" data-testid={testId && `${testId}-svg`} />
      <figcaption id={captionId} className="chart-caption">
        {description}
      </figcaption>
      <details className="chart-table">
        <summary>Show the numbers as a table</summary>
        <ScrollRegion label={`${label}, as a table`}>{table}</ScrollRegion>
      </details>
    </figure>
  );
}

/** The element's content width in whole pixels, followed as it changes (0 before the first measure). */
function useContainerWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/**
 * A colour of the site's stylesheet (a custom property on `:root`), so the charts wear the same colours as the
 * page; the fallback is for a page without the stylesheet.
 */
export function siteColour(property: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(property).trim();
  return value === '' ? fallback : value;
}
