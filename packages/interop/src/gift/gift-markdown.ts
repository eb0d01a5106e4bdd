import { htmlToMarkdown, type HtmlLoss } from '../html-to-markdown.js';
import type { GiftMarkup } from './gift-ast.js';
import { BLANK_MARK } from './parse-gift-question.js';

/** How GIFT text becomes Markdown: where its images are, and where what did not convert is reported. */
export interface GiftMarkdownContext {
  /** The exam's relative path for an image `src`, or undefined when GIFT did not bring the file (it never brings `@@PLUGINFILE@@` ones). */
  readonly resolveImage: (src: string) => string | undefined;
  readonly onLoss: (loss: HtmlLoss) => void;
}

/** A blank in a missing-word stem, as Markdown shows it: four underscores that stay underscores. */
export const BLANK_MARKDOWN = '\\_\\_\\_\\_';

/**
 * GIFT text of any format as exam Markdown, all through the shared HTML converter so escaping and TeX (`\( \)`,
 * `$$ $$`) are handled once: `[html]` as it is; Moodle's auto-format (the default) as HTML whose line breaks are kept;
 * `[plain]` as text, its `<` and `&` escaped first; `[markdown]` kept as written.
 *
 * @example
 * giftMarkdown({ format: 'moodle', text: 'Is \\(x<1\\)?\nYes', position }, context); // 'Is $x<1$?\\\nYes'
 */
export function giftMarkdown(markup: GiftMarkup, context: GiftMarkdownContext, inline = false): string {
  const markdown = toMarkdown(markup, context, inline);
  return markdown.replaceAll(BLANK_MARK, BLANK_MARKDOWN);
}

function toMarkdown(markup: GiftMarkup, context: GiftMarkdownContext, inline: boolean): string {
  const options = { resolveImage: context.resolveImage, onLoss: context.onLoss, inline };
  switch (markup.format) {
    case 'markdown':
      return markup.text.trim();
    case 'html':
      return htmlToMarkdown(markup.text, options);
    case 'moodle':
      return htmlToMarkdown(withLineBreaks(markup.text), options);
    case 'plain':
      return htmlToMarkdown(withLineBreaks(escapeHtml(markup.text)), options);
  }
}

function withLineBreaks(text: string): string {
  return text.replace(/\n/gu, '<br>');
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
