import { TensorError } from './errors.js';

/** Exhaustiveness guard for tagged unions; reached only when a caller passes a value outside the union. */
export function assertNever(value: never): never {
  throw new TensorError('argument', `unexpected value ${JSON.stringify(value)}`);
}
