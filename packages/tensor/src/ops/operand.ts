import { Tensor } from '../tensor.js';

/** A tensor, or a plain number that acts as a 0-d tensor (broadcast against anything). */
export type Operand = Tensor | number;

export function asTensor(x: Operand): Tensor {
  return typeof x === 'number' ? new Tensor(Float64Array.of(x), []) : x;
}
