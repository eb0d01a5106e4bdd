import { argumentError, formatShape, shapeError } from '../errors.js';
import { contiguousStrides } from '../shape.js';
import { type Tensor, fromOp } from '../tensor.js';

interface Plan {
  readonly labels: string[]; // output labels first, then summed ones
  readonly sizes: number[];
  readonly outRank: number;
  /** strides[operand][label]: how far a step of that label moves in the operand (0 when it does not appear). */
  readonly strides: number[][];
}

const ELLIPSIS_LABELS = '0123456789';

/** Subscripts are ASCII letters (checked), so splitting into code units is exact. */
function letters(s: string): string[] {
  return s.split('');
}

function splitOperand(term: string, rank: number, index: number): string[] {
  const parts = term.split('...');
  if (parts.length > 2) throw argumentError('einsum', `operand ${index} ('${term}') has more than one ellipsis`);
  const explicit = parts.join('');
  if (!/^[a-zA-Z]*$/.test(explicit))
    throw argumentError('einsum', `operand ${index} ('${term}') may only use letters and one '...'`);
  const ellipsisRank = rank - explicit.length;
  if (parts.length === 1 ? ellipsisRank !== 0 : ellipsisRank < 0) {
    throw shapeError(
      'einsum',
      `operand ${index} has ${rank} dimensions but subscripts '${term}' name ${explicit.length}`,
    );
  }
  const ellipsis = parts.length === 2 ? letters(ELLIPSIS_LABELS.slice(10 - ellipsisRank)) : [];
  return [...letters(parts[0] ?? ''), ...ellipsis, ...letters(parts[1] ?? '')];
}

function outputLabels(output: string | undefined, inputs: readonly string[][]): string[] {
  const all = inputs.flat();
  const ellipsis = [...new Set(all.filter((l) => ELLIPSIS_LABELS.includes(l)))].sort();
  if (output === undefined) {
    const once = [...new Set(all)].filter(
      (l) => !ELLIPSIS_LABELS.includes(l) && all.filter((m) => m === l).length === 1,
    );
    return [...ellipsis, ...once.sort()];
  }
  const parts = output.split('...');
  const labels = [...letters(parts[0] ?? ''), ...(parts.length === 2 ? ellipsis : []), ...letters(parts[1] ?? '')];
  labels.forEach((l, i) => {
    if (labels.indexOf(l) !== i) throw argumentError('einsum', `output subscript '${l}' appears more than once`);
    if (!all.includes(l)) throw argumentError('einsum', `output subscript '${l}' does not appear in any operand`);
  });
  return labels;
}

function labelSizes(inputs: readonly string[][], operands: readonly Tensor[]): Map<string, number> {
  const sizes = new Map<string, number>();
  inputs.forEach((labels, k) => {
    const seenHere = new Map<string, number>();
    labels.forEach((l, i) => {
      const size = operands[k]?.shape[i] ?? 1;
      const here = seenHere.get(l);
      if (here !== undefined && here !== size) {
        throw shapeError(
          'einsum',
          `subscript '${l}' is repeated in operand ${k} with sizes ${here} and ${size} (a diagonal needs equal sizes)`,
        );
      }
      seenHere.set(l, size);
      const known = sizes.get(l);
      if (known !== undefined && known !== size && known !== 1 && size !== 1) {
        const name = ELLIPSIS_LABELS.includes(l) ? "a '...' dimension" : `subscript '${l}'`;
        throw shapeError(
          'einsum',
          `${name} has size ${known} in an earlier operand but ${size} in operand ${k} (shape ${formatShape(operands[k]?.shape ?? [])}); sizes must match or be 1`,
        );
      }
      sizes.set(l, Math.max(known ?? 1, size));
    });
  });
  return sizes;
}

