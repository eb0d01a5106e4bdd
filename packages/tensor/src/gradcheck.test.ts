import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as T from './index.js';
import type { Tensor } from './index.js';
import { gradcheck } from './test-support/gradcheck.js';

/** Fixed fast-check seed: the same shapes and parameters on every run. */
const RUNS = { seed: 20251125, numRuns: 25 };
const seedArb = fc.integer({ min: 1, max: 1_000_000 });
const shapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 });
const positive = (t: Tensor): Tensor => T.add(T.abs(t), 0.3);

/** Two shapes that broadcast: a shape and a copy with some sizes set to 1 and leading dimensions dropped. */
const broadcastPairArb = shapeArb.chain((s) =>
  fc
    .tuple(fc.constant(s), fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }), fc.nat(s.length))
    .map(([a, ones, drop]) => [a, a.map((d, i) => (ones[i] ? 1 : d)).slice(drop)] as const),
);

function check(name: string, arb: fc.Arbitrary<() => void>, runs = RUNS): void {
  it(name, () =>
    fc.assert(
      fc.property(arb, (run) => run()),
      runs,
    ),
  );
}

describe('finite differences agree with autograd', () => {
  const binary: [string, (a: Tensor, b: Tensor) => Tensor, boolean][] = [
    ['add', T.add, false],
    ['sub', T.sub, false],
    ['mul', T.mul, false],
    ['div', (a, b) => T.div(a, positive(b)), false],
    ['pow', (a, b) => T.pow(positive(a), b), false],
    ['xlogy', (a, b) => T.xlogy(a, positive(b)), false],
    ['maximum', T.maximum, false],
    ['minimum', T.minimum, false],
  ];
  for (const [name, f] of binary) {
    check(
      `${name} (broadcasting)`,
      fc.tuple(broadcastPairArb, fc.boolean(), seedArb).map(([[sa, sb], swap, seed]) => () => {
        const [x, y] = swap ? [sb, sa] : [sa, sb];
        gradcheck(([a, b]) => f(a!, b!), [T.randn(x, seed), T.randn(y, seed + 7)], seed);
      }),
    );
  }

  const unary: [string, (x: Tensor) => Tensor][] = [
    ['neg', T.neg],
    ['exp', T.exp],
    ['log', (x) => T.log(positive(x))],
    ['sqrt', (x) => T.sqrt(positive(x))],
    ['abs', T.abs],
    ['clamp', (x) => T.clamp(x, { min: -0.5, max: 0.5 })],
    ['relu', T.relu],
    ['leakyRelu', (x) => T.leakyRelu(x, 0.1)],
    ['sigmoid', T.sigmoid],
    ['tanh', T.tanh],
    ['softplus', T.softplus],
    ['sum over dims', (x) => T.sum(x, x.ndim - 1, { keepdim: true })],
    ['mean', (x) => T.mean(x, 0)],
    ['variance', (x) => T.variance(T.cat([x, T.mul(x, 2)], 0), 0)],
    ['max over all', (x) => T.max(x)],
    ['max over a dim', (x) => T.max(x, -1).values],
    ['min over a dim', (x) => T.min(x, 0, { keepdim: true }).values],
    ['reshape / flatten', (x) => T.reshape(T.flatten(x), [-1, 1])],
    [
      'permute',
      (x) =>
        T.permute(
          x,
          x.shape.map((_, i) => x.ndim - 1 - i),
        ),
    ],
    ['transpose', (x) => T.transpose(x, 0, -1)],
    ['expand', (x) => T.expand(T.unsqueeze(x, 0), [3, ...x.shape])],
    ['slice / narrow / select', (x) => T.select(T.slice(x, 0, { start: 0, step: 2 }), 0, 0)],
    ['squeeze / unsqueeze', (x) => T.squeeze(T.unsqueeze(x, 1))],
    ['cat / stack / chunk', (x) => T.stack([...T.chunk(T.cat([x, x], 0), 2, 0), x], 1)],
    ['gather', (x) => T.gather(x, 0, T.zeros([1, ...x.shape.slice(1)]))],
    ['softmax', (x) => T.softmax(x, -1)],
    ['logSoftmax', (x) => T.logSoftmax(x, 0)],
    ['layerNorm', (x) => T.layerNorm(T.mul(x, 3), x.shape.slice(-1), null, null)],
  ];
  for (const [name, f] of unary) {
    check(
      name,
      fc.tuple(shapeArb, seedArb).map(
        ([shape, seed]) =>
          () =>
            gradcheck(([x]) => f(x!), [T.randn(shape, seed)], seed),
      ),
    );
  }

  check(
    'masked softmax and logSoftmax',
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 5 }), seedArb, fc.boolean())
      .map(([rows, cols, seed, log]) => () => {
        const mask = T.fromFlat(
          T.rand([rows, cols], seed).data.map((u, i) => (i % cols === 0 || u < 0.6 ? 1 : 0)),
          [rows, cols],
        );
        const f = log ? T.logSoftmax : T.softmax;
        gradcheck(([x]) => f(x!, 1, { mask }), [T.randn([rows, cols], seed)], seed);
      }),
  );

  const matShape = fc.integer({ min: 1, max: 4 });
  check(
    'matmul (1-D, 2-D, batched broadcasting), bmm, linear',
    fc
      .tuple(matShape, matShape, matShape, fc.constantFrom('vv', 'mv', 'vm', 'mm', 'batched', 'bmm', 'linear'), seedArb)
      .map(([n, k, m, kind, seed]) => () => {
        const shapes: Record<string, [number[], number[]]> = {
          vv: [[k], [k]],
          mv: [[n, k], [k]],
          vm: [[k], [k, m]],
          mm: [
            [n, k],
            [k, m],
          ],
          batched: [
            [2, 1, n, k],
            [3, k, m],
          ],
          bmm: [
            [2, n, k],
            [2, k, m],
          ],
          linear: [
            [n, k],
            [m, k],
          ],
        };
        const [sa, sb] = shapes[kind]!;
        const f =
          kind === 'bmm' ? T.bmm : kind === 'linear' ? (a: Tensor, b: Tensor) => T.linear(a, b, T.ones([m])) : T.matmul;
        gradcheck(([a, b]) => f(a!, b!), [T.randn(sa, seed), T.randn(sb, seed + 3)], seed);
      }),
  );

  check(
    'einsum',
    fc
      .tuple(
        fc.constantFrom<[string, number[][]]>(
          [
            'ij,jk->ik',
            [
              [2, 3],
              [3, 2],
            ],
          ],
          ['ii->', [[3, 3]]],
          ['ii->i', [[3, 3]]],
          ['i,j->ij', [[2], [3]]],
          [
            '...ij,...jk->...ik',
            [
              [2, 2, 3],
              [3, 2],
            ],
          ],
          [
            'ij,jk,kl',
            [
              [2, 2],
              [2, 3],
              [3, 2],
            ],
          ],
          ['iij->j', [[2, 2, 3]]],
        ),
        seedArb,
      )
      .map(([[equation, shapes], seed]) => () => {
        gradcheck(
          (xs) => T.einsum(equation, ...xs),
          shapes.map((s, i) => T.randn(s, seed + i)),
          seed,
        );
      }),
  );

  const geometry = fc.record({
    stride: fc.constantFrom(1, 2, [1, 2] as [number, number]),
    padding: fc.constantFrom(0, 1, [1, 0] as [number, number]),
    dilation: fc.constantFrom(1, 2),
    groups: fc.constantFrom(1, 2),
    kernel: fc.constantFrom(1, 2, 3),
    bias: fc.boolean(),
    seed: seedArb,
  });
  check(
    'conv2d (stride, padding, dilation, groups, bias)',
    geometry.map((g) => () => {
      const inputs = [
        T.randn([1, 2 * g.groups, 6, 5], g.seed),
        T.randn([2 * g.groups, 2, g.kernel, g.kernel], g.seed + 1),
      ];
      if (g.bias) inputs.push(T.randn([2 * g.groups], g.seed + 2));
      gradcheck(
        ([x, w, b]) =>
          T.conv2d(x!, w!, b, { stride: g.stride, padding: g.padding, dilation: g.dilation, groups: g.groups }),
        inputs,
        g.seed,
      );
    }),
  );
  check(
    'convTranspose2d (stride, padding, output padding, dilation, groups, bias)',
    geometry.map((g) => () => {
      const inputs = [
        T.randn([1, 2 * g.groups, 3, 3], g.seed),
        T.randn([2 * g.groups, 2, g.kernel, g.kernel], g.seed + 1),
      ];
      if (g.bias) inputs.push(T.randn([2 * g.groups], g.seed + 2));
      const outputPadding = g.stride === 2 ? 1 : 0;
      gradcheck(
        ([x, w, b]) =>
          T.convTranspose2d(x!, w!, b, {
            stride: g.stride,
            padding: g.padding,
            dilation: g.dilation,
            groups: g.groups,
            outputPadding,
          }),
        inputs,
        g.seed,
      );
    }),
  );
  check(
    'maxPool2d and maxUnpool2d',
    fc
      .tuple(fc.constantFrom(2, 3), fc.constantFrom(1, 2), fc.constantFrom(0, 1), fc.boolean(), seedArb)
      .map(([kernelSize, stride, padding, ceilMode, seed]) => () => {
        const x = T.randn([1, 2, 6, 5], seed);
        gradcheck(([t]) => T.maxPool2d(t!, { kernelSize, stride, padding, ceilMode }), [x], seed);
        // Non-overlapping windows: where two windows share a maximum, unpooling writes one of them, while the
        // gradient (torch's too) gathers to both; finite differences see only the write.
        const { output, indices } = T.maxPool2d(x, { kernelSize, padding, returnIndices: true });
        gradcheck(([t]) => T.maxUnpool2d(t!, indices, { kernelSize, padding, outputSize: x.shape }), [output], seed);
      }),
  );
  check(
    'batchNorm (training and evaluation, affine or not)',
    fc.tuple(fc.boolean(), fc.boolean(), seedArb).map(([training, affine, seed]) => () => {
      const inputs = [T.randn([3, 2, 2], seed), ...(affine ? [T.randn([2], seed + 1), T.randn([2], seed + 2)] : [])];
      gradcheck(([x, w, b]) => T.batchNorm(x!, T.zeros([2]), T.ones([2]), w, b, { training }), inputs, seed);
    }),
  );
  check(
    'layerNorm with affine',
    seedArb.map((seed) => () => {
      gradcheck(
        ([x, w, b]) => T.layerNorm(x!, [2, 3], w, b),
        [T.randn([2, 2, 3], seed), T.randn([2, 3], seed + 1), T.randn([2, 3], seed + 2)],
        seed,
      );
    }),
  );
  check(
    'dropout',
    seedArb.map((seed) => () => gradcheck(([x]) => T.dropout(x!, { p: 0.4, seed }), [T.randn([3, 4], seed)], seed)),
  );
  check(
    'lstmCell',
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), seedArb)
      .map(([inputSize, hidden, batch, seed]) => () => {
        const shapes = [
          [batch, inputSize],
          [batch, hidden],
          [batch, hidden],
          [4 * hidden, inputSize],
          [4 * hidden, hidden],
          [4 * hidden],
          [4 * hidden],
        ];
        const inputs = shapes.map((s, i) => T.randn(s, seed + i));
        const cell = (xs: Tensor[]) => T.lstmCell(xs[0]!, xs[1]!, xs[2]!, xs[3]!, xs[4]!, xs[5], xs[6]);
        gradcheck((xs) => cell(xs).h, inputs, seed);
        gradcheck((xs) => cell(xs).c, inputs, seed);
      }),
  );

  const reduction = fc.constantFrom<T.Reduction>('mean', 'sum', 'none');
  check(
    'mseLoss, bceLoss, bceWithLogitsLoss',
    fc.tuple(shapeArb, reduction, seedArb).map(([shape, r, seed]) => () => {
      const probs = (t: Tensor) => T.sigmoid(t);
      const [a, b] = [T.randn(shape, seed), T.randn(shape, seed + 1)];
      gradcheck(([x, y]) => T.mseLoss(x!, y!, { reduction: r }), [a, b], seed);
      gradcheck(([x, y]) => T.bceLoss(probs(x!), probs(y!), { reduction: r }), [a, b], seed);
      gradcheck(
        ([x, y]) => T.bceWithLogitsLoss(x!, probs(y!), { reduction: r, posWeight: T.full([shape.at(-1)!], 2) }),
        [a, b],
        seed,
      );
    }),
  );
  check(
    'crossEntropy and nllLoss (class weights, ignored targets, probabilities)',
    fc
      .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 3 }), reduction, seedArb)
      .map(([classes, n, r, seed]) => () => {
        const target = T.fromFlat(
          T.rand([n], seed).data.map((u) => Math.floor(u * classes)),
          [n],
        );
        const weight = T.add(T.rand([classes], seed + 2), 0.5);
        const logits = T.randn([n, classes], seed + 1);
        gradcheck(([x]) => T.crossEntropy(x!, target, { reduction: r, weight }), [logits], seed);
        const someIgnored = T.fromFlat(
          target.data.map((t, i) => (i === 0 && n > 1 ? -100 : t)),
          [n],
        );
        gradcheck(([x]) => T.nllLoss(T.logSoftmax(x!, 1), someIgnored, { reduction: r }), [logits], seed);
        gradcheck(
          ([x, p]) => T.crossEntropy(x!, T.softmax(p!, 1), { reduction: r }),
          [logits, T.randn([n, classes], seed + 3)],
          seed,
        );
      }),
  );
  check(
    'ganGeneratorLoss (every kind, logits and probabilities)',
    fc
      .tuple(
        fc.constantFrom<T.GanGeneratorLossKind>('minimax', 'non-saturating', 'least-squares', 'wasserstein'),
        fc.boolean(),
        seedArb,
      )
      .map(([kind, logits, seed]) => () => {
        const f = logits ? (x: Tensor) => x : T.sigmoid;
        gradcheck(
          ([x]) => T.ganGeneratorLoss(f(x!), kind, { inputs: logits ? 'logits' : 'probabilities' }),
          [T.randn([4], seed)],
          seed,
        );
      }),
  );
  check(
    'klDivergence and jsDivergence',
    fc.tuple(fc.integer({ min: 2, max: 5 }), fc.constantFrom(Math.E, 2), seedArb).map(([n, base, seed]) => () => {
      const inputs = [T.randn([2, n], seed), T.randn([2, n], seed + 1)];
      gradcheck(([p, q]) => T.klDivergence(T.softmax(p!, 1), T.softmax(q!, 1), { base }), inputs, seed);
      gradcheck(([p, q]) => T.jsDivergence(T.softmax(p!, 1), T.softmax(q!, 1), { base }), inputs, seed);
    }),
  );
});
