import { describe, expect, it } from 'vitest';
import { addNoise } from './test-support/synthetic-marks.js';
import { chooseMarks, markedSheet, printedSheet, readSheet, Tally } from './test-support/survey.js';

const SHEETS_PER_DPI = 5;

describe.each([150, 200, 300])('reading marks printed and scanned cleanly at %i dpi', (dpi) => {
  it(`reads ${SHEETS_PER_DPI} sheets without a wrong answer, counting no invalid mark or noise`, async () => {
    const printed = await printedSheet(dpi);
    const tally = new Tally();
    for (let sheet = 0; sheet < SHEETS_PER_DPI; sheet += 1) {
      const name = `clean-${dpi}-${sheet}`;
      const truth = chooseMarks(`truth-${name}`);
      const image = markedSheet(printed, dpi, truth, `marks-${name}`);
      addNoise(image, 8, `noise-${name}`);
      const readings = readSheet(image);
      expect(readings, 'corner marks found').toBeDefined();
      tally.add(name, truth, readings!);
    }
    console.log(tally.summary(`clean ${dpi} dpi`));
    expect(tally.invalidAccepted).toEqual([]);
    expect(tally.blankQuestionFilled).toEqual([]);
    expect(tally.noiseAsMark).toEqual([]);
    // Floors measured in December 2026 on marks that include felt-tip ticks and crosses, which are often unsure
    // between the two (both not answers, so not sent to review) and sometimes unsure against a fill (review).
    expect(tally.answerWrong.length, tally.answerWrong.join('\n')).toBeLessThanOrEqual(1);
    expect(tally.answerReview / tally.total).toBeLessThanOrEqual(0.06);
    expect(tally.correct / tally.total).toBeGreaterThanOrEqual(0.92);
  });
});
