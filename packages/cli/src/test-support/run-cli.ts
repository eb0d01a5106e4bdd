import { fileURLToPath } from 'node:url';
import { main } from '../main.js';

export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
export const BUNDLED = `${REPO}exams/dl-endsem-winter-2025/exam.md`;
export const SAMPLE_RESPONSES = `${REPO}exams/dl-endsem-winter-2025/sample-responses.csv`;

/** Runs the CLI in-process with captured, colourless output. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
    width: 100,
    color: false,
  });
  return { code, stdout, stderr };
}
