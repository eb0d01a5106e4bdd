/** A piece of LaTeX in Markdown text: `$…$` inline or `$$…$$` display. */
export interface MathSegment {
  readonly tex: string;
  readonly display: boolean;
  /** Offset of the TeX (after the opening delimiter) in the text. */
  readonly offset: number;
}

export interface MathScan {
  readonly segments: MathSegment[];
  /** Offsets of `$$` that are never closed. */
  readonly unclosedDisplay: number[];
}

/**
 * Finds the math in Markdown text the way Pandoc does: code spans are skipped, `\$` is a dollar sign, an inline
 * opening `$` must be followed by a non-space and the closing `$` preceded by one and not followed by a digit (so
 * "costs $5 and $10" is text).
 *
 * @example
 * findMath('Let $x^2$ be').segments[0]; // { tex: 'x^2', display: false, offset: 5 }
 */
export function findMath(text: string): MathScan {
  const segments: MathSegment[] = [];
  const unclosedDisplay: number[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
    } else if (char === '`') {
      index = skipCodeSpan(text, index);
    } else if (text.startsWith('$$', index)) {
      const close = text.indexOf('$$', index + 2);
      if (close < 0) {
        unclosedDisplay.push(index);
        break;
      }
      segments.push({ tex: text.slice(index + 2, close), display: true, offset: index + 2 });
      index = close + 2;
    } else if (char === '$') {
      const close = findInlineClose(text, index);
      if (close === undefined) {
        index += 1;
      } else {
        segments.push({ tex: text.slice(index + 1, close), display: false, offset: index + 1 });
        index = close + 1;
      }
    } else {
      index += 1;
    }
  }
  return { segments, unclosedDisplay };
}

function skipCodeSpan(text: string, start: number): number {
  let ticks = 0;
  while (text[start + ticks] === '`') ticks += 1;
  const fence = '`'.repeat(ticks);
  const close = text.indexOf(fence, start + ticks);
  return close < 0 ? start + ticks : close + ticks;
}

function findInlineClose(text: string, open: number): number | undefined {
  if (/\s/.test(text[open + 1] ?? ' ')) return undefined;
  for (let index = open + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') {
      index += 1;
    } else if (char === '\n' && text[index + 1] === '\n') {
      return undefined;
    } else if (char === '$') {
      if (/\s/.test(text[index - 1] ?? ' ') || /\d/.test(text[index + 1] ?? '')) return undefined;
      return index;
    }
  }
  return undefined;
}

/** Image references `![alt](path "title")` or `![alt](<path with spaces>)` in Markdown text, with their offsets. */
export function findImages(text: string): { path: string; offset: number }[] {
  const images: { path: string; offset: number }[] = [];
  for (const match of text.matchAll(/!\[[^\]]*\]\(\s*(?:<([^>\n]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g)) {
    const path = match[1] ?? match[2] ?? '';
    images.push({ path, offset: match.index + match[0].indexOf(path) });
  }
  return images;
}
