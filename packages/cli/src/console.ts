import pc from 'picocolors';

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Terminal width for wrapping. */
  readonly width: number;
  readonly color: boolean;
}

export function processOutput(): Output {
  return {
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    width: Math.max(60, Math.min(process.stdout.columns || 100, 120)),
    color: pc.isColorSupported,
  };
}

/** Colour helpers that respect the output's colour setting. */
export function styles(output: Output) {
  const c = pc.createColors(output.color);
  return {
    bold: c.bold,
    dim: c.dim,
    error: (text: string) => c.red(c.bold(text)),
    warning: (text: string) => c.yellow(c.bold(text)),
    good: c.green,
    note: c.yellow,
    key: c.green,
    heading: (text: string) => c.bold(c.cyan(text)),
  };
}
export type Styles = ReturnType<typeof styles>;
