import { texError } from '@examforge/core';
import { DomUtils, parseDocument } from 'htmlparser2';
import { escapeLineStarts, escapeMarkdown, texToMarkdown } from './markdown-text.js';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

/** Something of the HTML that did not become Markdown as it was, for the importer's `content` note. */
export interface HtmlLoss {
  readonly kind: 'element' | 'image' | 'tex' | 'table' | 'link';
  /** In an instructor's words: `the <iframe> element was left out`. */
  readonly message: string;
}

export interface HtmlToMarkdownOptions {
  /**
   * The relative path the exam should use for an image source (`@@PLUGINFILE@@/x.png`, a data: URI, a relative
   * path), or undefined when there is no such file: the image then becomes its alt text and a loss is reported.
   * Without it, relative paths are kept as they are and any other source is a loss.
   */
  readonly resolveImage?: (src: string) => string | undefined;
  /** Each element dropped, image not found, table flattened or TeX that does not render. */
  readonly onLoss?: (loss: HtmlLoss) => void;
  /** One line (for an option's text): paragraphs and list items are joined by spaces, tables become text. */
  readonly inline?: boolean;
}

/**
 * Wrappers that only style their text: dropped quietly, their text kept (a note for every `<span>` of a Moodle
 * export would bury the losses that matter).
 */
const STYLE_ONLY = new Set(
  'span font div center small big u mark abbr acronym cite label bdi bdo time nobr wbr dfn var ins section article header footer main aside figure figcaption address html body tbody thead tfoot colgroup col caption'.split(
    ' ',
  ),
);
/** Elements whose content is not text a student reads: left out entirely, and reported. */
const NOT_TEXT = new Set(
  'script style head title noscript template iframe object embed video audio canvas svg map area input select button textarea form source track param'.split(
    ' ',
  ),
);
const BLOCKS = new Set(['p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'table', 'hr', 'dl', 'dd', 'dt', 'li']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * HTML from another system → Markdown the exam format holds, with no HTML left: paragraphs, line breaks, bold and
 * italics, code, lists, simple tables, links, images, sub- and superscripts; TeX in `\( \)`, `\[ \]` and `$$ $$` kept
 * as `$…$` and `$$…$$`; every other element's tags dropped and its text kept; entities decoded; Markdown's own
 * characters in text escaped. What is lost is reported through `onLoss`.
 *
 * @example
 * htmlToMarkdown('<p>Is <b>\\(x^2\\)</b> &lt; 1?</p>'); // 'Is **$x^2$** \\< 1?'
 */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): string {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true });
  const writer = new MarkdownWriter(options);
  const blocks = writer.blocks(document.children);
  return (options.inline ? blocks.join(' ') : blocks.join('\n\n')).trim();
}

class MarkdownWriter {
  constructor(private readonly options: HtmlToMarkdownOptions) {}

  /** Block content: runs of inline nodes become paragraphs, block elements their own blocks. */
  blocks(nodes: readonly Node[]): string[] {
    const blocks: string[] = [];
    let run: Node[] = [];
    const flush = () => {
      const paragraph = tidyParagraph(this.inline(run));
      if (paragraph !== '') blocks.push(paragraph);
      run = [];
    };
    for (const node of nodes) {
      if (DomUtils.isTag(node) && isBlock(node)) {
        flush();
        blocks.push(...this.block(node));
      } else run.push(node);
    }
    flush();
    return blocks;
  }

  private block(element: Element): string[] {
    const name = element.name;
    if (HEADINGS.has(name)) {
      const title = tidyParagraph(this.inline(element.children));
      return title === '' ? [] : [wrap(title, '**')];
    }
    switch (name) {
      case 'hr':
        return this.options.inline ? [] : ['* * *'];
      case 'pre':
        return [this.preformatted(element)];
      case 'ul':
      case 'ol':
        return [this.list(element)];
      case 'table':
        return [this.table(element)];
      case 'blockquote':
        return this.quoted(element);
      default:
        if (!STYLE_ONLY.has(name) && !['p', 'dl', 'dd', 'dt', 'li'].includes(name)) this.dropped(name);
        return this.blocks(element.children);
    }
  }