function makePlan(equation: string, operands: readonly Tensor[]): Plan {
  const [lhs = '', output, extra] = equation.replace(/\s+/g, '').split('->');
  if (extra !== undefined) throw argumentError('einsum', `equation '${equation}' has more than one '->'`);
  const terms = lhs.split(',');
  if (terms.length !== operands.length) {
    throw argumentError(
      'einsum',
      `equation '${equation}' names ${terms.length} operands but ${operands.length} were given`,
    );
  }
  const inputs = terms.map((t, k) => splitOperand(t, operands[k]?.ndim ?? 0, k));
  const out = outputLabels(output, inputs);
  const sizes = labelSizes(inputs, operands);
  const labels = [...out, ...[...sizes.keys()].filter((l) => !out.includes(l))];
  const strides = operands.map((t, k) => {
    const own = contiguousStrides(t.shape);
    return labels.map(
      (l) => inputs[k]?.reduce((s, m, i) => (m === l && (t.shape[i] ?? 1) !== 1 ? s + (own[i] ?? 0) : s), 0) ?? 0,
    );
  });
  return { labels, sizes: labels.map((l) => sizes.get(l) ?? 1), outRank: out.length, strides };
}

/** Visit every assignment of the labels, with each operand's offset and the output offset. */
function forEachAssignment(plan: Plan, visit: (outIndex: number, offsets: Int32Array) => void): void {
  const { sizes, strides, outRank } = plan;
  const total = sizes.reduce((n, d) => n * d, 1);
  if (total === 0) return;
  const outStrides = [...contiguousStrides(sizes.slice(0, outRank)), ...sizes.slice(outRank).map(() => 0)];
  const idx = new Array<number>(sizes.length).fill(0);
  const offsets = new Int32Array(strides.length);
  let outIndex = 0;
  for (let step = 0; step < total; step++) {
    visit(outIndex, offsets);
    for (let d = sizes.length - 1; d >= 0; d--) {
      const next = (idx[d] ?? 0) + 1;
      const moved = next < (sizes[d] ?? 1) ? 1 : -(next - 1);
      idx[d] = moved === 1 ? next : 0;
      outIndex += moved * (outStrides[d] ?? 0);
      strides.forEach((s, k) => (offsets[k] = (offsets[k] ?? 0) + moved * (s[d] ?? 0)));
      if (moved === 1) break;
    }
  }
}

/**
 * Einstein summation (torch.einsum): `'ij,jk->ik'`, implicit output (`'ij,jk'` keeps the labels seen once, in
 * alphabetical order), `'...'` for leading or trailing batch dimensions, size-1 broadcasting, and repeated labels
 * for traces and diagonals (`'ii->'`, `'ii->i'`). Labels missing from the output are summed.
 *
 * @example
 * ```ts
 * einsum('bij,bjk->bik', a, b); // bmm
 * einsum('ii->', m); // trace
 * einsum('i,j->ij', u, v); // outer product
 * ```
 */
export function einsum(equation: string, ...operands: Tensor[]): Tensor {
  const plan = makePlan(equation, operands);
  const outShape = plan.sizes.slice(0, plan.outRank);
  const out = new Float64Array(outShape.reduce((n, d) => n * d, 1));
  const product = (offsets: Int32Array, skip: number): number =>
    operands.reduce((p, t, k) => (k === skip ? p : p * (t.data[offsets[k] ?? 0] ?? 0)), 1);
  forEachAssignment(plan, (o, offsets) => (out[o] = (out[o] ?? 0) + product(offsets, -1)));
  return fromOp('einsum', out, outShape, operands, (g, needs) => {
    const grads = operands.map((t, k) => (needs[k] === true ? new Float64Array(t.numel) : null));
    forEachAssignment(plan, (o, offsets) => {
      grads.forEach((gk, k) => {
        if (gk === null) return;
        const at = offsets[k] ?? 0;
        gk[at] = (gk[at] ?? 0) + (g[o] ?? 0) * product(offsets, k);
      });
    });
    return grads;
  });
}
