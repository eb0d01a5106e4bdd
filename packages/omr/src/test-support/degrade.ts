import { seededRandom } from '@examforge/core';
import sharp from 'sharp';
import type { GreyImage } from '../grey-image.js';

/**
 * What happened to a page between the printer and the reader: how it lay on the scanner, how sharp the optics were,
 * how evenly it was lit, sensor noise, and how the scan was stored. Lengths are in pixels of the scan.
 */
export interface Degradation {
  /** The scan bed is larger than the page by this many pixels on each side, so a turned page keeps its corners. */
  readonly margin: number;
  /** Degrees, about the page centre. */
  readonly rotation: number;
  readonly scale: number;
  readonly shiftX: number;
  readonly shiftY: number;
  /** Gaussian blur sigma; 0 for none. */
  readonly blur: number;
  /** Standard deviation of Gaussian sensor noise, in grey levels. */
  readonly noise: number;
  /** Uneven lighting: the darkest edge keeps this share of the light, fading linearly to full light across the page. */
  readonly darkestLight: number;
  /** Direction in which the light falls off, radians. */
  readonly lightAngle: number;
  /** JPEG quality of a greyscale scan; undefined for a lossless one. */
  readonly jpegQuality?: number;
  /** A black-and-white scan: grey levels below this become black, the rest white. */
  readonly threshold?: number;
}

export type ScanMode = 'grey' | 'bw';

/**
 * A seeded, plausible degradation for a page scanned at `dpi` on a bed 9 % of the page's width larger on each side:
 * rotation up to ±5°, scale 0.97–1.03, shift up to 2 % of the page, blur (scaled with dpi), noise, and for greyscale
 * scans uneven lighting (one side up to 40 % darker) and JPEG at quality 40–85. A black-and-white scan is thresholded
 * at the scanner's "darker" setting (grey 170–200): at a default mid-grey threshold light pencil vanishes from the
 * scan and no reader can see it.
 *
 * Blur reaches 1.5 px at 200 dpi on a greyscale scan but half that on a black-and-white one. A black-and-white scan
 * thresholds the optical image, so blur there is not a softening a reader can see through: a thin light pencil
 * stroke (35 % darkness, a fifth of the radius wide) blurred by more than about 0.75 px peaks lighter than a low
 * threshold and is erased or broken into dashes (a cross reads as a tick or as nothing), and at a high threshold the
 * blurred ring swells over a stroke lying along it and closes the bare crescent of a partial fill. The scan then
 * shows something other than what was drawn, and a person could not read the mark as drawn either; measured on the
 * tuning surveys, almost every black-and-white misreading and review came from such scans.
 */
export function randomDegradation(seed: string, dpi: number, mode: ScanMode, pageWidth: number): Degradation {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + random() * (high - low);
  const common = {
    margin: Math.round(0.09 * pageWidth),
    rotation: between(-5, 5),
    scale: between(0.97, 1.03),
    shiftX: between(-0.02, 0.02) * pageWidth,
    shiftY: between(-0.02, 0.02) * pageWidth,
    blur: (between(0, mode === 'bw' ? 0.75 : 1.5) * dpi) / 200,
    noise: between(2, 6),
    lightAngle: between(0, 2 * Math.PI),
  };
  if (mode === 'bw') return { ...common, darkestLight: between(0.92, 1), threshold: Math.round(between(170, 200)) };
  return {
    ...common,
    darkestLight: random() < 0.5 ? between(0.6, 0.7) : between(0.85, 1),
    jpegQuality: Math.round(between(40, 85)),
  };
}

/** Applies a degradation to a copy of the image: geometry, blur, lighting and noise, then storage. */
export async function degrade(image: GreyImage, how: Degradation, seed: string): Promise<GreyImage> {
  let result: GreyImage = warp(image, how);
  if (how.blur >= 0.3) result = await gaussianBlur(result, how.blur);
  lightAndNoise(result, how, seed);
  if (how.threshold !== undefined) return threshold(result, how.threshold);
  if (how.jpegQuality !== undefined) return jpeg(result, how.jpegQuality);
  return result;
}

/**
 * The page laid on a larger scan bed: rotation about the page centre, scale and shift, sampled bilinearly; the bed
 * around the page is white.
 */
export function warp(image: GreyImage, how: Pick<Degradation, 'margin' | 'rotation' | 'scale' | 'shiftX' | 'shiftY'>) {
  const { width, height, pixels } = image;
  const [outWidth, outHeight] = [width + 2 * how.margin, height + 2 * how.margin];
  const out = new Uint8Array(outWidth * outHeight);
  const angle = (how.rotation * Math.PI) / 180;
  // The inverse map: for each output pixel, where it came from.
  const cos = Math.cos(angle) / how.scale;
  const sin = Math.sin(angle) / how.scale;
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < outHeight; y += 1) {
    const dy = y - how.margin - cy - how.shiftY;
    for (let x = 0; x < outWidth; x += 1) {
      const dx = x - how.margin - cx - how.shiftX;
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
        out[y * outWidth + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = (pixels[i] ?? 255) * (1 - fx) + (pixels[i + 1] ?? 255) * fx;
      const bottom = (pixels[i + width] ?? 255) * (1 - fx) + (pixels[i + width + 1] ?? 255) * fx;
      out[y * outWidth + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width: outWidth, height: outHeight, pixels: out };
}

function lightAndNoise(image: GreyImage, how: Degradation, seed: string): void {
  const { width, height, pixels } = image;
  const noise = gaussianTable(seed, how.noise);
  const ux = Math.cos(how.lightAngle);
  const uy = Math.sin(how.lightAngle);
  // Projections of the corners on the light direction give the range over which light falls off.
  const ends = [0, width * ux, height * uy, width * ux + height * uy];
  const low = Math.min(...ends);
  const span = Math.max(...ends) - low || 1;
  const loss = 1 - how.darkestLight;
  let state = Math.floor(seededRandom(`${seed}-pick`)() * 0x7fffffff) | 1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const light = 1 - (loss * (x * ux + y * uy - low)) / span;
      // A cheap xorshift picks from the table: the noise need only be seeded and unstructured.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const i = y * width + x;
      const value = (pixels[i] ?? 255) * light + (noise[(state >>> 0) & (noise.length - 1)] ?? 0);
      pixels[i] = value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
    }
  }
}

/** 65,536 seeded Gaussian samples (sum of four uniforms) of the given standard deviation. */
function gaussianTable(seed: string, sigma: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from(
    { length: 65_536 },
    () => (random() + random() + random() + random() - 2) * Math.sqrt(3) * sigma,
  );
}

export function threshold(image: GreyImage, level: number): GreyImage {
  return { ...image, pixels: image.pixels.map((value) => (value < level ? 0 : 255)) };
}

/** A copy of the image blurred by a Gaussian of `sigma` pixels, as a capture's optics soften it. */
export async function gaussianBlur(image: GreyImage, sigma: number): Promise<GreyImage> {
  return fromSharp(await toSharp(image).blur(sigma).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true }));
}

/** Encodes the page as a JPEG of the given quality and decodes it back, as a scanner storing JPEG does. */
export async function jpeg(image: GreyImage, quality: number): Promise<GreyImage> {
  const encoded = await toSharp(image).jpeg({ quality }).toBuffer();
  return fromSharp(await sharp(encoded).greyscale().raw().toBuffer({ resolveWithObject: true }));
}

function toSharp(image: GreyImage) {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } });
}

function fromSharp({ data, info }: { data: Buffer; info: sharp.OutputInfo }): GreyImage {
  if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
  return { width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
