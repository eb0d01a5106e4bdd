import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisInput, ChoiceCell, ItemInput } from '../item-analysis.js';

/**
 * Response tables for the R oracle, as plain CSV both sides read: `<name>.scores.csv` (a column per item, `NA` where
 * not available), `<name>.choices.csv` (a column per choice item: an option, blank, invalid, several or `NA`) and
 * `<name>.items.csv` (id, maximum, options, key, leftOut; options and key empty for written items). Questions the
 * analysis leaves out (dropped, without a key) may be written too, with their points and why in `leftOut`: R leaves
 * them out by that column, the code under test by the exam.
 */
export interface LeftOutQuestion {
  readonly id: string;
  readonly maximum: number;
  readonly scores: Float64Array;
  readonly reason: string;
}

export function writeOracleTable(
  directory: string,
  name: string,
  input: AnalysisInput,
  leftOut: readonly LeftOutQuestion[] = [],
): void {
  const rows = (columns: readonly (readonly string[])[], header: readonly string[]) =>
    [
      header.join(','),
      ...Array.from({ length: input.students }, (_, row) => columns.map((c) => c[row]).join(',')),
    ].join('\n') + '\n';
  const scored = [...input.items, ...leftOut];
  const scoreColumns = scored.map((item) =>
    Array.from(item.scores, (value) => (Number.isNaN(value) ? 'NA' : String(value))),
  );
  writeFileSync(
    join(directory, `${name}.scores.csv`),
    rows(
      scoreColumns,
      scored.map((item) => item.id),
    ),
  );
  const choiceItems = input.items.filter((item) => item.choice);
  const choiceColumns = choiceItems.map((item) => (item.choice?.cells ?? []).map((cell) => cell ?? 'NA'));
  writeFileSync(
    join(directory, `${name}.choices.csv`),
    rows(
      choiceColumns,
      choiceItems.map((item) => item.id),
    ),
  );
  const itemLines = [
    ...input.items.map((item) =>
      [item.id, String(item.maximum), item.choice?.options.join('') ?? '', item.choice?.key.join('') ?? '', ''].join(
        ',',
      ),
    ),
    ...leftOut.map((question) => [question.id, String(question.maximum), '', '', question.reason].join(',')),
  ];
  writeFileSync(
    join(directory, `${name}.items.csv`),
    ['id,maximum,options,key,leftOut', ...itemLines].join('\n') + '\n',
  );
}

export function readOracleTable(directory: string, name: string): AnalysisInput {
  const read = (suffix: string) =>
    readFileSync(join(directory, `${name}.${suffix}.csv`), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
  const [scoreHeader = [], ...scoreRows] = read('scores');
  const [choiceHeader = [], ...choiceRows] = read('choices');
  const [, ...itemRows] = read('items');
  const analysed = itemRows.filter(([, , , , leftOut = '']) => leftOut === '');
  const items = analysed.map(([id = '', maximum = '', options = '', key = '']): ItemInput => {
    const column = scoreHeader.indexOf(id);
    const scores = Float64Array.from(scoreRows, (row) => (row[column] === 'NA' ? Number.NaN : Number(row[column])));
    const choiceColumn = choiceHeader.indexOf(id);
    return {
      id,
      maximum: Number(maximum),
      scores,
      ...(choiceColumn >= 0 && {
        choice: {
          options: options.split(''),
          key: key.split(''),
          cells: choiceRows.map((row): ChoiceCell => (row[choiceColumn] === 'NA' ? null : (row[choiceColumn] ?? null))),
        },
      }),
    };
  });
  return { students: scoreRows.length, items, step: 0.5 };
}
