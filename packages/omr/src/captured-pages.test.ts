import { layoutAnswerSheet, makeVariant, type SheetLayout } from '@examforge/core';
import { renderAnswerSheet } from '@examforge/paper';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, rasterise } from '../../paper/src/test-support/rasterise.js';
import { confirmRegistration } from './confirm-registration.js';
import type { GreyImage } from './grey-image.js';
import { project, type Homography, type Point } from './homography.js';
import { identifyPage } from './page-identity.js';
import { readPage } from './read-page.js';
import { bundledExam } from './test-support/bundled-exam.js';
import { faxPixel, randomFax, sendByFax, type Fax } from './test-support/fax.js';
import { PageDamage } from './test-support/page-damage.js';
import { photographPage, randomPhonePhoto } from './test-support/phone-photo.js';

const exam = bundledExam;
const variant = makeVariant(exam, 'sitting:s031', { shuffleQuestions: true, shuffleOptions: true });
const identity = { examId: exam.id, version: 2, variant: variant.seed, studentNumber: 's031' };
const DPI = 200;

let printing: Promise<{ layout: SheetLayout; page: GreyImage }> | undefined;
/** Page 1 of an A4 sheet rasterised at 200 dpi, once for the file. */
function printedPage() {
  printing ??= (async () => {
    const layout = layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 });
    const [page] = rasterise(await renderAnswerSheet(layout, { title: exam.title, identity }), DPI, FIRST_PAGE);
    return { layout, page: page! };
  })();
  return printing;
}

/**
 * Identifies and registers a captured page, and says how far (points) the registration puts the page's bubbles from
 * where the capture put them; undefined when the page was not registered.
 */
function registrationError(image: GreyImage, layout: SheetLayout, truth: (point: Point) => Point): number | undefined {
  const reading = identifyPage(image, 'A4');
  if ('reason' in reading) return undefined;
  expect(reading.identity).toEqual({ ...identity, page: 1 });
  const homography: Homography | undefined = confirmRegistration(reading.image, reading, layout.pages[0]!);
  if (!homography) return undefined;
  const scale = Math.hypot(truth({ x: 1, y: 0 }).x - truth({ x: 0, y: 0 }).x, 0) || 1;
  return Math.max(
    ...layout.pages[0]!.bubbles.map((bubble) => {
      const [found, expected] = [project(homography, bubble), truth(bubble)];
      return Math.hypot(found.x - expected.x, found.y - expected.y) / scale;
    }),
  );
}

const FAXES: readonly [string, Fax][] = [
  ['thresholded at 120', { tone: { kind: 'threshold', level: 120 }, skew: 0.6, blurMm: 0.1 }],
  ['thresholded at 185', { tone: { kind: 'threshold', level: 185 }, skew: -0.7, blurMm: 0.1 }],
  // A dark threshold behind soft optics swells the codes' dark modules into their light neighbours.
  ['thresholded at 195, soft optics', { tone: { kind: 'threshold', level: 195 }, skew: 0.7, blurMm: 0.2 }],
  ['thresholded at 215, soft optics', { tone: { kind: 'threshold', level: 215 }, skew: -0.3, blurMm: 0.2 }],
  ['ordered dither', { tone: { kind: 'ordered-dither' }, skew: -0.5, blurMm: 0.1 }],
  ['ordered dither, crooked', { tone: { kind: 'ordered-dither' }, skew: 0.9, blurMm: 0.15 }],
  ['error diffusion', { tone: { kind: 'error-diffusion' }, skew: 0.4, blurMm: 0.1 }],
  ['error diffusion, crooked', { tone: { kind: 'error-diffusion' }, skew: -0.9, blurMm: 0.15 }],
  ['a seeded fax', randomFax('fax-seeded-1')],
];

