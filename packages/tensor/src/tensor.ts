import { TensorError, formatShape } from './errors.js';
import { contiguousStrides, numel, sameShape } from './shape.js';

/** Nested arrays of numbers, as `toArray()` returns and `tensor()` accepts. */
export type NestedArray = number | readonly NestedArray[];

/**
 * How an operation passes gradients back to its inputs: given the gradient of the output (flat, row-major) and
 * which inputs need one, the gradient of each input (or `null`).
 */
export type BackwardFn = (gradOutput: Float64Array, needsGrad: readonly boolean[]) => readonly (Float64Array | null)[];

/** The node of the autograd graph that produced a tensor. */
export interface GradFn {
  readonly name: string;
  readonly inputs: readonly Tensor[];
  readonly backward: BackwardFn;
}

/** Options shared by constructors. */
export interface TensorOptions {
  readonly requiresGrad?: boolean;
}

let gradEnabled = true;

/**
 * Run `fn` without recording operations for autograd (torch.no_grad).
 *
 * @example
 * ```ts
 * const y = noGrad(() => mul(w, 2)); // y.requiresGrad === false
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/**
 * A float64, row-major, contiguous n-dimensional array that records the operations applied to it for reverse-mode
 * autograd. Operations never alias: reshape and transpose copy, so `data` is always contiguous and `strides` is
 * always the row-major strides of `shape`.
 *
 * @example
 * ```ts
 * const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * const y = sum(mul(x, x));
 * y.backward();
 * x.grad?.toArray(); // [[2, 4], [6, 8]]
 * ```
 */
export class Tensor {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  requiresGrad: boolean;
  /** The accumulated gradient (leaves, and non-leaves after `retainGrad()`); `null` before any backward. */
  grad: Tensor | null = null;
  private retains = false;

  constructor(
    readonly data: Float64Array,
    shape: readonly number[],
    options: TensorOptions = {},
    readonly gradFn: GradFn | null = null,
  ) {
    if (data.length !== numel(shape)) {
      throw new TensorError('shape', `Tensor: ${data.length} values do not fill shape ${formatShape(shape)}`);
    }
    this.shape = Object.freeze([...shape]);
    this.strides = Object.freeze(contiguousStrides(shape));
    this.requiresGrad = (options.requiresGrad ?? false) || gradFn !== null;
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  get numel(): number {
    return this.data.length;
  }

  /** A leaf is a tensor not produced by a recorded operation; only leaves (and retained ones) keep `.grad`. */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** The value of a one-element tensor. */
  item(): number {
    if (this.data.length !== 1) {
      throw new TensorError(
        'shape',
        `item: only one-element tensors have an item, got shape ${formatShape(this.shape)}`,
      );
    }
    return this.data[0] ?? Number.NaN;
  }

  /** The values as nested arrays (a number for a 0-d tensor). */
  toArray(): NestedArray {
    const build = (dim: number, offset: number): NestedArray => {
      if (dim === this.shape.length) return this.data[offset] ?? Number.NaN;
      const size = this.shape[dim] ?? 0;
      const stride = this.strides[dim] ?? 1;
      return Array.from({ length: size }, (_, i) => build(dim + 1, offset + i * stride));
    };
    return build(0, 0);
  }

  /** The same values, cut from the graph (shares no data; `requiresGrad` false). */
  detach(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /** Keep `.grad` on this non-leaf tensor after backward (torch `retain_grad`). */
  retainGrad(): this {
    this.retains = true;
    return this;
  }

  /**
   * Accumulate d(this)/d(leaf) into every leaf's `.grad`. A non-scalar tensor needs `gradient` (same shape), the
   * vector of the vector–Jacobian product. The graph is kept, so backward may run again (gradients add up).
   */
  backward(gradient?: Tensor): void {
    if (!this.requiresGrad) {
      throw new TensorError('autograd', 'backward: this tensor does not require grad and has no grad_fn');
    }
    if (gradient === undefined && this.data.length !== 1) {
      throw new TensorError(
        'autograd',
        `backward: grad can be implicitly created only for scalar outputs; pass a gradient of shape ${formatShape(this.shape)}`,
      );
    }
    if (gradient !== undefined && !sameShape(gradient.shape, this.shape)) {
      throw new TensorError(
        'shape',
        `backward: gradient has shape ${formatShape(gradient.shape)} but the tensor has shape ${formatShape(this.shape)}`,
      );
    }
    runBackward(this, gradient?.data.slice() ?? new Float64Array(1).fill(1));
  }

  /** Whether `.grad` is stored on this tensor during backward. */
  get keepsGrad(): boolean {
    return this.retains || (this.gradFn === null && this.requiresGrad);
  }
}

function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<Tensor>();
  const stack: { t: Tensor; expanded: boolean }[] = [{ t: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    if (top.expanded) {
      order.push(top.t);
      continue;
    }
    if (seen.has(top.t)) continue;
    seen.add(top.t);
    stack.push({ t: top.t, expanded: true });
    for (const input of top.t.gradFn?.inputs ?? [])
      if (input.requiresGrad && !seen.has(input)) stack.push({ t: input, expanded: false });
  }
  return order.reverse();
}

function accumulate(into: Map<Tensor, Float64Array>, t: Tensor, g: Float64Array): void {
  const existing = into.get(t);
  if (existing === undefined) {
    // A copy: backward functions may hand the same array to several inputs.
    into.set(t, g.slice());
    return;
  }
  for (let i = 0; i < g.length; i++) existing[i] = (existing[i] ?? 0) + (g[i] ?? 0);
}

function storeGrad(t: Tensor, g: Float64Array): void {
  if (t.grad === null) {
    t.grad = new Tensor(g.slice(), t.shape);
    return;
  }
  const data = t.grad.data;
  for (let i = 0; i < g.length; i++) data[i] = (data[i] ?? 0) + (g[i] ?? 0);
}

function runBackward(root: Tensor, seed: Float64Array): void {
  const grads = new Map<Tensor, Float64Array>([[root, seed]]);
  for (const t of topologicalOrder(root)) {
    const g = grads.get(t);
    if (g === undefined) continue;
    grads.delete(t);
    if (t.keepsGrad) storeGrad(t, g);
    const fn = t.gradFn;
    if (fn === null) continue;
    const needs = fn.inputs.map((input) => input.requiresGrad);
    const inputGrads = fn.backward(g, needs);
    fn.inputs.forEach((input, i) => {
      const ig = inputGrads[i];
      if (needs[i] === true && ig) accumulate(grads, input, ig);
    });
  }
}

/**
 * Build the result of an operation: it records `backward` when grad mode is on and some input requires grad.
 * Internal to the package (ops use it); not exported from the index.
 */
export function fromOp(
  name: string,
  data: Float64Array,
  shape: readonly number[],
  inputs: readonly Tensor[],
  backward: BackwardFn,
): Tensor {
  const tracked = gradEnabled && inputs.some((t) => t.requiresGrad);
  return new Tensor(data, shape, {}, tracked ? { name, inputs, backward } : null);
}
