/**
 * A typeset formula as PDF drawing operators, in the coordinates of its SVG viewBox (y downwards), black ink.
 * `box` is the viewBox: `[x, y, width, height]`. Glyph outlines are not inlined: `operators` paints each one with
 * `/name Do`, and `glyphs` holds their outlines, so a PDF stores each glyph once however many formulas use it.
 */
export interface MathDrawing {
  readonly box: readonly [number, number, number, number];
  readonly operators: string;
  readonly glyphs: ReadonlyMap<string, MathGlyph>;
}

/** One glyph outline, filled: its PDF operators and bounding box `[x0, y0, x1, y1]`. */
export interface MathGlyph {
  readonly box: readonly [number, number, number, number];
  readonly operators: string;
}

interface Element {
  readonly open: string;
  readonly close: string;
}

type Attributes = ReadonlyMap<string, string>;

const TAG = /<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
const BLACK = new Set(['#000000', '#000', 'black', 'currentColor']);

/**
 * Translates MathJax's SVG output (groups, paths, rectangles, lines and nested clipping viewports, all in black) into
 * PDF operators once, so that each formula is converted once per process instead of once per printed copy. Anything
 * else (text fallbacks for characters outside MathJax's fonts, colours, arcs) returns `undefined`: the caller then
 * draws the SVG with svg-to-pdfkit instead.
 *
 * @example
 * compileMathSvg(typesetMath('x^2', false).svg)?.operators; // "0 g 0 G\nq 1 0 0 -1 0 0 cm\n… f\nQ"
 */
export function compileMathSvg(svg: string): MathDrawing | undefined {
  const out: string[] = ['0 g 0 G'];
  const glyphs = new Map<string, MathGlyph>();
  const closers: string[] = [];
  let box: MathDrawing['box'] | undefined;
  let consumed = 0;
  for (const match of svg.matchAll(TAG)) {
    if (svg.slice(consumed, match.index).trim() !== '') return undefined; // text content: not ours to draw
    consumed = match.index + match[0].length;
    const [, closing, name = '', attributeText = '', selfClosing] = match;
    if (closing) {
      out.push(closers.pop() ?? '');
      continue;
    }
    const attributes = parseAttributes(attributeText);
    if (box === undefined) {
      if (name !== 'svg') return undefined;
      box = viewBoxOf(attributes);
      if (!box) return undefined;
      closers.push('');
      continue;
    }
    const element = openElement(name, attributes, glyphs);
    if (!element) return undefined;
    out.push(element.open);
    if (selfClosing) out.push(element.close);
    else closers.push(element.close);
  }
  if (!box || closers.length > 0) return undefined;
  return { box, operators: out.filter((line) => line !== '').join('\n'), glyphs };
}

