/**
 * A phone photo of the sheet lying on a table. The page is a plane seen by a pinhole camera held 30–40 cm above it,
 * tilted a little (a lot, in "harsh"), so straight edges converge. Light falls off from one side and towards the
 * corners (vignetting); a head, hand or phone casts a shadow, soft when the light is broad, hard under a single lamp.
 * The sensor adds noise, worse in the dark; the phone sharpens and saves a JPEG. In "harsh" the room is dim (grey paper,
 * heavy noise), the hand moves (motion blur), and the sheet may not fit the frame, losing a corner or an edge.
 */
import {
  blur,
  encodeJpeg,
  motionBlur,
  PAGE,
  printedAreaCut,
  quantise,
  resample,
  denoiseAndSharpen,
  warp,
} from './capture-common.js';
import type { Captured } from './capture.js';
import { fromCorrespondences } from './homography.js';
import { RENDER_DPI, type Raster } from './ink.js';
import { gaussianStream, hash01, type Rng, smoothstep } from './random.js';
import { round } from './capture-scanner.js';

const DEGREE = Math.PI / 180;

export async function camera(page: Raster, dpi: number, harsh: boolean, random: Rng): Promise<Captured> {
  const distance = random.uniform(300, 420);
  const focal = (dpi / 25.4) * distance;
  const tiltX = harsh ? random.sign() * random.uniform(10, 22) : random.normal(0, 3.5);
  const tiltY = harsh ? random.normal(0, 6) : random.normal(0, 2.5);
  const spin = harsh ? random.uniform(-12, 12) : random.uniform(-4, 4);
  const fill = harsh ? random.uniform(0.84, 0.95) : random.uniform(0.86, 0.93);
  const height = Math.round((PAGE.height * dpi) / 72 / fill);
  const width = Math.round(height * 0.75);
  // Some harsh photos are framed carelessly: the sheet runs off one side or a corner.
  const offFrame = harsh && random.chance(0.35);
  const shift = offFrame
    ? {
        x: random.sign() * random.uniform(0.04, 0.12) * width * (random.chance(0.7) ? 1 : 0),
        y: random.sign() * random.uniform(0.03, 0.1) * height,
      }
    : { x: random.normal(0, 0.015) * width, y: random.normal(0, 0.015) * height };
  const pageCorners = [
    { x: 0, y: 0 },
    { x: PAGE.width, y: 0 },
    { x: PAGE.width, y: PAGE.height },
    { x: 0, y: PAGE.height },
  ];
  const frameCorners = pageCorners.map((corner) =>
    project(
      ((corner.x - PAGE.width / 2) * 25.4) / 72,
      ((corner.y - PAGE.height / 2) * 25.4) / 72,
      { tiltX: tiltX * DEGREE, tiltY: tiltY * DEGREE, spin: spin * DEGREE, distance, focal },
      { x: width / 2 + shift.x, y: height / 2 + shift.y },
    ),
  );
  const pageToImage = fromCorrespondences(pageCorners, frameCorners);
  // Sample the page a little finer than the frame: the near edge of a tilted page is magnified.
  const sourceDpi = dpi * (harsh ? 1.35 : 1.15);
  const source = await resample(page, RENDER_DPI, sourceDpi);
  const table = { level: random.uniform(60, 170), salt: random.salt(), phase: random.uniform(0, 2 * Math.PI) };
  // The table: a wood-like grain of slow waves, and some fine texture.
  const values = warp(source, { x: sourceDpi, y: sourceDpi }, pageToImage, width, height, (x, y) => {
    const grain = Math.sin(y / 23 + 2.5 * Math.sin(x / 170 + table.phase) + Math.sin(y / 61));
    return table.level * (1 + 0.12 * grain) + 6 * hash01(x, y, table.salt);
  });
  // Lens blur and hand shake first (light and shadow vary too slowly for the order to matter).
  let image = await blur(quantise(values, width, height), harsh ? random.uniform(0.6, 1.3) : random.uniform(0.4, 0.9));
  const motion = harsh ? random.uniform(1.5, 6) : 0;
  if (motion > 0) image = await motionBlur(image, motion, random.uniform(0, Math.PI));
  const light = lighting(width, height, harsh, random);
  const white = harsh ? random.uniform(140, 190) : random.uniform(215, 240);
  const noise = harsh ? random.uniform(6, 12) : random.uniform(2, 4);
  // Light multiplies reflectance in linear terms; the camera encodes with a ~1/2.2 gamma. Tables keep this cheap.
  const toLinear = Float32Array.from({ length: 256 }, (_, k) => (k / 255) ** 2.2);
  const encode = Float32Array.from({ length: 4096 }, (_, k) => white * ((k / 4095) * 2) ** (1 / 2.2));
  const gauss = gaussianStream(random.salt());
  // Light changes over tens of pixels: work it out on a 4-px grid and interpolate.
  const step = 4;
  const columns = Math.ceil(width / step) + 1;
  const grid = Float32Array.from({ length: columns * (Math.ceil(height / step) + 1) }, (_, k) =>
    light((k % columns) * step, Math.floor(k / columns) * step),
  );
  const pixels = image.pixels;
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      const gx = x / step;
      const gy = y / step;
      const cx = Math.floor(gx);
      const cy = Math.floor(gy);
      const tx = gx - cx;
      const ty = gy - cy;
      const at = cy * columns + cx;
      const top = (grid[at] ?? 1) * (1 - tx) + (grid[at + 1] ?? 1) * tx;
      const bottom = (grid[at + columns] ?? 1) * (1 - tx) + (grid[at + columns + 1] ?? 1) * tx;
      const exposure = Math.min(2, (toLinear[pixels[index] ?? 0] ?? 1) * (top * (1 - ty) + bottom * ty));
      const value = encode[Math.round(exposure * 2047.5)] ?? white;
      // Fewer photons in the dark: relative noise grows as the signal falls.
      const sigma = noise * (1 + 1.5 * (1 - value / 255));
      pixels[index] = Math.min(255, Math.max(0, Math.round(value + sigma * gauss())));
    }
  image = await denoiseAndSharpen(
    image,
    harsh ? random.uniform(0.7, 1) : random.uniform(0.4, 0.6),
    random.uniform(0.5, 1),
  );
  const quality = harsh ? random.int(55, 80) : random.int(72, 92);
  const file = await encodeJpeg(image, quality);
  return {
    file,
    format: 'jpeg',
    dpi: Math.round(dpi),
    cut: printedAreaCut(pageToImage, width, height),
    pageToImage,
    settings: {
      tiltXDeg: round(tiltX),
      tiltYDeg: round(tiltY),
      spinDeg: round(spin),
      white: Math.round(white),
      motionPx: round(motion),
      noise: round(noise),
      quality,
      offFrame: offFrame ? 1 : 0,
    },
  };
}