describe('identifying and registering faxed pages (204 × 98 dpi, one bit a pixel, lines doubled)', () => {
  it.each(FAXES)('%s: identified and registered within 0.5 pt of every bubble', async (_, fax) => {
    const { layout, page } = await printedPage();
    const received = await sendByFax(page, DPI, fax);
    const error = registrationError(received, layout, (point) => faxPixel(point, layout, fax));
    expect(error).toBeDefined();
    expect(error!).toBeLessThan(0.5);
  });

  it('a fax whose both codes are smudged is unknown, with the reason', async () => {
    const { layout, page } = await printedPage();
    const sheet = layout.pages[0]!;
    const smudged = new PageDamage(page, DPI / 72).smudge(sheet.qr, 'fax-main').smudge(sheet.backupQr!, 'fax-backup');
    const received = await sendByFax(smudged.image, DPI, FAXES[4]![1]);
    expect(readPage(received, { exam, layoutFor: () => layout })).toEqual({
      kind: 'unknown',
      reason: 'code-unreadable',
    });
  });
});

describe('identifying and registering phone photos (perspective, noise, sharpening, JPEG)', () => {
  it.each(['phone-1', 'phone-2', 'phone-3', 'phone-4', 'phone-5'])(
    '%s: identified and registered within 0.5 pt of every bubble',
    async (seed) => {
      const { layout, page } = await printedPage();
      const photo = randomPhonePhoto(seed);
      const { image, homography } = await photographPage(page, DPI, layout, photo, seed);
      const error = registrationError(image, layout, (point) => project(homography, point));
      expect(error, JSON.stringify(photo)).toBeDefined();
      expect(error!).toBeLessThan(0.5);
    },
  );

  it.each([
    [
      'tilted 16°, the top-left corner out of the frame',
      { tiltX: -16, turn: 5, cropped: { left: 0.12, top: 0.1, right: 0, bottom: 0 } },
    ],
    [
      'tilted 14° sideways, the right side out of the frame',
      { tiltY: 14, turn: -6, cropped: { left: 0, top: 0, right: 0.14, bottom: 0 } },
    ],
    // Framed loosely (table left and above), so the page lies far from where it would if it filled the photo: the
    // second code is found where the first one's finder patterns put it.
    [
      'tilted 12°, framed loosely, the right side out of the frame',
      { tiltX: -12, turn: 6, cropped: { left: -0.25, top: -0.15, right: 0.1, bottom: 0 } },
    ],
  ] as const)('%s: registered by the codes and the discs left, within 0.5 pt of every bubble', async (_, steep) => {
    const { layout, page } = await printedPage();
    const photo = { ...randomPhonePhoto(`steep-${steep.turn}`), tiltY: 0, ...steep };
    const { image, homography } = await photographPage(page, DPI, layout, photo, `steep-${steep.turn}`);
    const error = registrationError(image, layout, (point) => project(homography, point));
    expect(error, JSON.stringify(photo)).toBeDefined();
    expect(error!).toBeLessThan(0.5);
  });

  it('tilted 18° with the foot of the page (both bottom discs, the backup code) out of the frame: not read, since the top alone fixes no perspective', async () => {
    const { layout, page } = await printedPage();
    const steep = { tiltX: 18, tiltY: 0, turn: 3, cropped: { left: 0, top: 0, right: 0, bottom: 0.13 } };
    const { image } = await photographPage(
      page,
      DPI,
      { ...layout },
      { ...randomPhonePhoto('foot-cut'), ...steep },
      'foot-cut',
    );
    const result = readPage(image, { exam, layoutFor: () => layout });
    expect(result.kind).toBe('unknown');
  });

  it('a photo whose both codes are smudged is unknown, with the reason', async () => {
    const { layout, page } = await printedPage();
    const sheet = layout.pages[0]!;
    const smudged = new PageDamage(page, DPI / 72).smudge(sheet.qr, 'ph-main').smudge(sheet.backupQr!, 'ph-backup');
    const { image } = await photographPage(smudged.image, DPI, layout, randomPhonePhoto('phone-1'), 'phone-1');
    expect(readPage(image, { exam, layoutFor: () => layout })).toEqual({ kind: 'unknown', reason: 'code-unreadable' });
  });
});
