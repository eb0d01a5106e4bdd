import { readFileSync, writeFileSync } from 'node:fs';
import { findCornerMarks } from '../corner-marks.js';
import { otsuThreshold, type GreyImage } from '../grey-image.js';
import { fitHomography, project } from '../homography.js';
import { degrade, randomDegradation, type ScanMode } from './degrade.js';
import { randomFax, sendByFax } from './fax.js';
import { bubbles, chooseMarks, layout, markedSheet, printedSheet, sheetPage } from './survey.js';
import { addNoise } from './synthetic-marks.js';
import type { SyntheticMark } from './synthetic-marks.js';

/** One bubble cut out of a synthetic scan, with where the reader put its centre and radius and what was drawn. */
export interface BubbleCrop {
  readonly sheet: string;
  readonly group: string;
  readonly option: string;
  readonly truth: SyntheticMark;
  readonly dpi: number;
  readonly mode: ScanMode | 'clean' | 'fax';
  readonly image: GreyImage;
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** Sheets per resolution, as in the degraded-scan test; clean sheets per resolution as in the clean test. */
const DEGRADED_SHEETS: Record<number, number> = { 150: 12, 200: 10, 300: 6 };
const CLEAN_SHEETS = 5;
/** Faxed sheets (standard mode, thresholded or dithered; `test-support/fax.ts`), at 200 dpi before sending. */
const FAX_SHEETS = 10;

/**
 * The bubbles of the same kind of survey as the tests, cropped at the reader's registration so that the classifier can
 * be rerun on them in seconds. `prefix` '' gives the tests' own seeds; any other prefix a separate survey to tune on
 * (`times` its size). Faxed sheets (`'fax'`) are drawn only when asked for.
 */
export async function surveyCrops(
  prefix: string,
  times: number,
  log = (_: string) => {},
  modes: readonly BubbleCrop['mode'][] = ['grey', 'bw', 'clean'],
): Promise<BubbleCrop[]> {
  const crops: BubbleCrop[] = [];
  const printed = new Map<number, GreyImage>();
  const sheetAt = async (dpi: number) => printed.get(dpi) ?? printed.set(dpi, await printedSheet(dpi)).get(dpi)!;
  for (const mode of (['grey', 'bw'] as const).filter((mode) => modes.includes(mode)))
    for (const dpi of [150, 200, 300])
      for (let s = 0; s < DEGRADED_SHEETS[dpi]! * times; s += 1) {
        const name = `${prefix}${mode}-${dpi}-${s}`;
        const truth = chooseMarks(`truth-${name}`);
        const how = randomDegradation(`scan-${name}`, dpi, mode, (layout.width * dpi) / 72);
        const scan = await degrade(markedSheet(await sheetAt(dpi), dpi, truth, `marks-${name}`), how, `noise-${name}`);
        crops.push(...cropSheet(name, scan, truth, dpi, mode));
        log(name);
      }
  for (let s = 0; s < (modes.includes('fax') ? FAX_SHEETS * times : 0); s += 1) {
    const name = `${prefix}fax-200-${s}`;
    const truth = chooseMarks(`truth-${name}`);
    const marked = markedSheet(await sheetAt(200), 200, truth, `marks-${name}`);
    crops.push(...cropSheet(name, await sendByFax(marked, 200, randomFax(`fax-${name}`)), truth, 200, 'fax'));
    log(name);
  }
  for (const dpi of modes.includes('clean') ? [150, 200, 300] : [])
    for (let s = 0; s < CLEAN_SHEETS * times; s += 1) {
      const name = `${prefix}clean-${dpi}-${s}`;
      const truth = chooseMarks(`truth-${name}`);
      const image = markedSheet(await sheetAt(dpi), dpi, truth, `marks-${name}`);
      addNoise(image, 8, `noise-${name}`);
      crops.push(...cropSheet(name, image, truth, dpi, 'clean'));
      log(name);
    }
  return crops;
}

function cropSheet(
  sheet: string,
  image: GreyImage,
  truth: readonly SyntheticMark[],
  dpi: number,
  mode: BubbleCrop['mode'],
) {
  const corners = findCornerMarks(image, sheetPage.cornerMarks, layout.width, otsuThreshold(image));
  if (!corners) throw new Error(`${sheet}: no corner marks`);
  const homography = fitHomography(sheetPage.cornerMarks, corners);
  return bubbles.map((bubble, index): BubbleCrop => {
    const centre = project(homography, bubble);
    const rim = project(homography, { x: bubble.x + bubble.r, y: bubble.y });
    const rimY = project(homography, { x: bubble.x, y: bubble.y + bubble.r });
    const r = (Math.hypot(rim.x - centre.x, rim.y - centre.y) + Math.hypot(rimY.x - centre.x, rimY.y - centre.y)) / 2;
    const half = Math.ceil(2.3 * r) + 2;
    const [x0, y0, side] = [Math.round(centre.x) - half, Math.round(centre.y) - half, 2 * half + 1];
    const pixels = new Uint8Array(side * side);
    for (let y = 0; y < side; y += 1)
      for (let x = 0; x < side; x += 1) {
        const [px, py] = [x0 + x, y0 + y];
        const inside = px >= 0 && py >= 0 && px < image.width && py < image.height;
        pixels[y * side + x] = inside ? image.pixels[py * image.width + px]! : 255;
      }
    const { group, option } = bubble;
    const image_ = { width: side, height: side, pixels };
    return {
      sheet,
      group,
      option,
      truth: truth[index]!,
      dpi,
      mode,
      image: image_,
      x: centre.x - x0,
      y: centre.y - y0,
      r,
    };
  });
}

/** Writes crops as `<path>.json` (everything but pixels) and `<path>.bin` (the pixels, one crop after another). */
export function saveCrops(path: string, crops: readonly BubbleCrop[]): void {
  const total = crops.reduce((sum, crop) => sum + crop.image.pixels.length, 0);
  const bin = new Uint8Array(total);
  let offset = 0;
  const records = crops.map(({ image, ...rest }) => {
    bin.set(image.pixels, offset);
    offset += image.pixels.length;
    return { ...rest, side: image.width };
  });
  writeFileSync(`${path}.bin`, bin);
  writeFileSync(`${path}.json`, JSON.stringify(records));
}

export function loadCrops(path: string): BubbleCrop[] {
  const records = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as (Omit<BubbleCrop, 'image'> & { side: number })[];
  const bin = new Uint8Array(readFileSync(`${path}.bin`));
  let offset = 0;
  return records.map(({ side, ...rest }) => {
    const pixels = bin.subarray(offset, offset + side * side);
    offset += side * side;
    return { ...rest, image: { width: side, height: side, pixels } };
  });
}
