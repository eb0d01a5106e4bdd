import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways on its own when what it holds (a wide table, a long code line) is wider than the
 * window, so the page itself never does (WCAG 1.4.10 reflow, 320 px). It is a named region in the tab order: a
 * keyboard user can reach it and scroll it with the arrow keys, and a screen reader says what it holds.
 *
 * @example
 * <ScrollRegion label="Results by student"><table className="table">…</table></ScrollRegion>
 */
export function ScrollRegion({
  label,
  children,
}: {
  /**
   * What the box holds, said by screen readers when it takes focus ("Staff of this exam"). It must differ from the
   * name of the section around it: two landmarks with one name are ambiguous (axe's landmark-unique).
   */
  readonly label: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
