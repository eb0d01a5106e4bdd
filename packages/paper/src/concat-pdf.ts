import { createHash } from 'node:crypto';
import { PRINT_DATE } from './pdf-document.js';

interface PdfObject {
  readonly id: number;
  /** The object's text up to its stream data (dictionaries, arrays, numbers, names). */
  readonly head: string;
  /** From the stream keyword to `endobj`, untouched; empty for an object without a stream. */
  readonly tail: Buffer;
}

interface ParsedPdf {
  readonly objects: readonly PdfObject[];
  readonly size: number;
  readonly pages: number;
}

/**
 * Joins PDFs written by this package (PDFKit: one classic xref table, no object streams, no incremental updates) into
 * one, page order kept: each part's objects are renumbered, its page tree hangs under a new root, and a new catalog and
 * info dictionary replace the parts' own. Lets a merged print job be rendered in parts on several threads. Not a
 * general PDF merger: it refuses input it does not recognise.
 *
 * @example
 * writeFileSync('all.pdf', concatPdfs([first, second], 'Answer sheets'));
 */
export function concatPdfs(parts: readonly Buffer[], title: string): Buffer {
  const parsed = parts.map(parsePdf);
  const out = new PdfWriter();
  const kids: number[] = [];
  let shift = 0;
  const total = parsed.reduce((sum, part) => sum + part.size - 1, 0);
  const root = total + 1;
  for (const part of parsed) {
    for (const object of part.objects) {
      let head = renumber(object.head, shift);
      if (/\/Type \/Pages\b/.test(head) && !/\/Parent /.test(head)) {
        kids.push(object.id + shift);
        head = head.replace('/Type /Pages', `/Type /Pages\n/Parent ${root} 0 R`);
      }
      out.object(object.id + shift, head, object.tail);
    }
    shift += part.size - 1;
  }
  const pages = parsed.reduce((sum, part) => sum + part.pages, 0);
  const kidRefs = kids.map((id) => `${id} 0 R`).join(' ');
  out.object(root, `<<\n/Type /Pages\n/Count ${pages}\n/Kids [${kidRefs}]\n>>`);
  out.object(root + 1, `<<\n/Type /Catalog\n/Pages ${root} 0 R\n>>`);
  const info = `<<\n/Title ${pdfText(title)}\n/Producer (Examforge)\n/Creator (Examforge)\n/CreationDate (${pdfDate(PRINT_DATE)})\n>>`;
  out.object(root + 2, info);
  const id = createHash('md5')
    .update(parts.map((part) => createHash('md5').update(part).digest('hex')).join())
    .digest('hex');
  return out.finish({ root: root + 1, info: root + 2, id });
}

function parsePdf(pdf: Buffer): ParsedPdf {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? NaN);
  const xref = /^xref\n0 (\d+)\n/.exec(text.slice(start, start + 32));
  if (!xref) throw new Error('concatPdfs: not a PDF written by PDFKit (no classic xref table)');
  const size = Number(xref[1]);
  const offsets: { id: number; offset: number }[] = [];
  const table = text.slice(start + xref[0].length, start + xref[0].length + size * 20);
  for (const [index, line] of table.split('\n').entries()) {
    const entry = /^(\d{10}) (\d{5}) n/.exec(line);
    if (entry) offsets.push({ id: index, offset: Number(entry[1]) });
  }
  offsets.sort((a, b) => a.offset - b.offset);
  const objects = offsets.map(({ id, offset }, index) => {
    const end = offsets[index + 1]?.offset ?? start;
    return splitObject(pdf, text, id, offset, end);
  });
  const pages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(text)?.[1] ?? NaN);
  if (!Number.isInteger(pages)) throw new Error('concatPdfs: no page tree');
  return { objects, size, pages };
}

function splitObject(pdf: Buffer, text: string, id: number, offset: number, end: number): PdfObject {
  const header = `${id} 0 obj\n`;
  if (text.slice(offset, offset + header.length) !== header)
    throw new Error(`concatPdfs: object ${id} is not at its offset`);
  const body = offset + header.length;
  const stream = text.indexOf('\nstream\n', body);
  if (stream >= 0 && stream < end) return { id, head: text.slice(body, stream), tail: pdf.subarray(stream, end) };
  return { id, head: text.slice(body, end).replace(/\s*endobj\s*$/, ''), tail: Buffer.alloc(0) };
}

/**
 * Shifts every indirect reference in an object's head. A string object (a value of the info dictionary) is kept as
 * written: its text could contain something that looks like a reference.
 */
function renumber(head: string, shift: number): string {
  if (/^\s*\(/.test(head) || /^\s*<[^<]/.test(head)) return head;
  return head.replace(/\b(\d+) 0 R\b/g, (_, id: string) => `${Number(id) + shift} 0 R`);
}

class PdfWriter {
  private readonly chunks: Buffer[] = [Buffer.from('%PDF-1.3\n%\xFF\xFF\xFF\xFF\n', 'latin1')];
  private length = this.chunks[0]?.length ?? 0;
  private readonly offsets = new Map<number, number>();

  object(id: number, head: string, tail?: Buffer): void {
    this.offsets.set(id, this.length);
    this.push(Buffer.from(`${id} 0 obj\n${head}`, 'latin1'));
    this.push(tail && tail.length > 0 ? tail : Buffer.from('\nendobj\n', 'latin1'));
  }

  finish(trailer: { root: number; info: number; id: string }): Buffer {
    const size = Math.max(...this.offsets.keys()) + 1;
    const start = this.length;
    const lines = ['xref', `0 ${size}`, '0000000000 65535 f '];
    for (let id = 1; id < size; id += 1) {
      const offset = this.offsets.get(id);
      lines.push(offset === undefined ? '0000000000 65535 f ' : `${String(offset).padStart(10, '0')} 00000 n `);
    }
    lines.push(
      'trailer',
      `<<\n/Size ${size}\n/Root ${trailer.root} 0 R\n/Info ${trailer.info} 0 R\n/ID [<${trailer.id}> <${trailer.id}>]\n>>`,
      'startxref',
      String(start),
      '%%EOF',
    );
    this.push(Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    return Buffer.concat(this.chunks);
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}

/** A PDF text string: UTF-16BE with a byte-order mark, in hex (any title, any script). */
function pdfText(text: string): string {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  return `<${bytes.toString('hex')}>`;
}

function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
