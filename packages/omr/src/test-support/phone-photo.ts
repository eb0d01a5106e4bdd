import { seededRandom } from '@examforge/core';
import sharp from 'sharp';
import type { GreyImage } from '../grey-image.js';
import { fitHomography, project, type Homography, type Point } from '../homography.js';

/**
 * A page photographed flat on a table by a phone held in the hand: the camera's axis tilted from the page's normal
 * (perspective: the near edge larger than the far one), the phone turned, the table around the page, light falling
 * off across the page, sensor noise, and the phone's own processing (sharpening, which rings at every edge and makes
 * the noise coarser, then JPEG).
 */
export interface PhonePhoto {
  /** Degrees the camera leans forward/back and sideways from straight above the page. */
  readonly tiltX: number;
  readonly tiltY: number;
  /** Degrees the phone is turned about its axis. */
  readonly turn: number;
  /** Camera distance over the page's height (about 1.2 for a page filling the frame). */
  readonly distance: number;
  /** Pixels of the photo per point of the page near its centre. */
  readonly pixelsPerPoint: number;
  /** Grey of the paper in the photo, and of the table around it. */
  readonly paper: number;
  readonly table: number;
  /** The darkest corner keeps this share of the light. */
  readonly darkestLight: number;
  /** Sensor noise, grey levels. */
  readonly noise: number;
  /** Strength of the phone's sharpening (sharp's `sigma`; 0 for none). */
  readonly sharpen: number;
  readonly jpegQuality: number;
  /**
   * Share of the frame's width or height left out on each side, as when the phone is held too close or to one side:
   * part of the page (a corner disc, or two) is outside the photo.
   */
  readonly cropped?: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
}

/** A seeded phone photo of the everyday kind: tilted up to 8°, turned up to 4°, 150–250 pixels per inch on the page. */
export function randomPhonePhoto(seed: string): PhonePhoto {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + random() * (high - low);
  const sign = () => (random() < 0.5 ? -1 : 1);
  return {
    tiltX: sign() * between(2, 8),
    tiltY: sign() * between(0, 5),
    turn: between(-4, 4),
    distance: between(1.1, 1.5),
    pixelsPerPoint: between(150, 250) / 72,
    paper: between(200, 235),
    table: between(80, 140),
    darkestLight: between(0.7, 0.9),
    noise: between(3, 6),
    sharpen: between(0.8, 1.5),
    jpegQuality: Math.round(between(70, 90)),
  };
}

/**
 * Where the camera puts each point of the page (points) in the photo (pixels): the page's plane turned by the tilts
 * and the turn, seen through a pinhole from `distance` page heights, centred in a frame with a margin of table.
 *
 * @example
 * const toPhoto = phoneHomography(photo, 595.28, 841.89); project(toPhoto.homography, { x: 24, y: 24 });
 */
export function phoneHomography(photo: PhonePhoto, width: number, height: number) {
  const [ax, ay, az] = [photo.tiltX, photo.tiltY, photo.turn].map((degrees) => (degrees * Math.PI) / 180) as [
    number,
    number,
    number,
  ];
  const cameraDistance = photo.distance * height;
  const corners: Point[] = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: 0, y: height },
    { x: width, y: height },
  ];
  const seen = corners.map(({ x, y }) => {
    // The page centred at the origin, turned about x (lean), y (side) and z (turn), then projected.
    const [px, py] = [x - width / 2, y - height / 2];
    const y1 = py * Math.cos(ax);
    const z1 = py * Math.sin(ax);
    const x2 = px * Math.cos(ay) + z1 * Math.sin(ay);
    const z2 = -px * Math.sin(ay) + z1 * Math.cos(ay);
    const x3 = x2 * Math.cos(az) - y1 * Math.sin(az);
    const y3 = x2 * Math.sin(az) + y1 * Math.cos(az);
    const perspective = cameraDistance / (cameraDistance + z2);
    return { x: x3 * perspective * photo.pixelsPerPoint, y: y3 * perspective * photo.pixelsPerPoint };
  });
  const margin = 0.08 * width * photo.pixelsPerPoint;
  const minX = Math.min(...seen.map((p) => p.x)) - margin;
  const minY = Math.min(...seen.map((p) => p.y)) - margin;
  const whole = {
    width: Math.max(...seen.map((p) => p.x)) + margin - minX,
    height: Math.max(...seen.map((p) => p.y)) + margin - minY,
  };
  const crop = photo.cropped ?? { left: 0, top: 0, right: 0, bottom: 0 };
  const [left, top] = [crop.left * whole.width, crop.top * whole.height];
  const placed = seen.map((p) => ({ x: p.x - minX - left, y: p.y - minY - top }));
  const frame = {
    width: Math.ceil(whole.width * (1 - crop.left - crop.right)),
    height: Math.ceil(whole.height * (1 - crop.top - crop.bottom)),
  };
  return { homography: fitHomography(corners, placed), frame };
}

/**
 * The photo of a page rasterised at `dpi` (the page is `width` × `height` points).
 *
 * @example
 * const { image, homography } = await photographPage(printed, 200, 595.28, 841.89, randomPhonePhoto('p1'), 'p1');
 */
export async function photographPage(
  page: GreyImage,
  dpi: number,
  size: { readonly width: number; readonly height: number },
  photo: PhonePhoto,
  seed: string,
): Promise<{ image: GreyImage; homography: Homography }> {
  const { homography, frame } = phoneHomography(photo, size.width, size.height);
  const corners = [
    { x: 0, y: 0 },
    { x: size.width, y: 0 },
    { x: 0, y: size.height },
    { x: size.width, y: size.height },
  ];
  const toPage = fitHomography(
    corners.map((corner) => project(homography, corner)),
    corners,
  );
  const scale = dpi / 72;
  const random = seededRandom(seed);
  const pixels = new Uint8Array(frame.width * frame.height);
  for (let y = 0; y < frame.height; y += 1)
    for (let x = 0; x < frame.width; x += 1) {
      const onPage = project(toPage, { x, y });
      const light = 1 - (1 - photo.darkestLight) * ((x / frame.width + y / frame.height) / 2);
      const inside = onPage.x >= 0 && onPage.y >= 0 && onPage.x < size.width && onPage.y < size.height;
      const ink = inside ? bilinear(page, onPage.x * scale - 0.5, onPage.y * scale - 0.5) / 255 : 0;
      const surface = inside ? photo.paper * ink : photo.table;
      const noise = (random() + random() + random() - 1.5) * 2 * photo.noise;
      pixels[y * frame.width + x] = Math.max(0, Math.min(255, Math.round(surface * light + noise)));
    }
  const raw = sharp(pixels, { raw: { width: frame.width, height: frame.height, channels: 1 } });
  const sharpened = photo.sharpen > 0 ? raw.sharpen({ sigma: photo.sharpen, m1: 1, m2: 3 }) : raw;
  const processed = await sharpened.jpeg({ quality: photo.jpegQuality }).toBuffer();
  const { data, info } = await sharp(processed).greyscale().raw().toBuffer({ resolveWithObject: true });
  return {
    image: {
      width: info.width,
      height: info.height,
      pixels: new Uint8Array(data.buffer, data.byteOffset, data.length),
    },
    homography,
  };
}

function bilinear(image: GreyImage, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(image.width - 2, Math.floor(x)));
  const y0 = Math.max(0, Math.min(image.height - 2, Math.floor(y)));
  const [fx, fy] = [Math.min(1, Math.max(0, x - x0)), Math.min(1, Math.max(0, y - y0))];
  const at = (px: number, py: number) => image.pixels[py * image.width + px] ?? 255;
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}
