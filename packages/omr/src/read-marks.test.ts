import { describe, expect, it } from 'vitest';
import { addNoise } from './test-support/synthetic-marks.js';
import { chooseMarks, markedSheet, printedSheet, readSheet, Tally } from './test-support/survey.js';

const SHEETS_PER_DPI = 5;

describe.each([150, 200, 300])('reading marks printed and scanned cleanly at %i dpi', (dpi) => {
  it(`reads ${SHEETS_PER_DPI} sheets with at most 2 confident misreadings, 99.3 % of bubbles with confidence`, async () => {
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
    expect(tally.confidentlyWrong.length, tally.confidentlyWrong.join('\n')).toBeLessThanOrEqual(2);
    expect(tally.noiseAsMark).toEqual([]);
    expect(tally.correct / tally.total).toBeGreaterThanOrEqual(0.993);
  });
});
