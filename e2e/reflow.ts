import { expect, type Page } from '@playwright/test';

/**
 * The elements that make the page wider than its window, for a failure message that says what to mend: each one
 * reaches past the window's right edge while the box it sits in does not (a table with no scrolling wrapper, a grid
 * item that will not shrink, an unbreakable string or formula), and no box that scrolls holds it. Each is named by its
 * nearest test id, tag, classes and width. Math's hidden MathML and the insides of SVG charts are left out.
 */
const FIND_CULPRITS = `(() => {
  const edge = document.documentElement.clientWidth + 1;
  const describe = (e) => {
    const owner = e.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
    const classes = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
    return (owner ? owner + ' ' : '') + e.tagName.toLowerCase() + classes + ' (' + Math.round(e.getBoundingClientRect().width) + ' px)';
  };
  // Inside a box that scrolls (or clips) and itself ends within the window, an element is out of the page's way;
  // unless it is positioned absolutely against something outside that box (hidden text in a table that scrolls).
  const placed = (style) => style.position === 'absolute' || style.position === 'fixed';
  const contained = (e) => {
    let escapes = placed(getComputedStyle(e));
    for (let box = e.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (escapes && style.position !== 'static') escapes = false;
      if (!escapes && style.overflowX !== 'visible' && box.getBoundingClientRect().right <= edge) return true;
      if (placed(style)) escapes = true;
    }
    return false;
  };
  const past = [...document.querySelectorAll('body *')].filter(
    (e) => !e.closest('.katex-mathml, svg') && e.getBoundingClientRect().right > edge && !contained(e),
  );
  const reaching = new Set(past);
  const roots = past.filter((e) => !reaching.has(e.parentElement));
  return (roots.length > 0 ? roots : past).slice(0, 6).map(describe);
})()`;

/**
 * WCAG 2.1 SC 1.4.10 (reflow): the page does not scroll sideways at the window's current width. Wide content (tables,
 * display math, code) has to scroll inside its own box. The check is soft: the test goes on (and keeps its other
 * screenshots) but fails at its end, naming every page and the elements that reach past the window's edge.
 */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  const culprits = overflow <= 1 ? [] : await page.evaluate<string[]>(FIND_CULPRITS);
  expect.soft(overflow, `${what} scrolls sideways by ${overflow} px: ${culprits.join(', ')}`).toBeLessThanOrEqual(1);
}
