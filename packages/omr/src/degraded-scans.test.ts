import { describe, expect, it } from 'vitest';
import type { GreyImage } from './grey-image.js';
import { degrade, randomDegradation, type ScanMode } from './test-support/degrade.js';
import { chooseMarks, layout, markedSheet, printedSheet, readSheet, Tally } from './test-support/survey.js';

/**
 * Sheets per resolution and scan mode. With 184 bubbles a sheet (the choice questions and the student-number grid)
 * the degraded survey reads over 10,000 bubbles, enough for a 99.9 % rate to mean something.
 */
const SHEETS: Record<number, number> = { 150: 12, 200: 10, 300: 6 };
const MODES: readonly ScanMode[] = ['grey', 'bw'];

const printed = new Map<number, Promise<GreyImage>>();
const sheetAt = (dpi: number) => {
  if (!printed.has(dpi)) printed.set(dpi, printedSheet(dpi));
  return printed.get(dpi)!;
};

const overall = new Tally();

describe('reading marks on degraded scans', () => {
  describe.each(MODES)('%s scans', (mode) => {
    it.each([150, 200, 300])(
      `at %i dpi: registered and read after rotation, scale, shift, blur, uneven light, noise and compression`,
      async (dpi) => {
        const tally = new Tally();
        for (let sheet = 0; sheet < SHEETS[dpi]!; sheet += 1) {
          const name = `${mode}-${dpi}-${sheet}`;
          const truth = chooseMarks(`truth-${name}`);
          const how = randomDegradation(`scan-${name}`, dpi, mode, (layout.width * dpi) / 72);
          const scan = await degrade(
            markedSheet(await sheetAt(dpi), dpi, truth, `marks-${name}`),
            how,
            `noise-${name}`,
          );
          const readings = readSheet(scan);
          expect(readings, `${name}: corner marks found (${JSON.stringify(how)})`).toBeDefined();
          tally.add(name, truth, readings!);
          overall.add(name, truth, readings!);
        }
        console.log(tally.summary(`${mode} ${dpi} dpi`));
      },
    );
  });

  // Floors measured on the tests' seeds (December 2026) since the marks include grainy graphite fills made of passes,
  // felt-tip strokes as wide as most of the radius, dots and erasure residue up to 25 % darkness, one tool per sheet:
  // 94.8 % of bubbles named right with confidence, 24 readings sure of the wrong answer (fill or not) in 10,304, 3.3 %
  // unsure whether filled. Almost all of it is on black-and-white scans, where a threshold turns residue into specks
  // that look like a broken stroke and closes a partial fill's thin bare crescent. Since 7 December a partial fill
  // there that leaves under a quarter of the bubble bare goes to a person, since a fill whose lighter patch the
  // threshold dropped looks the same (`dropped-patch.test.ts`): 94.7 → 93.9 % named right with confidence, 4.3 → 5.2 %
  // of bubbles to review, 101 → 91 confidently named wrong.
  it('reads over 10,000 degraded bubbles, at least 93.5 % named right with confidence', () => {
    console.log(overall.summary('all degraded scans'));
    for (const failure of [...overall.invalidAccepted, ...overall.answerWrong.slice(0, 10)]) console.log(failure);
    expect(overall.total).toBeGreaterThanOrEqual(10_000);
    expect(overall.correct / overall.total).toBeGreaterThanOrEqual(0.935);
  });

  it('is sure of a wrong answer for at most 0.3 % of degraded bubbles and sends at most 4.5 % to review', () => {
    expect(overall.answerWrong.length).toBeLessThanOrEqual(0.003 * overall.total);
    expect(overall.answerReview / overall.total).toBeLessThanOrEqual(0.045);
  });

  it('reads a partial fill, tick or cross as filled at most 7 times in 10,000 (black-and-white crescents, wide crosses)', () => {
    expect(overall.invalidAccepted.length, overall.invalidAccepted.join('\n')).toBeLessThanOrEqual(7);
  });

  it('never reads a dot or erasure residue as a mark on a greyscale scan', () => {
    expect(overall.noiseAsMark.filter((label) => label.startsWith('grey'))).toEqual([]);
  });
});
