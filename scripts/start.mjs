// `npm start`: the main job on the bundled exam. Today that is the command line on the bundled source exam:
// check it, then grade the bundled sample responses. Results go to ./out/ (ignored by git).
import { mkdirSync } from 'node:fs';
import { main } from '../packages/cli/dist/main.js';

const exam = 'exams/dl-endsem-winter-2025/exam.md';
const responses = 'exams/dl-endsem-winter-2025/sample-responses.csv';
mkdirSync('out', { recursive: true });

const step = (title) => console.log(`\n\u001b[1m▶ ${title}\u001b[0m\n`);
step(`examforge lint ${exam}`);
const lintCode = await main(['lint', exam]);
step(`examforge grade ${exam} ${responses} --out out/sample-results.csv`);
const gradeCode = await main(['grade', exam, responses, '--out', 'out/sample-results.csv']);
console.log(`\nNext: \`npx examforge show ${exam}\` prints the whole exam with its key and the instructor's notes.`);
process.exitCode = Math.max(lintCode, gradeCode);
