/**
 * The classifier's tuning harness: caches bubble crops of a synthetic survey once (a minute or two), then reruns the
 * classifier on them in seconds, tabulating correct-with-confidence, review and confident errors by mode, resolution
 * and class, listing the failures and timing the classifier per page.
 *
 *   npx tsx packages/omr/src/test-support/tune-classifier.ts crops /tmp/omr-tune tune- 2   # a separate survey
 *   npx tsx packages/omr/src/test-support/tune-classifier.ts crops /tmp/omr-test '' 1      # the tests' own seeds
 *   npx tsx packages/omr/src/test-support/tune-classifier.ts crops /tmp/omr-fax tune- 2 fax # faxed sheets only
 *   ERRORS=40 REVIEWS=20 npx tsx packages/omr/src/test-support/tune-classifier.ts evaluate /tmp/omr-tune
 *
 * Tune on a separate survey, confirm on the tests' seeds.
 */
import { classifyMark, type MarkReading, type PageSight } from '../classify-mark.js';
import { pageSight, readAgain } from '../read-bubbles.js';
import { loadCrops, saveCrops, surveyCrops, type BubbleCrop } from './bubble-crops.js';
import { readsAs, REVIEW_BELOW } from './survey.js';

interface Count {
  total: number;
  correct: number;
  review: number;
  wrong: number;
  invalid: number;
}

function evaluate(crops: readonly BubbleCrop[]): void {
  const counts = new Map<string, Count>();
  const add = (key: string, outcome: keyof Omit<Count, 'total' | 'invalid'>, invalid: boolean) => {
    const count = counts.get(key) ?? { total: 0, correct: 0, review: 0, wrong: 0, invalid: 0 };
    counts.set(key, count);
    count.total += 1;
    count[outcome] += 1;
    if (invalid) count.invalid += 1;
  };
  const errors: string[] = [];
  const reviews: string[] = [];
  const sights = sightsOf(crops);
  for (const crop of crops) {
    const reading = readCrop(crop, sights.get(crop.sheet));
    const confident = reading.confidence >= REVIEW_BELOW;
    const outcome = !confident ? 'review' : readsAs(crop.truth, reading.kind) ? 'correct' : 'wrong';
    const invalid = reading.kind === 'filled' && crop.truth !== 'filled';
    const bucket = crop.mode === 'clean' || crop.mode === 'fax' ? crop.mode : 'degraded';
    const digit = crop.group.startsWith('digit') ? '/digit' : '';
    for (const key of [`${bucket} all`, `${bucket} ${crop.mode} ${crop.dpi}`, `${bucket} class ${crop.truth}${digit}`])
      add(key, outcome, invalid);
    const round = (_: string, value: unknown) => (typeof value === 'number' ? Number(value.toFixed(3)) : value);
    const label = `${crop.sheet}:${crop.group}/${crop.option} ${crop.truth} -> ${reading.kind} ${reading.confidence.toFixed(2)} ${JSON.stringify(reading.features, round)}`;
    if (outcome === 'wrong' || invalid) errors.push(label);
    else if (outcome === 'review') reviews.push(label);
  }
  for (const [key, c] of [...counts].sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      key.padEnd(30),
      `n=${c.total}`.padEnd(8),
      `ok=${((100 * c.correct) / c.total).toFixed(2)}%`.padEnd(12),
      `review=${c.review}`.padEnd(11),
      `wrong=${c.wrong}`.padEnd(9),
      `invalid=${c.invalid}`,
    );
  console.log('errors\n' + errors.slice(0, Number(process.env.ERRORS ?? 20)).join('\n'));
  console.log('reviews\n' + reviews.slice(0, Number(process.env.REVIEWS ?? 0)).join('\n'));
}

/** What each sheet shows of itself (hand, printed ring), as `readBubbles` takes it from the sheet's first readings. */
function sightsOf(crops: readonly BubbleCrop[]): Map<string, PageSight> {
  const bySheet = new Map<string, MarkReading[]>();
  for (const crop of crops)
    bySheet.set(crop.sheet, [
      ...(bySheet.get(crop.sheet) ?? []),
      classifyMark(crop.image, crop.x, crop.y, crop.r, captureOf(crop)),
    ]);
  const sights = new Map<string, PageSight>();
  for (const [sheet, readings] of bySheet) {
    const first = crops.find((crop) => crop.sheet === sheet);
    sights.set(sheet, { ...pageSight(readings), ...(first ? captureOf(first) : {}) });
  }
  return sights;
}

/** What `readBubbles` knows of the capture before reading: whether it is one bit a pixel. */
const captureOf = (crop: BubbleCrop): PageSight => ({ oneBit: crop.mode === 'bw' || crop.mode === 'fax' });

/** A crop read as `readBubbles` reads it: alone, then against its sheet when the sheet says something of it. */
function readCrop(crop: BubbleCrop, page: PageSight | undefined): MarkReading {
  const alone = classifyMark(crop.image, crop.x, crop.y, crop.r, captureOf(crop));
  const again = page !== undefined && readAgain(alone, page);
  return again ? classifyMark(crop.image, crop.x, crop.y, crop.r, page) : alone;
}

/** Milliseconds to classify a page's worth (184) of the crops, after a warm-up. */
function time(crops: readonly BubbleCrop[]): number {
  const run = () => {
    for (const crop of crops) classifyMark(crop.image, crop.x, crop.y, crop.r);
  };
  run();
  const started = performance.now();
  run();
  return ((performance.now() - started) / crops.length) * 184;
}

const [command, path = '/tmp/omr-tune', prefix = 'tune-', times = '2', modes = 'grey,bw,clean'] = process.argv.slice(2);
if (command === 'crops') {
  const chosen = modes.split(',') as BubbleCrop['mode'][];
  saveCrops(path, await surveyCrops(prefix, Number(times), (sheet) => console.log(sheet), chosen));
} else if (command === 'evaluate') {
  const crops = loadCrops(path);
  evaluate(crops);
  const page = crops.filter((crop) => crop.dpi === 200 && crop.mode !== 'bw');
  console.log(`classifying: ${time(page).toFixed(2)} ms per page of 184 bubbles at 200 dpi`);
} else console.log('usage: tune-classifier.ts crops <path> <prefix> <times> [modes] | evaluate <path>');