interface Pose {
  readonly tiltX: number;
  readonly tiltY: number;
  readonly spin: number;
  readonly distance: number;
  readonly focal: number;
}

/** A point of the page (mm from its centre) through a pinhole camera `distance` mm away, in frame pixels. */
function project(x: number, y: number, pose: Pose, centre: { x: number; y: number }) {
  const cs = Math.cos(pose.spin);
  const ss = Math.sin(pose.spin);
  const x1 = x * cs - y * ss;
  const y1 = x * ss + y * cs;
  const cx = Math.cos(pose.tiltX);
  const sx = Math.sin(pose.tiltX);
  const y2 = y1 * cx;
  const z2 = y1 * sx;
  const cy = Math.cos(pose.tiltY);
  const sy = Math.sin(pose.tiltY);
  const x3 = x1 * cy + z2 * sy;
  const z3 = -x1 * sy + z2 * cy;
  const depth = pose.distance + z3;
  return { x: centre.x + (pose.focal * x3) / depth, y: centre.y + (pose.focal * y2) / depth };
}

/** How much light reaches each frame pixel (1 = the exposure's white): a gradient, vignetting and a shadow. */
function lighting(width: number, height: number, harsh: boolean, random: Rng): (x: number, y: number) => number {
  const gradient = harsh ? 0.3 : 0.15;
  const gx = random.uniform(-gradient, gradient);
  const gy = random.uniform(-gradient, gradient);
  const vignette = harsh ? random.uniform(0.15, 0.35) : random.uniform(0.1, 0.25);
  const shadow = harsh || random.chance(0.5);
  const depth = harsh ? random.uniform(0.35, 0.6) : random.uniform(0.1, 0.25);
  const softness = harsh ? random.uniform(5, 30) : random.uniform(40, 150);
  // The shadow: an ellipse reaching in from a random side of the frame.
  const side = random.int(0, 3);
  const along = random.uniform(0.15, 0.85);
  const centre = [
    { x: along * width, y: -random.uniform(0, 0.2) * height },
    { x: width * (1 + random.uniform(0, 0.2)), y: along * height },
    { x: along * width, y: height * (1 + random.uniform(0, 0.2)) },
    { x: -random.uniform(0, 0.2) * width, y: along * height },
  ][side] ?? { x: 0, y: 0 };
  const a = random.uniform(0.3, 0.7) * width;
  const b = random.uniform(0.25, 0.55) * height;
  const turn = random.uniform(0, Math.PI);
  const ct = Math.cos(turn);
  const st = Math.sin(turn);
  return (x, y) => {
    const nx = (2 * x) / width - 1;
    const ny = (2 * y) / height - 1;
    const level = (1 + gx * nx + gy * ny) * (1 - (vignette * (nx * nx + ny * ny)) / 2);
    if (!shadow) return level;
    const dx = x - centre.x;
    const dy = y - centre.y;
    const u = (dx * ct + dy * st) / a;
    const v = (-dx * st + dy * ct) / b;
    const outside = (Math.sqrt(u * u + v * v) - 1) * Math.min(a, b);
    return level * (1 - depth * (1 - smoothstep(-softness, softness, outside)));
  };
}
