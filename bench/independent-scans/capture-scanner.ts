/**
 * Captures by a scanner: a flatbed (page laid against the guide, lid closed), an office feeder (the sheet pulled
 * through skews and slips, the backing shows around it, dust on the glass draws a line down the whole page, JPEG to keep
 * files small), and a photocopy scanned on a flatbed (the copier boosts contrast so light greys vanish and darks merge,
 * prints through a halftone screen, scatters toner specks, streaks from a dirty drum or a starved toner roller, may
 * reduce or enlarge, and cannot print its last few millimetres).
 */
import { blur, encodeJpeg, encodePng, PAGE, printedAreaCut, quantise, resample, warp } from './capture-common.js';
import type { Captured } from './capture.js';
import { compose, invert, rotate, scale, translate, type Matrix3 } from './homography.js';
import { PX_PER_MM, RENDER_DPI, type Raster } from './ink.js';
import { gaussianStream, type Rng } from './random.js';

const MM = 72 / 25.4;
const DEGREE = Math.PI / 180;

/** Page points to frame pixels: turned about the page's centre, shifted, then sampled at `dpi` (x and y). */
function placement(angle: number, shiftX: number, shiftY: number, xDpi: number, yDpi: number, margin = 0): Matrix3 {
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  return compose(
    scale(xDpi / 72, yDpi / 72),
    translate(cx + shiftX + margin, cy + shiftY + margin),
    rotate(angle),
    translate(-cx, -cy),
  );
}

interface Sensor {
  readonly blur: number;
  readonly white: number;
  readonly black: number;
  readonly noise: number;
}

/** A scanner's lamp, lens and sensor: optical blur, black and white levels, a little noise. */
async function sense(
  values: Float32Array,
  width: number,
  height: number,
  sensor: Sensor,
  random: Rng,
): Promise<Raster> {
  const blurred = await blur(quantise(values, width, height), sensor.blur);
  const gauss = gaussianStream(random.salt());
  const pixels = new Uint8Array(blurred.pixels.length);
  for (let index = 0; index < pixels.length; index += 1) {
    const value = sensor.black + ((sensor.white - sensor.black) * (blurred.pixels[index] ?? 0)) / 255;
    pixels[index] = Math.min(255, Math.max(0, Math.round(value + sensor.noise * gauss())));
  }
  return { width, height, pixels };
}

export async function flatbed(page: Raster, dpi: number, random: Rng): Promise<Captured> {
  const angle = random.normal(0, 0.15) * DEGREE;
  const pageToImage = placement(angle, random.uniform(0, 1.5) * MM, random.uniform(0, 1.5) * MM, dpi, dpi);
  const width = Math.round((PAGE.width * dpi) / 72);
  const height = Math.round((PAGE.height * dpi) / 72);
  const source = await resample(page, RENDER_DPI, dpi);
  const values = warp(source, { x: dpi, y: dpi }, pageToImage, width, height, () => 252);
  const sensor = {
    blur: random.uniform(0.35, 0.6),
    white: random.uniform(240, 252),
    black: random.uniform(6, 18),
    noise: random.uniform(0.8, 2),
  };
  const image = await sense(values, width, height, sensor, random);
  return {
    file: await encodePng(image),
    format: 'png',
    dpi,
    cut: printedAreaCut(pageToImage, width, height),
    pageToImage,
    settings: { angleDeg: round(angle / DEGREE), ...roundAll(sensor) },
  };
}

