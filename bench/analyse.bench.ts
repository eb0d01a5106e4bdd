/**
 * Workload: a class of 10,000 students (--students N) answering an exam of 100 single-choice questions (--questions
 * N) with negative marking, drawn from the simulated-class model (blanks, invalid and several marks, a wrong key):
 * score every student, build the item table, analyse it (facility, discrimination, α if deleted, option tables,
 * KR-20, flags). Reports the time of each stage, and the CPU time of the whole (on a shared machine the wall time
 * also counts the other processes' turns). Goal: under 0.5 s in all.
 *
 * Core is imported as built (`npm run bench` builds it first), as the server and the command line run it: through
 * `@examforge/core`, tsx would follow tsconfig's paths to the TypeScript source and time its own transpiled copy.
 */
import {
  analyseItems,
  analysisInput,
  parseExam,
  score,
  type Exam,
  type StudentResponses,
} from '../packages/core/dist/index.js';
import { simulateClass } from '../packages/core/src/analysis/test-support/simulated-class.js';
import type { BenchmarkResult } from './run.js';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

function examOf(questions: number, keys: readonly string[]): Exam {
  const body = Array.from({ length: questions }, (_, index) => {
    const options = ['a', 'b', 'c', 'd'].map((letter) => `- [${letter === keys[index] ? 'x' : ' '}] Option ${letter}`);
    return `## Question ${index + 1} {#q${index + 1}}\n\nWhich option?\n\n${options.join('\n')}\n`;
  });
  const text = `---\nid: bench\ntitle: Bench\nduration: 120\nsections:\n  - id: main\n    marks: 0.5\n    penalty: 0.5\n---\n\n# Main {#main}\n\n${body.join('\n')}`;
  const parsed = parseExam(text);
  if (!parsed.ok) throw new Error(`bench exam does not parse: ${JSON.stringify(parsed.diagnostics.slice(0, 2))}`);
  return parsed.exam;
}

export function benchmarkAnalyse(): BenchmarkResult {
  const students = Number(option('students', '10000'));
  const questions = Number(option('questions', '100'));
  const simulated = simulateClass({ seed: 'bench-analyse', students, choiceQuestions: questions, wrongKeys: [7] });
  const exam = examOf(
    questions,
    simulated.items.map((item) => item.choice?.key[0] ?? 'a'),
  );
  // The simulated choices as the responses students gave.
  const responses: StudentResponses[] = Array.from({ length: students }, (_, row) => ({
    answers: Object.fromEntries(
      simulated.items.map((item) => {
        const cell = item.choice?.cells[row] ?? 'blank';
        if (cell === 'blank') return [item.id, { kind: 'blank' }];
        if (cell === 'several') return [item.id, { kind: 'choice', selected: ['a', 'b'] }];
        if (cell === 'invalid')
          return [item.id, { kind: 'choice', selected: [], invalidMarks: [{ option: 'a', mark: 'tick' }] }];
        return [item.id, { kind: 'choice', selected: [cell] }];
      }),
    ),
  }));
  const rows = [];
  for (let run = 0; run < 5; run += 1) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const scored = responses.map((answers) => ({ responses: answers, report: score(exam, answers) }));
    const t1 = performance.now();
    const input = analysisInput(exam, scored);
    const t2 = performance.now();
    const analysis = analyseItems(input);
    const t3 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    rows.push({
      run: run + 1,
      students,
      questions,
      'score ms': Math.round(t1 - t0),
      'table ms': Math.round(t2 - t1),
      'analyse ms': Math.round(t3 - t2),
      'total ms': Math.round(t3 - t0),
      'cpu ms': Math.round((cpu.user + cpu.system) / 1000),
      alpha: Math.round(analysis.test.alpha * 1000) / 1000,
      'wrong keys flagged': analysis.items.filter((item) => item.flags.some((f) => f.kind === 'possible-wrong-key'))
        .length,
    });
  }
  return {
    name: 'analyse',
    workload: `${students} students × ${questions} single-choice questions: score, tabulate, analyse (5 runs; the first warms up)`,
    rows,
  };
}
