import { describe, expect, it } from 'vitest';
import { seededRandom } from '../delivery/seeded-random.js';
import { analyseItems } from './item-analysis.js';
import { flagItem } from './item-flags.js';
import { simulateClass } from './test-support/simulated-class.js';

describe('possible wrong keys', () => {
  it('flags exactly the questions whose key is not what strong students choose, across 20 classes of 300', () => {
    const misses: string[] = [];
    for (let seed = 1; seed <= 20; seed += 1) {
      const random = seededRandom(`wrong-keys-${seed}`);
      const wrongKeys = [
        ...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * 26))),
      ];
      const analysis = analyseItems(
        simulateClass({ seed: `class-${seed}`, students: 300, choiceQuestions: 26, writtenQuestions: 3, wrongKeys }),
      );
      const flagged = analysis.items
        .filter((item) => item.flags.some((flag) => flag.kind === 'possible-wrong-key'))
        .map((item) => item.id)
        .sort();
      const expected = wrongKeys.map((index) => `q${index + 1}`).sort();
      if (JSON.stringify(flagged) !== JSON.stringify(expected))
        misses.push(`seed ${seed}: flagged ${flagged.join(' ') || 'none'}, wrong keys ${expected.join(' ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('says why, in figures', () => {
    const analysis = analyseItems(simulateClass({ seed: 'why', students: 300, choiceQuestions: 10, wrongKeys: [4] }));
    const flag = analysis.items[4]!.flags.find((f) => f.kind === 'possible-wrong-key');
    expect(flag?.reason).toMatch(
      /^discrimination -0\.\d\d: [a-d] drew \d+ % of the strongest 27 % and \d+ % of the weakest, the key [a-d] \d+ % and \d+ %: check the key$/,
    );
  });
});

describe('other flags', () => {
  const option = (letter: string, keyed: boolean, count: number, upperShare: number, lowerShare: number) => ({
    option: letter,
    keyed,
    count,
    upperShare,
    lowerShare,
  });

  it('flags a question nearly everyone or almost no one gets, an unchosen distractor and one that draws the strong', () => {
    const kinds = (item: Parameters<typeof flagItem>[0]) => flagItem(item).map((flag) => flag.kind);
    expect(kinds({ discrimination: 0.3, facility: 0.97 })).toEqual(['too-easy']);
    expect(kinds({ discrimination: 0.3, facility: 0.1 })).toEqual(['too-hard']);
    expect(kinds({ discrimination: 0.3, facility: 0.6 })).toEqual([]);
    const options = [option('a', true, 50, 0.8, 0.3), option('b', false, 0, 0, 0), option('c', false, 30, 0.2, 0.05)];
    expect(kinds({ discrimination: 0.3, facility: 0.6, options })).toEqual([
      'unchosen-distractor',
      'distractor-draws-strong',
    ]);
  });

  it('does not call a key wrong when the item discriminates, however popular a distractor is', () => {
    const options = [option('a', true, 40, 0.4, 0.1), option('b', false, 60, 0.6, 0.9)];
    expect(flagItem({ discrimination: 0.25, facility: 0.4, options }).map((f) => f.kind)).not.toContain(
      'possible-wrong-key',
    );
  });
});
