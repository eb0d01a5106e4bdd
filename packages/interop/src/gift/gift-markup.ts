import type { GiftMarkup, GiftTextFormat } from './gift-ast.js';
import type { GiftText } from './gift-text.js';

const FORMAT_PREFIX = /^\[(html|moodle|markdown|plain)\]/u;

/**
 * Reads a `[html]`/`[moodle]`/`[markdown]`/`[plain]` prefix; without one the text has the format it inherits (the
 * question's for its answers, Moodle's auto-format for the question).
 *
 * @example
 * readMarkup(GiftText.read('[html]<b>x</b>', at), 'moodle'); // { format: 'html', text: '<b>x</b>', … }
 */
export function readMarkup(text: GiftText, inherited: GiftTextFormat): GiftMarkup {
  const trimmed = text.trim();
  const { format, rest } = splitFormat(trimmed, inherited);
  return { format, text: rest.trim().toString(), position: trimmed.start };
}

/** The format prefix of `text` and the text after it. */
export function splitFormat(text: GiftText, inherited: GiftTextFormat): { format: GiftTextFormat; rest: GiftText } {
  const prefix = FORMAT_PREFIX.exec(text.toString());
  if (!prefix) return { format: inherited, rest: text };
  return { format: prefix[1] as GiftTextFormat, rest: text.slice(prefix[0].length) };
}
