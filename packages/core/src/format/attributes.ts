import { diagnostic, type Diagnostic } from './diagnostic.js';

/** The `{#id key=value flag}` block that ends a heading or an option. */
export interface Attributes {
  /** The source line the block is on. */
  readonly line: number;
  readonly id?: string;
  /** 1-based column of the `#` of the id. */
  readonly idColumn?: number;
  readonly values: ReadonlyMap<string, AttributeValue>;
  readonly flags: ReadonlyMap<string, number>;
}

export interface AttributeValue {
  readonly value: string;
  /** 1-based column of the value in the source line. */
  readonly column: number;
}

export interface SplitLine {
  /** The text before the attribute block, trimmed at the end. */
  readonly text: string;
  readonly attributes?: Attributes;
  /** 1-based column where the attribute block starts. */
  readonly attributesColumn?: number;
  readonly diagnostics: readonly Diagnostic[];
}

const TOKEN = /\s*(?:#([^\s}"=]+)|([A-Za-z][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|([^\s}"]+))|([A-Za-z][\w-]*)(?![\w=-]))/y;
const UNCLOSED_QUOTE = /\s*([A-Za-z][\w-]*)="/y;
const PLAUSIBLE_BLOCK = /^\s*(?:#|[A-Za-z][\w-]*(?:=|\s|$))/;

/**
 * Splits a trailing attribute block off a line. A block is the last `{…}` at the end of the line that is preceded by
 * whitespace (or starts the text), so TeX such as `\mathbb{R}` at the end of an option is never mistaken for one.
 *
 * @example
 * splitAttributes('Gaussian {fixed}', 1, 7).attributes?.flags.has('fixed'); // true
 */
export function splitAttributes(content: string, line: number, contentColumn: number): SplitLine {
  const trimmed = content.trimEnd();
  if (!trimmed.endsWith('}')) return { text: trimmed, diagnostics: [] };
  const open = trimmed.lastIndexOf('{');
  if (open < 0 || (open > 0 && !/\s/.test(trimmed[open - 1] ?? ''))) return { text: trimmed, diagnostics: [] };
  const inner = trimmed.slice(open + 1, -1);
  if (inner.trim() !== '' && !PLAUSIBLE_BLOCK.test(inner)) return { text: trimmed, diagnostics: [] };
  const innerColumn = contentColumn + open + 1;
  const { attributes, diagnostics } = parseAttributeBlock(inner, line, innerColumn);
  return {
    text: trimmed.slice(0, open).trimEnd(),
    attributes,
    attributesColumn: contentColumn + open,
    diagnostics,
  };
}

function parseAttributeBlock(
  inner: string,
  line: number,
  column: number,
): { attributes: Attributes; diagnostics: Diagnostic[] } {
  const values = new Map<string, AttributeValue>();
  const flags = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  let id: string | undefined;
  let idColumn: number | undefined;
  TOKEN.lastIndex = 0;
  let index = 0;
  while (index < inner.length && inner.slice(index).trim() !== '') {
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(inner);
    if (!match) {
      const at = index + (inner.slice(index).length - inner.slice(index).trimStart().length);
      UNCLOSED_QUOTE.lastIndex = index;
      const unclosed = UNCLOSED_QUOTE.exec(inner);
      if (unclosed) {
        const quoteColumn = column + UNCLOSED_QUOTE.lastIndex - 1;
        diagnostics.push(
          diagnostic(
            'error',
            'attribute-syntax',
            { line, column: quoteColumn },
            `the value of \`${unclosed[1] ?? ''}\` opens a quote that is never closed`,
            {
              expected: 'a closing `"` before the `}`',
            },
          ),
        );
        break;
      }
      diagnostics.push(
        diagnostic('error', 'attribute-syntax', { line, column: column + at }, `cannot read the attribute block here`, {
          expected: '`#id`, `key=value`, `key="quoted value"` or a flag such as `fixed`',
          hint: 'separate attributes with spaces and quote values that contain spaces',
        }),
      );
      break;
    }
    const tokenColumn = column + match.index + (match[0].length - match[0].trimStart().length);
    if (match[1] !== undefined) {
      if (id !== undefined) {
        diagnostics.push(
          diagnostic('error', 'attribute-duplicate-id', { line, column: tokenColumn }, `a second id #${match[1]}`, {
            hint: 'give the heading one id',
          }),
        );
      }
      id = match[1];
      idColumn = tokenColumn;
    } else if (match[2] !== undefined) {
      const value = match[3] !== undefined ? match[3].replace(/\\(.)/g, '$1') : (match[4] ?? '');
      const valueColumn = tokenColumn + match[2].length + 1;
      if (values.has(match[2])) {
        diagnostics.push(
          diagnostic('error', 'attribute-duplicate', { line, column: tokenColumn }, `\`${match[2]}\` is given twice`),
        );
      }
      values.set(match[2], { value, column: valueColumn });
    } else if (match[5] !== undefined) {
      flags.set(match[5], tokenColumn);
    }
    index = TOKEN.lastIndex;
  }
  return { attributes: { line, id, idColumn, values, flags }, diagnostics };
}

/** Quotes an attribute value when it would not read back as one token. */
export function formatAttributeValue(value: string): string {
  return /^[^\s}"{]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/**
 * True when `text` ends in something `splitAttributes` would read as an attribute block; the printer then appends
 * an empty block `{}` so that the text reads back unchanged.
 */
export function endsLikeAttributes(text: string): boolean {
  const split = splitAttributes(text, 1, 1);
  return split.attributes !== undefined;
}
