import { seededRandom } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { REVIEW_BELOW } from './mark-rule.js';
import { bubbles, markedSheet, printedSheet, readSheet } from './test-support/survey.js';
import { addNoise, type SyntheticMark } from './test-support/synthetic-marks.js';

const DPI = 200;
const rows = [...new Set(bubbles.map((bubble) => bubble.group))].filter((group) => !group.startsWith('digit-'));
/** The row where the student put down the pen and went on in a light pencil. */
const SWITCH = Math.floor(rows.length / 2);

/** One fill per question row, of the rows `from` to `to` (exclusive); everything else bare. */
function fillsOfRows(chosen: ReadonlyMap<string, string>, from: number, to: number): SyntheticMark[] {
  return bubbles.map((bubble) => {
    const row = rows.indexOf(bubble.group);
    return row >= from && row < to && chosen.get(bubble.group) === bubble.option ? 'filled' : 'empty';
  });
}

describe('a student who changes from pen to a light pencil part way down the page', () => {
  it('reads the light fills below against the pencil, not against the pen fills above', async () => {
    // Seed chosen for a light hand: most of its fills are no darker than residue can be (typical under 0.32).
    const seed = 'hand-change-31';
    const random = seededRandom(seed);
    const chosen = new Map(
      rows.map((group) => {
        const options = bubbles.filter((bubble) => bubble.group === group).map((bubble) => bubble.option);
        return [group, options[Math.floor(random() * options.length)] ?? ''];
      }),
    );
    const pen = markedSheet(await printedSheet(DPI), DPI, fillsOfRows(chosen, 0, SWITCH), `${seed}-pen`, 'pen');
    const image = markedSheet(pen, DPI, fillsOfRows(chosen, SWITCH, rows.length), `${seed}-pencil`, 'graphite');
    addNoise(image, 8, `noise-${seed}`);
    const readings = readSheet(image);
    if (!readings) throw new Error('corner marks not found');
    const fillsFrom = (from: number, to: number) =>
      bubbles.flatMap((bubble, index) => {
        const row = rows.indexOf(bubble.group);
        const reading = readings[index];
        return row >= from && row < to && chosen.get(bubble.group) === bubble.option && reading ? [reading] : [];
      });
    const penFills = fillsFrom(0, SWITCH);
    const pencilFills = fillsFrom(SWITCH, rows.length);
    expect(Math.min(...penFills.map((reading) => reading.features.typical))).toBeGreaterThan(0.6);
    expect(pencilFills.filter((reading) => reading.features.typical < 0.32).length).toBeGreaterThan(8);
    // Three rows past the switch, every pencil fill is a confident fill (read against the pen's darkness, these were
    // all "much fainter than the student's fills": residue to a person). Nearer the switch a person may be asked, and
    // a fill as faint as residue itself (under 0.24) goes to a person whatever the hand.
    const clearOfSwitch = fillsFrom(SWITCH + 3, rows.length).filter((reading) => reading.features.typical >= 0.24);
    expect(clearOfSwitch.filter((reading) => reading.features.typical < 0.32).length).toBeGreaterThan(4);
    expect(clearOfSwitch.map((reading) => `${reading.kind} ${reading.confidence >= REVIEW_BELOW}`)).toEqual(
      clearOfSwitch.map(() => 'filled true'),
    );
    // No pencil fill is read with confidence as anything else, and the pen fills stay fills.
    expect(pencilFills.filter((reading) => reading.kind !== 'filled' && reading.confidence >= REVIEW_BELOW)).toEqual(
      [],
    );
    expect(penFills.every((reading) => reading.kind === 'filled' && reading.confidence >= REVIEW_BELOW)).toBe(true);
  });
});