export async function feeder(page: Raster, dpi: number, random: Rng): Promise<Captured> {
  const angle = random.uniform(-2, 2) * DEGREE;
  // The frame overscans the page by 4 mm a side; the feed rollers stretch or squash the page along its travel.
  const overscan = 4 * MM;
  const stretch = 1 + random.uniform(-0.006, 0.006);
  const pageToImage = placement(
    angle,
    random.uniform(-2, 2) * MM,
    random.uniform(-2, 2) * MM,
    dpi,
    dpi * stretch,
    overscan,
  );
  const width = Math.round(((PAGE.width + 2 * overscan) * dpi) / 72);
  const height = Math.round(((PAGE.height + 2 * overscan) * dpi) / 72);
  const backing = random.chance(0.25) ? random.uniform(25, 70) : random.uniform(200, 245);
  const source = await resample(page, RENDER_DPI, dpi);
  const values = warp(source, { x: dpi, y: dpi }, pageToImage, width, height, () => backing);
  const sensor = {
    blur: random.uniform(0.45, 0.8),
    white: random.uniform(232, 250),
    black: random.uniform(10, 25),
    noise: random.uniform(1.5, 3.5),
  };
  const image = await sense(values, width, height, sensor, random);
  const dust = random.chance(0.35);
  if (dust) {
    const x = random.int(0, width - 1);
    const strength = random.uniform(0.15, 0.5);
    for (let y = 0; y < height; y += 1) {
      const index = y * width + x;
      image.pixels[index] = Math.round((image.pixels[index] ?? 0) * (1 - strength));
    }
  }
  const quality = random.int(75, 90);
  const file = await encodeJpeg(image, quality);
  return {
    file,
    format: 'jpeg',
    dpi,
    cut: printedAreaCut(pageToImage, width, height),
    pageToImage,
    settings: {
      angleDeg: round(angle / DEGREE),
      quality,
      backing: Math.round(backing),
      dust: dust ? 1 : 0,
      ...roundAll(sensor),
    },
  };
}

export async function photocopy(page: Raster, dpi: number, random: Rng): Promise<Captured> {
  // The copier's own optics blur a little before its contrast curve and screen.
  const copied = copierPrint(await blur(page, 0.8), random);
  // The copy: reduced or enlarged about its centre, a little turned and shifted on the copy sheet (page points).
  const zoom = random.pick([0.97, 0.98, 1, 1, 1, 1, 1.01]) * (1 + random.normal(0, 0.002));
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  const copy = compose(
    translate(cx + random.uniform(-2, 2) * MM, cy + random.uniform(-2, 2) * MM),
    rotate(random.uniform(-1, 1) * DEGREE),
    scale(zoom),
    translate(-cx, -cy),
  );
  const scanned = placement(
    random.normal(0, 0.2) * DEGREE,
    random.uniform(0, 1.5) * MM,
    random.uniform(0, 1.5) * MM,
    dpi,
    dpi,
  );
  const pageToImage = compose(scanned, copy);
  const width = Math.round((PAGE.width * dpi) / 72);
  const height = Math.round((PAGE.height * dpi) / 72);
  const source = await resample(copied.raster, RENDER_DPI, dpi);
  const values = warp(source, { x: dpi, y: dpi }, pageToImage, width, height, () => 250);
  // Nothing is printed within the copier's last 4 mm of the copy sheet.
  const unprintable = 4 * MM;
  // The scan of the copy is affine: copy-sheet coordinates step linearly along a row.
  const [a, b, c, d, e, f] = invert(scanned);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const cx = a * (x + 0.5) + b * (y + 0.5) + c;
      const cy = d * (x + 0.5) + e * (y + 0.5) + f;
      if (cx < unprintable || cy < unprintable || cx > PAGE.width - unprintable || cy > PAGE.height - unprintable)
        values[y * width + x] = 250;
    }
  const sensor = {
    blur: random.uniform(0.35, 0.6),
    white: random.uniform(240, 252),
    black: random.uniform(6, 18),
    noise: random.uniform(0.8, 2),
  };
  const image = await sense(values, width, height, sensor, random);
  const cut = lostToMargin(copy, unprintable) || printedAreaCut(pageToImage, width, height);
  return {
    file: await encodePng(image),
    format: 'png',
    dpi,
    cut,
    pageToImage,
    settings: { zoom: round(zoom), ...copied.settings, ...roundAll(sensor) },
  };
}

