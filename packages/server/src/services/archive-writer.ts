import type { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { strToU8, Zip, ZipDeflate } from 'fflate';

/** One file of an archive, as its manifest lists it. */
export interface ArchiveFile {
  readonly path: string;
  readonly description: string;
  /** Data rows (CSV, without the header) or items (JSON arrays). */
  readonly rows?: number;
}

/** A file to write at once, with its manifest entry (a CSV's rows are counted when not given). */
export interface ArchiveEntry extends ArchiveFile {
  readonly text: string;
}

/**
 * Writes a `.zip` into a stream, one file after another, each deflated as its chunks arrive, and waits for the
 * reader whenever the stream's buffer is full: memory stays at what one chunk and the buffer hold. Keeps the list of
 * files written, for a manifest. Stops with an error once the reader has gone.
 *
 * @example
 * const writer = new ArchiveWriter(output);
 * await writer.write({ path: 'a.csv', description: 'the a table', text: 'x\n1\n' });
 * writer.end();
 */
export class ArchiveWriter {
  readonly files: ArchiveFile[] = [];
  private readonly zip: Zip;

  constructor(private readonly output: PassThrough) {
    this.zip = new Zip((error, chunk, final) => {
      if (output.destroyed) return;
      if (error) output.destroy(error);
      else {
        output.write(chunk);
        if (final) output.end();
      }
    });
  }

  async write(entry: ArchiveEntry): Promise<void> {
    const rows = entry.rows ?? (entry.path.endsWith('.csv') ? countCsvRows(entry.text) : undefined);
    await this.writeChunks({ path: entry.path, description: entry.description }, [entry.text]);
    if (rows !== undefined) this.count(entry.path, rows);
  }

  /** Writes a file from text chunks, or bytes (an image). */
  async writeChunks(
    file: ArchiveFile,
    chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  ): Promise<void> {
    const deflate = new ZipDeflate(file.path, { level: 6 });
    this.zip.add(deflate);
    this.files.push(file);
    for await (const chunk of chunks) {
      deflate.push(typeof chunk === 'string' ? strToU8(chunk) : chunk);
      await this.drained();
    }
    deflate.push(new Uint8Array(0), true);
  }

  /** Sets the rows the manifest gives for a file already written. */
  count(path: string, rows: number): void {
    const index = this.files.findIndex((file) => file.path === path);
    const file = this.files[index];
    if (file) this.files[index] = { ...file, rows };
  }

  /** The rows of every file with this name, in whatever folder (one per sitting). */
  total(name: string): number {
    return this.files
      .filter((file) => file.path === name || file.path.endsWith(`/${name}`))
      .reduce((sum, file) => sum + (file.rows ?? 0), 0);
  }

  end(): void {
    this.zip.end();
  }

  private async drained(): Promise<void> {
    if (this.output.destroyed) throw new Error('the archive’s reader went away');
    if (!this.output.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.output.off('drain', done).off('close', done);
        resolve();
      };
      this.output.on('drain', done).on('close', done);
    });
  }
}

/** Data rows of a CSV we wrote: parsed, since a typed answer may hold line breaks. */
function countCsvRows(text: string): number {
  return Math.max(0, (parse(text, { relax_column_count: true }) as unknown[]).length - 1);
}
