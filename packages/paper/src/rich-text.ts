import { findMath } from '@examforge/core';
import { drawMath } from './draw-math.js';
import { typesetMath } from './math-svg.js';
import { FONT } from './fonts.js';

/**
 * Markdown with TeX laid out in a PDF column: paragraphs, `- ` list items, `**bold**`, `code`, inline math set on
 * the text baseline, and display math centred on its own line. It covers what exam texts use; anything else is
 * printed as written.
 */
export interface TextBox {
  readonly x: number;
  readonly width: number;
  readonly fontSize: number;
}

/** Where the writer stands on the page, and how to get a new page when the column is full. */
export interface Cursor {
  y: number;
  readonly bottom: number;
  newPage(): number;
}

type Piece =
  | { readonly kind: 'word'; readonly text: string; readonly font: string; readonly space: boolean }
  | { readonly kind: 'math'; readonly tex: string; readonly space: boolean };

/** The size of one MathJax ex relative to the body font size, chosen so that math matches the text beside it. */
const EX = 0.47;

export function drawRichText(doc: PDFKit.PDFDocument, markdown: string, box: TextBox, cursor: Cursor): void {
  for (const block of markdown.split(/\n\s*\n/)) {
    for (const line of listLines(block))
      drawBlock(
        doc,
        line.text,
        { ...box, x: box.x + line.indent, width: box.width - line.indent },
        cursor,
        line.bullet,
      );
    cursor.y += box.fontSize * 0.5;
  }
}

function listLines(block: string): { text: string; indent: number; bullet: boolean }[] {
  const lines = block.split('\n');
  if (!lines.some((line) => /^\s*[-*]\s+/.test(line))) return [{ text: block, indent: 0, bullet: false }];
  return lines.map((line) => {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    return item ? { text: item[1] ?? '', indent: 12, bullet: true } : { text: line, indent: 12, bullet: false };
  });
}

function drawBlock(doc: PDFKit.PDFDocument, text: string, box: TextBox, cursor: Cursor, bullet: boolean): void {
  const { segments } = findMath(text);
  let position = 0;
  let pieces: Piece[] = [];
  const flushText = (until: number) => pieces.push(...words(text.slice(position, until)));
  for (const segment of segments) {
    const delimiter = segment.display ? 2 : 1;
    flushText(segment.offset - delimiter);
    if (segment.display) {
      drawPieces(doc, pieces, box, cursor, bullet);
      pieces = [];
      bullet = false;
      drawDisplayMath(doc, segment.tex, box, cursor);
    } else {
      pieces.push({ kind: 'math', tex: segment.tex, space: /\s$/.test(text.slice(0, segment.offset - 1)) });
    }
    position = segment.offset + segment.tex.length + delimiter;
  }
  flushText(text.length);
  drawPieces(doc, pieces, box, cursor, bullet);
}

function words(text: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /(\*\*[^*]+\*\*|`[^`]+`|\S+)(\s*)/g;
  let leading = /^\s/.test(text);
  for (const match of text.matchAll(pattern)) {
    const token = match[1] ?? '';
    const font = token.startsWith('**') ? FONT.bold : token.startsWith('`') ? FONT.mono : FONT.body;
    const clean = token.startsWith('**') ? token.slice(2, -2) : token.startsWith('`') ? token.slice(1, -1) : token;
    for (const [index, part] of clean.split(' ').entries())
      pieces.push({ kind: 'word', text: part, font, space: index > 0 || leading });
    leading = (match[2] ?? '') !== '';
  }
  return pieces;
}

interface Placed {
  readonly piece: Piece;
  readonly width: number;
  readonly ascent: number;
  readonly descent: number;
}

function drawPieces(
  doc: PDFKit.PDFDocument,
  pieces: readonly Piece[],
  box: TextBox,
  cursor: Cursor,
  bullet: boolean,
): void {
  if (pieces.length === 0) return;
  const size = box.fontSize;
  const ex = size * EX;
  const space = doc.font(FONT.body).fontSize(size).widthOfString(' ');
  const placed = pieces.map((piece): Placed => {
    if (piece.kind === 'word')
      return {
        piece,
        width: doc.font(piece.font).fontSize(size).widthOfString(piece.text),
        ascent: size * 0.8,
        descent: size * 0.25,
      };
    const math = typesetMath(piece.tex, false);
    return { piece, width: math.widthEx * ex, ascent: (math.heightEx - math.depthEx) * ex, descent: math.depthEx * ex };
  });
  let line: Placed[] = [];
  let lineWidth = 0;
  const flush = () => {
    drawLine(doc, line, box, cursor, space, bullet);
    bullet = false;
    line = [];
    lineWidth = 0;
  };
  for (const item of placed) {
    const gap = line.length > 0 && item.piece.space ? space : 0;
    if (line.length > 0 && lineWidth + gap + item.width > box.width) flush();
    lineWidth += (line.length > 0 && item.piece.space ? space : 0) + item.width;
    line.push(item);
  }
  if (line.length > 0) flush();
}

function drawLine(
  doc: PDFKit.PDFDocument,
  line: readonly Placed[],
  box: TextBox,
  cursor: Cursor,
  space: number,
  bullet: boolean,
): void {
  const size = box.fontSize;
  const ascent = Math.max(size * 0.8, ...line.map((item) => item.ascent));
  const descent = Math.max(size * 0.3, ...line.map((item) => item.descent));
  if (cursor.y + ascent + descent > cursor.bottom) cursor.y = cursor.newPage();
  const baseline = cursor.y + ascent;
  if (bullet)
    doc
      .font(FONT.body)
      .fontSize(size)
      .fillColor('#000000')
      .text('•', box.x - 9, baseline - size * 0.8, { lineBreak: false });
  let x = box.x;
  line.forEach((item, index) => {
    if (index > 0 && item.piece.space) x += space;
    if (item.piece.kind === 'word') {
      doc
        .font(item.piece.font)
        .fontSize(size)
        .fillColor('#000000')
        .text(item.piece.text, x, baseline - size * 0.8, { lineBreak: false });
    } else {
      const math = typesetMath(item.piece.tex, false);
      const ex = size * EX;
      const top = baseline - (math.heightEx - math.depthEx) * ex;
      drawMath(doc, math, { x, y: top, width: math.widthEx * ex, height: math.heightEx * ex });
    }
    x += item.width;
  });
  cursor.y = baseline + descent + size * 0.2;
}

function drawDisplayMath(doc: PDFKit.PDFDocument, tex: string, box: TextBox, cursor: Cursor): void {
  const math = typesetMath(tex.trim(), true);
  const ex = box.fontSize * EX;
  let width = math.widthEx * ex;
  let height = math.heightEx * ex;
  if (width > box.width) {
    height *= box.width / width;
    width = box.width;
  }
  if (cursor.y + height + 8 > cursor.bottom) cursor.y = cursor.newPage();
  drawMath(doc, math, { x: box.x + (box.width - width) / 2, y: cursor.y + 4, width, height });
  cursor.y += height + 8;
}
