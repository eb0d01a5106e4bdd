import { seededRandom } from '../../delivery/seeded-random.js';
import type { AnalysisInput, ChoiceCell, ItemInput } from '../item-analysis.js';

/**
 * A class answering an exam, drawn from a two-parameter logistic model: each student has an ability, each question a
 * difficulty and a discrimination; a student who does not know the answer leaves it blank, makes an invalid mark
 * (a tick, a partial fill) or picks a distractor, the weaker more often than the stronger. Choice questions score
 * +points / −points / 0 (negative marking, as the source paper); written questions score partial credit, some left
 * ungraded. A question with a wrong key: the option the strong students choose is not the marked one.
 */
export interface ClassModel {
  readonly seed: string;
  readonly students: number;
  readonly choiceQuestions: number;
  readonly writtenQuestions?: number;
  /** Share of answers blank when the student does not know (default 0.12). */
  readonly blankShare?: number;
  readonly invalidShare?: number;
  /** Share of written answers left ungraded (NaN). */
  readonly ungradedShare?: number;
  /** Share of answers whose page was not read (NaN, cell null). */
  readonly unreadShare?: number;
  /** Indices of choice questions whose marked key is not the option strong students choose. */
  readonly wrongKeys?: readonly number[];
  /** Points of a right choice answer (and the penalty of a wrong one); 0.5 as the source paper. */
  readonly points?: number;
}

const OPTIONS = ['a', 'b', 'c', 'd'];

export function simulateClass(model: ClassModel): AnalysisInput {
  const random = seededRandom(model.seed);
  const normal = () => {
    // Box–Muller: two uniforms give a standard normal.
    const u = Math.max(1e-12, random());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const points = model.points ?? 0.5;
  const abilities = Array.from({ length: model.students }, normal);
  const wrongKeys = new Set(model.wrongKeys ?? []);
  const items: ItemInput[] = [];
  for (let question = 0; question < model.choiceQuestions; question += 1) {
    const difficulty = normal() * 0.8;
    const discrimination = 0.8 + random() * 1.4;
    const right = OPTIONS[Math.floor(random() * 4)] ?? 'a';
    const distractors = OPTIONS.filter((option) => option !== right);
    const appeal = distractors.map(() => 0.2 + random());
    const marked = wrongKeys.has(question) ? (distractors[Math.floor(random() * 3)] ?? right) : right;
    const scores = new Float64Array(model.students);
    const cells: ChoiceCell[] = [];
    abilities.forEach((ability, row) => {
      if (random() < (model.unreadShare ?? 0)) {
        scores[row] = Number.NaN;
        cells.push(null);
        return;
      }
      const knows = random() < 1 / (1 + Math.exp(-discrimination * (ability - difficulty)));
      let cell: ChoiceCell;
      if (knows) cell = right;
      else {
        const roll = random();
        const blank = model.blankShare ?? 0.12;
        const invalid = model.invalidShare ?? 0.03;
        if (roll < blank) cell = 'blank';
        else if (roll < blank + invalid) cell = random() < 0.7 ? 'invalid' : 'several';
        else cell = pickWeighted(distractors, appeal, random);
      }
      cells.push(cell);
      scores[row] =
        cell === marked ? points : cell === 'blank' || cell === 'invalid' || cell === 'several' ? 0 : -points;
    });
    items.push({ id: `q${question + 1}`, maximum: points, scores, choice: { options: OPTIONS, key: [marked], cells } });
  }
  for (let question = 0; question < (model.writtenQuestions ?? 0); question += 1) {
    const maximum = question % 2 === 0 ? 2 : 3;
    const difficulty = normal() * 0.6;
    const scores = new Float64Array(model.students);
    abilities.forEach((ability, row) => {
      if (random() < (model.ungradedShare ?? 0) || random() < (model.unreadShare ?? 0)) {
        scores[row] = Number.NaN;
        return;
      }
      const expected = maximum / (1 + Math.exp(-1.2 * (ability - difficulty)));
      // Marks in half points, as rubrics give them.
      scores[row] = Math.min(maximum, Math.max(0, Math.round((expected + normal() * 0.4) * 2) / 2));
    });
    items.push({ id: `w${question + 1}`, maximum, scores });
  }
  return { students: model.students, items, step: 0.5 };
}

function pickWeighted(options: readonly string[], weights: readonly number[], random: () => number): string {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let roll = random() * total;
  for (const [index, option] of options.entries()) {
    roll -= weights[index] ?? 0;
    if (roll <= 0) return option;
  }
  return options.at(-1) ?? '';
}
