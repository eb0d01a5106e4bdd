/**
 * Why a tensor operation refused its arguments:
 * - `shape`: the shapes do not fit the operation's rule (rank, sizes, broadcasting, channels),
 * - `argument`: a non-shape argument is out of range (a negative stride, `p` outside [0, 1], ...),
 * - `autograd`: a gradient was asked for where none can be computed.
 */
export type TensorErrorCode = 'shape' | 'argument' | 'autograd';

/**
 * The one error class of `@examforge/tensor`. The message names the operation, the shapes and the rule, so a
 * check author can fix the call without reading this package.
 *
 * @example
 * ```ts
 * try {
 *   conv2d(zeros([1, 3, 8, 8]), zeros([8, 4, 3, 3]));
 * } catch (error) {
 *   if (error instanceof TensorError && error.code === 'shape') console.log(error.message);
 *   // conv2d: input has 3 channels but weight expects 4 (weight [8,4,3,3], groups=1)
 * }
 * ```
 */
export class TensorError extends Error {
  override readonly name = 'TensorError';

  constructor(
    readonly code: TensorErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * How every message prints a shape.
 *
 * @example
 * ```ts
 * formatShape([8, 4, 3, 3]); // '[8,4,3,3]'
 * ```
 */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

export function shapeError(op: string, message: string): TensorError {
  return new TensorError('shape', `${op}: ${message}`);
}

export function argumentError(op: string, message: string): TensorError {
  return new TensorError('argument', `${op}: ${message}`);
}
