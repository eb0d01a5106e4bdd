import { useLayoutEffect, type RefObject } from 'react';

/**
 * Inline formulas that reach past their text column (a matrix, a long sum that cannot break) would make a narrow
 * page scroll sideways, against WCAG's reflow criterion: each one is made a box of at most the column's width, on a
 * line of its own and scrolling if need be (reachable with the keyboard), and flows with the text again when the
 * column is wide enough. Display formulas always
 * scroll in their own box (see render-markdown).
 */
export function useWideMath(container: RefObject<HTMLElement | null>, html: string): void {
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const column = blockOf(root).getBoundingClientRect();
      for (const math of root.querySelectorAll<HTMLElement>('.katex:not(.katex-display .katex)')) {
        math.classList.remove('math-wide');
        math.removeAttribute('tabindex');
        // A formula that cannot break where it stands reaches past the column: as a box of at most the column's
        // width it moves to a line of its own, and scrolls if it is wider still.
        if (column.width > 0 && reachesPast(math, column.right)) {
          math.classList.add('math-wide');
          math.tabIndex = 0;
        }
      }
    };
    fit();
    // Inline text has no box of its own to watch: the column is watched, and the fonts' arrival changes widths too.
    const observer = new ResizeObserver(fit);
    observer.observe(blockOf(root));
    let live = true;
    void document.fonts.ready.then(() => {
      if (live) fit();
    });
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [container, html]);
}

/** The column the text flows in: the element itself, or for inline text (an option's label) its nearest block. */
function blockOf(element: HTMLElement): HTMLElement {
  let block: HTMLElement = element;
  while (block.parentElement && getComputedStyle(block).display === 'inline') block = block.parentElement;
  return block;
}

/** A formula that wraps over lines is as wide as its widest line: each unbreakable part (`.base`) is measured. */
function reachesPast(math: HTMLElement, right: number): boolean {
  if (math.getBoundingClientRect().right > right + 1) return true;
  for (const part of math.querySelectorAll('.base')) if (part.getBoundingClientRect().right > right + 1) return true;
  return false;
}