function parseAttributes(text: string): Attributes {
  return new Map([...text.matchAll(/([\w:-]+)="([^"]*)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

function viewBoxOf(attributes: Attributes): MathDrawing['box'] | undefined {
  const numbers = (attributes.get('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [x = NaN, y = NaN, width = NaN, height = NaN] = numbers;
  return numbers.length === 4 && numbers.every(Number.isFinite) ? [x, y, width, height] : undefined;
}

function openElement(name: string, attributes: Attributes, glyphs: Map<string, MathGlyph>): Element | undefined {
  for (const paint of ['fill', 'stroke']) {
    const value = attributes.get(paint);
    // An outline without fill (\boxed's frame) is a rectangle stroked in black; nothing else may be unfilled.
    const outline = paint === 'fill' && value === 'none' && name === 'rect';
    if (value !== undefined && !BLACK.has(value) && !outline) return undefined;
  }
  const transform = transformOperators(attributes.get('transform'));
  if (transform === undefined) return undefined;
  const shape = shapeOperators(name, attributes, glyphs);
  if (shape === undefined) return undefined;
  if (name === 'g' || name === 'svg')
    return transform === '' && shape === '' ? { open: '', close: '' } : { open: `q ${transform}${shape}`, close: 'Q' };
  return { open: transform === '' ? shape : `q ${transform}${shape} Q`, close: '' };
}

function shapeOperators(name: string, attributes: Attributes, glyphs: Map<string, MathGlyph>): string | undefined {
  const number = (key: string) => Number(attributes.get(key) ?? 0);
  switch (name) {
    case 'g':
      return '';
    case 'path': {
      const glyph = glyphFor(attributes.get('d') ?? '');
      if (!glyph) return undefined;
      if (!glyph.name) return glyph.glyph.operators;
      glyphs.set(glyph.name, glyph.glyph);
      return `/${glyph.name} Do`;
    }
    case 'rect': {
      const rectangle = `${format(number('x'), number('y'), number('width'), number('height'))} re`;
      if (attributes.get('fill') !== 'none') return `${rectangle} f`;
      const width = attributes.get('stroke-width');
      return width === undefined ? undefined : `${format(Number(width))} w ${rectangle} S`;
    }
    case 'line': {
      const width = attributes.get('stroke-width');
      if (width === undefined) return undefined;
      return `${format(Number(width))} w ${format(number('x1'), number('y1'))} m ${format(number('x2'), number('y2'))} l S`;
    }
    case 'svg':
      return viewportOperators(attributes);
    default:
      return undefined;
  }
}

/** A nested `<svg>` is a viewport: placed at x, y, its viewBox scaled to its size, and clipped to it. */
function viewportOperators(attributes: Attributes): string | undefined {
  const box = viewBoxOf(attributes);
  const width = Number(attributes.get('width'));
  const height = Number(attributes.get('height'));
  if (!box || !(width > 0) || !(height > 0) || !(box[2] > 0) || !(box[3] > 0)) return undefined;
  const [bx, by, bw, bh] = box;
  const sx = width / bw;
  const sy = height / bh;
  // preserveAspectRatio would centre a viewBox of another shape; MathJax never emits one.
  if (Math.abs(sx - sy) > 1e-6 * Math.max(sx, sy)) return undefined;
  const x = Number(attributes.get('x') ?? 0);
  const y = Number(attributes.get('y') ?? 0);
  return `${format(sx, 0, 0, sy, x - bx * sx, y - by * sy)} cm ${format(bx, by, bw, bh)} re W n `;
}

/** SVG transform list → `a b c d e f cm` operators, applied in the list's order. */
function transformOperators(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return '';
  const operators: string[] = [];
  let rest = text.trim();
  const item = /^([a-zA-Z]+)\s*\(([^)]*)\)[\s,]*/;
  while (rest !== '') {
    const match = item.exec(rest);
    if (!match) return undefined;
    rest = rest.slice(match[0].length);
    const args = (match[2] ?? '')
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    const matrix = transformMatrix(match[1] ?? '', args);
    if (!matrix || !matrix.every(Number.isFinite)) return undefined;
    operators.push(`${format(...matrix)} cm `);
  }
  return operators.join('');
}

function transformMatrix(name: string, args: readonly number[]): number[] | undefined {
  const [a = NaN, b, c, d, e, f] = args;
  switch (name) {
    case 'translate':
      return args.length <= 2 ? [1, 0, 0, 1, a, b ?? 0] : undefined;
    case 'scale':
      return args.length <= 2 ? [a, 0, 0, b ?? a, 0, 0] : undefined;
    case 'matrix':
      return args.length === 6 ? [a, b ?? NaN, c ?? NaN, d ?? NaN, e ?? NaN, f ?? NaN] : undefined;
    default:
      return undefined;
  }
}

/** Each distinct outline, converted once per process; its name is derived from its path, not from print order. */
const glyphCache = new Map<string, { name: string | undefined; glyph: MathGlyph }>();
const glyphNames = new Map<string, string>();

function glyphFor(data: string): { name: string | undefined; glyph: MathGlyph } | undefined {
  const cached = glyphCache.get(data);
  if (cached) return cached;
  const path = pathOperators(data);
  if (!path) return undefined;
  const candidate = `G${hash(data)}`;
  // A hash collision (never seen, but possible) leaves the second outline inline rather than misdrawn.
  const name = (glyphNames.get(candidate) ?? data) === data ? candidate : undefined;
  if (name) glyphNames.set(name, data);
  const entry = { name, glyph: { box: path.box, operators: `${path.operators} f` } };
  glyphCache.set(data, entry);
  return entry;
}

/** FNV-1a, 32 bits, in base 36. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * SVG path data → PDF path construction operators (quadratic curves become cubic ones) and a box around every point
 * (control points included, so it holds the curve). Arcs are not supported.
 */
export function pathOperators(data: string): { operators: string; box: MathGlyph['box'] } | undefined {
  const tokens = data.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const path = new PathWriter();
  let command = '';
  let index = 0;
  const next = () => Number(tokens[index++]);
  while (index < tokens.length) {
    const token = tokens[index] ?? '';
    if (/^[a-zA-Z]$/.test(token)) {
      command = token;
      index += 1;
      if (command === 'Z' || command === 'z') {
        path.close();
        continue;
      }
    } else if (command === '' || command === 'Z' || command === 'z') return undefined;
    const arity = ARITY[command.toUpperCase()];
    if (arity === undefined || index + arity > tokens.length) return undefined;
    const args = Array.from({ length: arity }, next);
    if (!args.every(Number.isFinite)) return undefined;
    path.apply(command, args);
    // Extra coordinates after a moveto are linetos.
    if (command === 'M') command = 'L';
    else if (command === 'm') command = 'l';
  }
  return { operators: path.operators.join(' '), box: path.box() };
}

const ARITY: Readonly<Record<string, number>> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2 };

class PathWriter {
  readonly operators: string[] = [];
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];
  private x = 0;
  private y = 0;
  private startX = 0;
  private startY = 0;
  /** The control point to reflect for S (cubic) or T (quadratic), and which kind it is. */
  private control: { x: number; y: number; kind: 'C' | 'Q' } | undefined;

  apply(command: string, args: readonly number[]): void {
    const relative = command === command.toLowerCase();
    const ox = relative ? this.x : 0;
    const oy = relative ? this.y : 0;
    const at = (i: number) => ({ x: (args[i] ?? 0) + ox, y: (args[i + 1] ?? 0) + oy });
    switch (command.toUpperCase()) {
      case 'M':
        return this.move(at(0));
      case 'L':
        return this.line(at(0));
      case 'H':
        return this.line({ x: (args[0] ?? 0) + ox, y: this.y });
      case 'V':
        return this.line({ x: this.x, y: (args[0] ?? 0) + oy });
      case 'C':
        return this.cubic(at(0), at(2), at(4));
      case 'S':
        return this.cubic(this.reflected('C'), at(0), at(2));
      case 'Q':
        return this.quadratic(at(0), at(2));
      case 'T':
        return this.quadratic(this.reflected('Q'), at(0));
    }
  }

  box(): MathGlyph['box'] {
    if (this.xs.length === 0) return [0, 0, 0, 0];
    return [Math.min(...this.xs), Math.min(...this.ys), Math.max(...this.xs), Math.max(...this.ys)];
  }

  close(): void {
    this.operators.push('h');
    this.x = this.startX;
    this.y = this.startY;
    this.control = undefined;
  }

  private move(point: Point): void {
    this.include(point);
    this.operators.push(`${formatPoint(point.x, point.y)} m`);
    this.x = this.startX = point.x;
    this.y = this.startY = point.y;
    this.control = undefined;
  }

  private line(point: Point): void {
    this.include(point);
    this.operators.push(`${formatPoint(point.x, point.y)} l`);
    this.x = point.x;
    this.y = point.y;
    this.control = undefined;
  }

  private cubic(c1: Point, c2: Point, end: Point): void {
    [c1, c2, end].forEach((point) => this.include(point));
    this.operators.push(`${formatPoint(c1.x, c1.y, c2.x, c2.y, end.x, end.y)} c`);
    this.x = end.x;
    this.y = end.y;
    this.control = { ...c2, kind: 'C' };
  }

  private quadratic(control: Point, end: Point): void {
    const c1 = { x: this.x + (2 / 3) * (control.x - this.x), y: this.y + (2 / 3) * (control.y - this.y) };
    const c2 = { x: end.x + (2 / 3) * (control.x - end.x), y: end.y + (2 / 3) * (control.y - end.y) };
    [c1, c2, end].forEach((point) => this.include(point));
    this.operators.push(`${formatPoint(c1.x, c1.y, c2.x, c2.y, end.x, end.y)} c`);
    this.x = end.x;
    this.y = end.y;
    this.control = { ...control, kind: 'Q' };
  }

  private include(point: Point): void {
    this.xs.push(point.x);
    this.ys.push(point.y);
  }

  private reflected(kind: 'C' | 'Q'): Point {
    if (this.control?.kind !== kind) return { x: this.x, y: this.y };
    return { x: 2 * this.x - this.control.x, y: 2 * this.y - this.control.y };
  }
}

interface Point {
  readonly x: number;
  readonly y: number;
}

function format(...numbers: readonly number[]): string {
  return numbers.map((n) => round(n, 1000)).join(' ');
}

/**
 * Path coordinates are in MathJax's font units (1/1000 em, about 0.01 pt at exam sizes): a tenth of one is far below
 * what a printer resolves, and shorter numbers keep the PDF small.
 */
function formatPoint(...numbers: readonly number[]): string {
  return numbers.map((n) => round(n, 10)).join(' ');
}

function round(n: number, precision: number): string {
  const text = (Math.round(n * precision) / precision).toString();
  return text === '-0' ? '0' : text;
}
