import type { SheetPage } from '@examforge/core';

/**
 * The choice questions whose bubbles a sheet page holds, in printed order: what is lost when that page is not read.
 * Free-response boxes are not read from scans, so they are not listed.
 *
 * @example
 * questionsOnPage(layout.pages[0]); // ['l2-prior', 'masked-softmax', …]
 */
export function questionsOnPage(page: SheetPage): readonly string[] {
  return [...new Set(page.bubbles.map((bubble) => bubble.questionId))];
}