/** Whether the copy put a corner of the printed area into the copier's unprintable border. */
function lostToMargin(copy: Matrix3, unprintable: number): boolean {
  return printedAreaCut(
    compose(translate(-unprintable, -unprintable), copy),
    PAGE.width - 2 * unprintable,
    PAGE.height - 2 * unprintable,
  );
}

/** The copier's own scan and print of the page, in the original's 400 dpi grid. */
function copierPrint(page: Raster, random: Rng): { raster: Raster; settings: Record<string, number> } {
  const { width, height } = page;
  const pixels = new Uint8Array(page.pixels);
  const white = random.uniform(0.75, 0.9);
  const black = random.uniform(0.05, 0.14);
  const gamma = random.uniform(1.1, 1.6);
  const curve = Array.from(
    { length: 256 },
    (_, v) => 255 * Math.min(1, Math.max(0, (v / 255 - black) / (white - black))) ** gamma,
  );
  const halftone = random.chance(0.4);
  // A 45° clustered-dot screen of about 95 lines per inch (period 6 px at 400 dpi).
  const period = 6;
  const screen = Array.from({ length: period * period }, (_, k) => {
    const x = k % period;
    const y = Math.floor(k / period);
    const spot =
      (Math.cos((2 * Math.PI * (x + y + 0.5)) / period) + Math.cos((2 * Math.PI * (x - y)) / period)) / 4 + 0.5;
    return 255 * (0.04 + 0.92 * spot);
  });
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      const toned = curve[pixels[index] ?? 255] ?? 255;
      pixels[index] = halftone
        ? toned > (screen[(y % period) * period + (x % period)] ?? 128)
          ? 255
          : 0
        : Math.round(toned);
    }
  const specks = random.int(30, 400);
  for (let k = 0; k < specks; k += 1) {
    const sx = random.uniform(0, width);
    const sy = random.uniform(0, height);
    const radius = random.uniform(0.5, 2.2);
    const strength = random.uniform(0.5, 1);
    for (let y = Math.floor(sy - radius); y <= Math.ceil(sy + radius); y += 1)
      for (let x = Math.floor(sx - radius); x <= Math.ceil(sx + radius); x += 1) {
        if (x < 0 || y < 0 || x >= width || y >= height || (x + 0.5 - sx) ** 2 + (y + 0.5 - sy) ** 2 > radius ** 2)
          continue;
        pixels[y * width + x] = Math.round((pixels[y * width + x] ?? 255) * (1 - strength));
      }
  }
  const drumStreak = random.chance(0.5);
  if (drumStreak) {
    const x0 = random.int(0, width - 5);
    const lineWidth = random.int(1, 4);
    const strength = random.uniform(0.08, 0.35);
    const from = random.chance(0.5) ? 0 : random.int(0, height / 2);
    for (let y = from; y < height; y += 1)
      for (let x = x0; x < x0 + lineWidth; x += 1)
        pixels[y * width + x] = Math.round((pixels[y * width + x] ?? 255) * (1 - strength));
  }
  const starved = random.chance(0.3);
  if (starved) {
    const bandWidth = Math.round(random.uniform(5, 25) * PX_PER_MM);
    const x0 = random.int(0, width - bandWidth);
    const lift = random.uniform(0.15, 0.35);
    for (let y = 0; y < height; y += 1)
      for (let x = x0; x < x0 + bandWidth; x += 1) {
        const value = pixels[y * width + x] ?? 255;
        pixels[y * width + x] = Math.round(value + (255 - value) * lift);
      }
  }
  return {
    raster: { width, height, pixels },
    settings: {
      copyWhite: round(white),
      copyBlack: round(black),
      copyGamma: round(gamma),
      halftone: halftone ? 1 : 0,
      specks,
      drumStreak: drumStreak ? 1 : 0,
      starved: starved ? 1 : 0,
    },
  };
}

export const round = (value: number): number => Math.round(value * 1000) / 1000;

export function roundAll(values: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, round(value)]));
}