  private quoted(element: Element): string[] {
    const inner = this.blocks(element.children);
    if (this.options.inline) return inner;
    return [inner.map((block) => block.replace(/^/gm, '> ')).join('\n>\n')];
  }

  private preformatted(element: Element): string {
    const code = DomUtils.textContent(element).replace(/\r\n?/g, '\n').replace(/\n$/, '');
    if (this.options.inline) return inlineCode(code.replace(/\s+/g, ' '));
    const longest = Math.max(2, ...[...code.matchAll(/^\s*(`+|~+)/gm)].map((match) => match[1]?.length ?? 0));
    const fence = '`'.repeat(longest + 1);
    return `${fence}\n${code}\n${fence}`;
  }

  private list(element: Element): string {
    const items = element.children.filter((child): child is Element => DomUtils.isTag(child) && child.name === 'li');
    const ordered = element.name === 'ol';
    const start = Number(element.attribs.start ?? '1') || 1;
    const lines = items.map((item, index) => {
      const marker = ordered ? `${start + index}.` : '-';
      const body = this.blocks(item.children).join(this.options.inline ? ' ' : '\n\n');
      if (this.options.inline) return `${marker} ${body}`;
      const indent = ' '.repeat(marker.length + 1);
      return `${marker} ${body.replace(/\n/g, `\n${indent}`).replace(/\n\s+\n/g, '\n\n')}`;
    });
    return lines.join(this.options.inline ? ' ' : '\n');
  }

  /** A table of plain cells becomes a Markdown table; one with merged cells or blocks in cells becomes text. */
  private table(element: Element): string {
    const rows = DomUtils.getElementsByTagName('tr', element.children, true).map((row) =>
      row.children.filter((cell): cell is Element => DomUtils.isTag(cell) && ['td', 'th'].includes(cell.name)),
    );
    const merged = rows.some((cells) => cells.some((cell) => cell.attribs.rowspan ?? cell.attribs.colspan));
    const nested = rows.some((cells) => cells.some((cell) => this.blocks(cell.children).length > 1));
    const cells = rows.map((row) => row.map((cell) => tidyParagraph(this.inline(cell.children)).replace(/\n/g, ' ')));
    if (this.options.inline || merged || nested || rows.length === 0) {
      this.loss(
        'table',
        'a table was turned into text, one row per line: it has merged cells or several paragraphs in a cell',
      );
      return cells.map((row) => row.join(' · ')).join(this.options.inline ? ' ' : '  \n');
    }
    const width = Math.max(...cells.map((row) => row.length));
    const padded = cells.map((row) => [...row, ...new Array<string>(width - row.length).fill('')]);
    const line = (row: readonly string[]) => `| ${row.join(' | ')} |`;
    const [head = [], ...body] = padded;
    return [line(head), line(new Array<string>(width).fill('---')), ...body.map(line)].join('\n');
  }

  /** Inline content as Markdown text; block elements met inside inline ones are flattened to line breaks. */
  inline(nodes: readonly Node[]): string {
    return nodes.map((node) => this.inlineNode(node)).join('');
  }

  private inlineNode(node: Node): string {
    if (DomUtils.isText(node)) return this.text(node.data);
    if (DomUtils.isCDATA(node)) return this.text(DomUtils.textContent(node));
    if (!DomUtils.isTag(node)) return '';
    const inner = () => this.inline(node.children);
    switch (node.name) {
      case 'br':
        return this.options.inline ? ' ' : '\\\n';
      case 'strong':
      case 'b':
        return wrap(inner(), '**');
      case 'em':
      case 'i':
        return wrap(inner(), '*');
      case 'code':
      case 'tt':
      case 'kbd':
      case 'samp':
        return inlineCode(DomUtils.textContent(node));
      case 'sub':
      case 'sup':
        return scripted(DomUtils.textContent(node), node.name === 'sub' ? '_' : '^') ?? inner();
      case 'a':
        return this.link(node, inner());
      case 'img':
        return this.image(node);
      default:
        return this.otherInline(node, inner);
    }
  }

  private otherInline(node: Element, inner: () => string): string {
    if (NOT_TEXT.has(node.name)) {
      this.loss('element', `the <${node.name}> element was left out: it has no text a student can read here`);
      return '';
    }
    if (isBlock(node) || HEADINGS.has(node.name)) return ` ${this.blocks([node]).join(' ')} `;
    if (!STYLE_ONLY.has(node.name)) this.dropped(node.name);
    return inner();
  }

  private link(element: Element, text: string): string {
    const href = element.attribs.href?.trim() ?? '';
    if (!/^(?:https?:|mailto:)/i.test(href)) {
      if (href !== '' && !href.startsWith('#')) this.loss('link', `the link to ${href} was left out, its text kept`);
      return text;
    }
    return `[${text === '' ? escapeMarkdown(href) : text}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  }

  private image(element: Element): string {
    const src = element.attribs.src?.trim() ?? '';
    const alt = (element.attribs.alt ?? element.attribs.title ?? '').replace(/\s+/g, ' ').trim();
    const path = this.options.resolveImage ? this.options.resolveImage(src) : keptRelative(src);
    if (path === undefined) {
      const shown = src.startsWith('data:') ? 'an embedded image' : src;
      this.loss(
        'image',
        `the image ${shown} was not found; ${alt === '' ? 'it was left out' : `its description "${alt}" was kept`}`,
      );
      return alt === '' ? '' : escapeMarkdown(`[${alt}]`);
    }
    return `![${escapeMarkdown(alt)}](<${path.replace(/[<>]/g, encodeURIComponent)}>)`;
  }

  private text(data: string): string {
    return texToMarkdown(data.replace(/\r\n?/g, '\n'), (tex, display) => {
      const problem = texError(tex, display);
      if (problem === undefined) return undefined;
      this.loss('tex', `TeX that does not render was kept as code: ${problem}`);
      return problem;
    });
  }

  private dropped(name: string): void {
    this.loss('element', `the <${name}> element was dropped and its text kept`);
  }

  private loss(kind: HtmlLoss['kind'], message: string): void {
    this.options.onLoss?.({ kind, message });
  }
}

function isBlock(element: Element): boolean {
  return (
    BLOCKS.has(element.name) || HEADINGS.has(element.name) || (STYLE_ONLY.has(element.name) && isBlockWrapper(element))
  );
}

/** `div`, `section` and the like start a block; `span` and `font` do not. */
function isBlockWrapper(element: Element): boolean {
  return [
    'div',
    'center',
    'section',
    'article',
    'header',
    'footer',
    'main',
    'aside',
    'figure',
    'figcaption',
    'address',
    'body',
    'html',
  ].includes(element.name);
}

/** Collapses HTML whitespace the way a browser shows it, keeping hard breaks (`\` at a line end). */
function tidyParagraph(text: string): string {
  return text
    .split('\\\n')
    .map((line) => escapeLineStarts(line.replace(/[ \t\n]+/g, ' ').trim()))
    .join('\\\n')
    .replace(/^(?:\\\n)+|(?:\\\n)+$/g, '')
    .trim();
}

function wrap(text: string, marker: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  const lead = text.slice(0, text.length - text.trimStart().length);
  const trail = text.slice(text.trimEnd().length);
  return `${lead}${marker}${trimmed}${marker}${trail}`;
}

function inlineCode(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  const padded = code.startsWith('`') || code.endsWith('`') ? ` ${code} ` : code;
  return code === '' ? '' : `${ticks}${padded}${ticks}`;
}

/** `H<sub>2</sub>O` → `H$_{\text{2}}$O`: markdown has no sub/superscript, TeX does; undefined for text TeX won't take. */
function scripted(text: string, mark: '_' | '^'): string | undefined {
  const trimmed = text.trim();
  if (!/^[\w+\-.,=()' ]+$/.test(trimmed)) return undefined;
  return /^[\w.]+$/.test(trimmed) && /^\d+$|^[a-zA-Z]$/.test(trimmed)
    ? `$${mark}{${trimmed}}$`
    : `$${mark}{\\text{${trimmed}}}$`;
}

/** Without a resolver, a relative path is kept (it names a file beside the exam); anything else is not a file. */
function keptRelative(src: string): string | undefined {
  if (src === '' || /^[a-z][\w+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('@@')) return undefined;
  return src;
}
