import type { Output } from '../console.js';

/**
 * A progress bar for long work: redrawn in place on a terminal, one final line otherwise (logs and tests stay clean).
 */
export function progress(output: Output, label: string, total: number): { update(done: number): void; done(): void } {
  const width = 30;
  let last = -1;
  return {
    update(done: number) {
      if (!output.color || total === 0) return;
      const filled = Math.round((done / total) * width);
      if (filled === last) return;
      last = filled;
      process.stderr.write(`\r${label} [${'█'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (output.color && total > 0) process.stderr.write('\n');
    },
  };
}
