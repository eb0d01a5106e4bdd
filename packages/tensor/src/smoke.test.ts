import { describe, expect, it } from 'vitest';
import { tensor, sum, mul, matmul, einsum, max, add, transpose, slice } from './index.js';

describe('smoke', () => {
  it('works', () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true },
    );
    const y = sum(mul(x, x));
    y.backward();
    expect(x.grad?.toArray()).toEqual([
      [2, 4],
      [6, 8],
    ]);
    expect(matmul(tensor([1, 2]), tensor([3, 4])).item()).toBe(11);
    expect(einsum('ij,jk->ik', x, x).toArray()).toEqual(matmul(x, x).toArray());
    expect(einsum('ii->', x).item()).toBe(5);
    expect(einsum('ii->i', x).toArray()).toEqual([1, 4]);
    expect(einsum('...ij->...ji', x).toArray()).toEqual(transpose(x, 0, 1).toArray());
    const m = max(x, 1);
    expect(m.values.toArray()).toEqual([2, 4]);
    expect(m.indices.toArray()).toEqual([1, 1]);
    expect(add(tensor([[1], [2]]), tensor([10, 20, 30])).toArray()).toEqual([
      [11, 21, 31],
      [12, 22, 32],
    ]);
    expect(slice(tensor([0, 1, 2, 3, 4]), 0, { start: 1, step: 2 }).toArray()).toEqual([1, 3]);
  });
});
