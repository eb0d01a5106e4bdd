import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQueuedScans } from '../jobs/jobs.js';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';

/** A PNG whose header declares `width` × `height` pixels, with almost no pixel data behind it (a decompression bomb). */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit grey
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1000))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real JPEG with the size in its frame header rewritten to `width` × `height`. */
async function jpegDeclaring(width: number, height: number): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
    .jpeg()
    .toBuffer();
  const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(height, frame + 5);
  jpeg.writeUInt16BE(width, frame + 7);
  return jpeg;
}

async function pdfOf(pages: number, size: [number, number] = [595, 842]): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) document.addPage(size);
  return Buffer.from(await document.save());
}

/** An A4 page that is one deflated image declaring 30,000 × 42,000 pixels: fine at upload, a bomb when read. */
async function pdfWithImageBomb(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([600, 840]);
  const image = document.context.stream(deflateSync(Buffer.alloc(100_000)), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: 30_000,
    Height: 42_000,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  page.node.setXObject(PDFName.of('Im0'), document.context.register(image));
  return Buffer.from(await document.save());
}

describe('scan files that are broken, lie about themselves or are bombs', () => {
  let world: TestWorld;
  let instructor: TestClient;
  beforeAll(async () => {
    world = await createTestWorld('sqlite');
    world.clock.set(T0);
    instructor = await world.logIn('instructor');
  });
  afterAll(() => world.close());

  const upload = (name: string, data: Buffer, type: string) =>
    instructor.upload(`/api/sittings/${world.sitting.id}/scans?name=${name}`, data, type);

  it.each([
    ['a PDF that is only a header', () => Buffer.from('%PDF-1.7\n%garbage that is no PDF'), 'application/pdf', 422],
    [
      'a PNG with nothing behind its signature',
      () => Buffer.from('\x89PNG\r\n\x1a\nnot an image', 'latin1'),
      'image/png',
      422,
    ],
    ['a JPEG with nothing behind its marker', () => Buffer.from([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]), 'image/jpeg', 422],
    ['a PNG declaring 30,000 × 30,000 pixels', () => pngDeclaring(30_000, 30_000), 'image/png', 413],
    ['a JPEG declaring 60,000 × 60,000 pixels', () => jpegDeclaring(60_000, 60_000), 'image/jpeg', 413],
    ['a PDF of 1,001 pages', () => pdfOf(1001), 'application/pdf', 413],
    ['a PDF page 5 m wide', () => pdfOf(1, [14_400, 14_400]), 'application/pdf', 413],
  ] as const)('refuses %s with a message', async (name, make, type, status) => {
    const reply = await upload('bad-file', await make(), type);
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(reply.body).toMatchObject({ code: expect.any(String), message: expect.stringContaining('bad-file') });
  });

  it('fails a batch whose file turns out bad when read, with the reason for the instructor, and reads on', async () => {
    const pdf = await pdfOf(3);
    const truncated = pdf.subarray(0, Math.floor(pdf.length * 0.6));
    const bomb = await pdfWithImageBomb();
    const png = pngDeclaring(400, 400); // a sound header, but the pixel data ends after a few rows
    const ids: string[] = [];
    for (const [name, data, type] of [
      ['truncated.pdf', truncated, 'application/pdf'],
      ['image-bomb.pdf', bomb, 'application/pdf'],
      ['short.png', png, 'image/png'],
    ] as const) {
      const reply = await upload(name, data, type);
      expect(reply.status, `${name}: ${JSON.stringify(reply.body)}`).toBeLessThan(500);
      if (reply.status === 202) ids.push(reply.body.id);
      else expect(reply.body).toMatchObject({ code: expect.any(String), message: expect.stringContaining(name) });
    }
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const errors: unknown[] = [];
    await readQueuedScans(world.context).catch((error: unknown) => errors.push(error));
    while ((await instructor.get(`/api/sittings/${world.sitting.id}/scans`)).body.some(queued)) {
      await readQueuedScans(world.context).catch((error: unknown) => errors.push(error));
    }
    const batches = (await instructor.get(`/api/sittings/${world.sitting.id}/scans`)).body as {
      id: string;
      fileName: string;
      status: string;
      error?: string;
    }[];
    const bombBatch = batches.find((batch) => batch.fileName === 'image-bomb.pdf');
    expect(bombBatch).toMatchObject({ status: 'failed', error: expect.stringMatching(/megapixels/) });
    const shortBatch = batches.find((batch) => batch.fileName === 'short.png');
    expect(shortBatch).toMatchObject({ status: 'failed', error: expect.stringContaining('short.png') });
    expect(errors).toEqual([]);
    expect((await instructor.get('/api/exams')).status).toBe(200);
  });
});

const queued = (batch: { status: string }) => batch.status === 'queued' || batch.status === 'running';
