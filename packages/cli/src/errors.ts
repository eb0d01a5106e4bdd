/** Exit codes of every command: scripts and CI rely on them. */
export const EXIT = {
  ok: 0,
  /** The command ran and found problems (lint errors). */
  findings: 1,
  /** The command could not run: bad arguments, a missing file, input that cannot be read. */
  badInput: 2,
} as const;

/**
 * A mistake of the user's: shown as a message (never a stack trace) and mapped to exit code 2.
 * `details` are printed below the message, one per line.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}
