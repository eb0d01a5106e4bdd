/** The Examforge command line, as a library: `main(argv, output)` returns the exit code. */
export { main } from './main.js';
export type { Output } from './console.js';
export { EXIT, UserError } from './errors.js';
