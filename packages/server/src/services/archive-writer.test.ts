import { PassThrough } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArchiveWriter } from './archive-writer.js';

/** Random text deflates poorly, so the zip is about as large as the text: the stream's buffer fills. */
const noise = (length: number) =>
  Array.from({ length }, (_, index) => String.fromCharCode(33 + ((index * 7919) % 89) + (index % 3))).join('');

describe('ArchiveWriter', () => {
  it('writes files in order, counts CSV rows (line breaks inside cells too) and waits for a slow reader', async () => {
    const output = new PassThrough({ highWaterMark: 1024 });
    const writer = new ArchiveWriter(output);
    const chunks: Buffer[] = [];
    const written = (async () => {
      await writer.write({ path: 'a.csv', description: 'a', text: 'x,y\n1,"two\nlines"\n3,4\n' });
      await writer.writeChunks({ path: 'big.txt', description: 'big' }, [noise(200_000), noise(100_000)]);
      writer.end();
    })();
    // Nothing is read for a while: the writer must be waiting, not buffering the whole archive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(output.readableLength).toBeLessThan(100_000);
    for await (const chunk of output) chunks.push(chunk as Buffer);
    await written;
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(Object.keys(files)).toEqual(['a.csv', 'big.txt']);
    expect(strFromU8(files['big.txt']!)).toBe(noise(200_000) + noise(100_000));
    expect(writer.files).toEqual([
      { path: 'a.csv', description: 'a', rows: 2 },
      { path: 'big.txt', description: 'big' },
    ]);
    expect(writer.total('a.csv')).toBe(2);
  });

  it('stops with an error once the reader has gone', async () => {
    const output = new PassThrough({ highWaterMark: 1024 });
    const writer = new ArchiveWriter(output);
    const writing = writer.writeChunks({ path: 'big.txt', description: 'big' }, [noise(100_000), noise(100_000)]);
    output.destroy();
    await expect(writing).rejects.toThrow('went away');
  });
});
