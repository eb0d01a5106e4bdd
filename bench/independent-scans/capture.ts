/** The ways a marked page reaches the reader, from a careful flatbed scan to a bad phone photo. */
import { camera } from './capture-camera.js';
import { fax } from './capture-fax.js';
import { feeder, flatbed, photocopy } from './capture-scanner.js';
import type { Matrix3 } from './homography.js';
import type { Raster } from './ink.js';
import type { Rng } from './random.js';

export type CaptureKind = 'clean' | 'office' | 'fax' | 'photocopy' | 'phone' | 'harsh';

export const CAPTURE_KINDS: readonly CaptureKind[] = ['clean', 'office', 'fax', 'photocopy', 'phone', 'harsh'];

export interface Captured {
  /** What the scanner, fax or phone delivered. */
  readonly file: Buffer;
  readonly format: 'png' | 'jpeg';
  /** Horizontal resolution on the page (a photo's: its mean scale). */
  readonly dpi: number;
  /** Part of the printed area is outside the image. */
  readonly cut: boolean;
  /** Page points to image pixels (for crops around a bubble). */
  readonly pageToImage: Matrix3;
  /** The draws that shaped this capture, for a person looking into a failure. */
  readonly settings: Readonly<Record<string, number | string>>;
}

/** Captures the 400 dpi marked page as `kind` at `dpi` (the fax's resolution is its own). */
export function capture(kind: CaptureKind, dpi: number, page: Raster, random: Rng): Promise<Captured> {
  switch (kind) {
    case 'clean':
      return flatbed(page, dpi, random);
    case 'office':
      return feeder(page, dpi, random);
    case 'fax':
      return fax(page, random);
    case 'photocopy':
      return photocopy(page, dpi, random);
    case 'phone':
      return camera(page, dpi, false, random);
    case 'harsh':
      return camera(page, dpi, true, random);
  }
}
