/**
 * Runs a benchmark by name: `npm run bench -- score`. Each benchmark prints a table and writes JSON to bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchmarkAnalyse } from './analyse.bench.js';
import { benchmarkCloseStorm } from './close-storm.bench.js';
import { benchmarkExamDay } from './exam-day.bench.js';
import { benchmarkGrading } from './grading.bench.js';
import { benchmarkImport } from './import.bench.js';
import { benchmarkPrint } from './print.bench.js';
import { benchmarkOmr } from './omr.bench.js';
import { benchmarkOmrIndependent } from './omr-independent.bench.js';
import { benchmarkScore } from './score.bench.js';

export interface BenchmarkResult {
  readonly name: string;
  readonly workload: string;
  readonly rows: readonly Record<string, string | number>[];
  /** Conclusions drawn from the rows, printed under the table. */
  readonly summary?: readonly string[];
}

const BENCHMARKS: Record<string, () => BenchmarkResult | Promise<BenchmarkResult>> = {
  score: benchmarkScore,
  'exam-day': benchmarkExamDay,
  'close-storm': benchmarkCloseStorm,
  print: benchmarkPrint,
  omr: benchmarkOmr,
  'omr-independent': benchmarkOmrIndependent,
  grading: benchmarkGrading,
  analyse: benchmarkAnalyse,
  import: benchmarkImport,
};

const names = process.argv
  .slice(2)
  .filter((arg, index, all) => !arg.startsWith('--') && !(all[index - 1] ?? '').startsWith('--'));
const chosen = names.length === 0 ? ['score'] : names;
const unknown = chosen.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; available: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
const resultsDirectory = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(resultsDirectory, { recursive: true });
for (const name of chosen) {
  const result = await BENCHMARKS[name]?.();
  if (!result) continue;
  console.log(`\n${result.name}: ${result.workload}`);
  console.table(result.rows);
  for (const line of result.summary ?? []) console.log(line);
  const file = `${resultsDirectory}${name}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ ...result, node: process.version, date: new Date().toISOString() }, null, 2)}\n`,
  );
  console.log(`→ ${file}`);
}
