import { describe, expect, it } from 'vitest';
import { decodeBase64, ImportAssets } from './import-assets.js';

describe('ImportAssets', () => {
  it('names files safely under images/, one file for the same bytes, a new name for other bytes', () => {
    const assets = new ImportAssets();
    expect(assets.add('../../Net Diagram.PNG', new Uint8Array([1]))).toBe('images/net-diagram.png');
    expect(assets.add('net diagram.png', new Uint8Array([1]))).toBe('images/net-diagram.png');
    expect(assets.add('net%20diagram.png', new Uint8Array([2]))).toBe('images/net-diagram-2.png');
    expect(assets.list().map((asset) => asset.path)).toEqual(['images/net-diagram.png', 'images/net-diagram-2.png']);
  });

  it('stores a data: URI image and refuses one that is not base64 image data', () => {
    const assets = new ImportAssets();
    expect(assets.addDataUri('data:image/png;base64,iVBORw0KGgo=')).toBe('images/image.png');
    expect([...(assets.list()[0]?.bytes ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(assets.addDataUri('data:text/html;base64,PGI+')).toBeUndefined();
    expect(assets.addDataUri('data:image/png,rawtext')).toBeUndefined();
  });

  it('decodes base64 with line breaks as XML holds it', () => {
    expect([...(decodeBase64('SGVs\n bG8=') ?? [])]).toEqual([72, 101, 108, 108, 111]);
    expect(decodeBase64('not base64!')).toBeUndefined();
  });
});
