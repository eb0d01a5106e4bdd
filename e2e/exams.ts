import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BUNDLED = readFileSync(
  fileURLToPath(new URL('../exams/dl-endsem-winter-2025/exam.md', import.meta.url)),
  'utf8',
);

/** The bundled exam under another id, so each test imports its own copy. */
export const bundledAs = (id: string) => BUNDLED.replace('id: dl-endsem-winter-2025', `id: ${id}`);

/** A small exam with every question type the browser offers. */
export const EVERY_TYPE = `---
id: every-type
title: Every question type
duration: 10
sections:
  - id: main
    marks: 1
    penalty: 0.5
---

# Main {#main}

## {#single}

Which activation is piecewise linear?

- [ ] $\\tanh$
- [x] ReLU
- [ ] $\\sigma$

## {#multiple type=multiple scoring=net-correct}

Which of these compute batched matrix products of $(b, n, m)$ and $(b, m, p)$ tensors?

- [x] \`torch.bmm(A, B)\`
- [x] \`torch.matmul(A, B)\`
- [ ] \`torch.mm(A, B)\`

## {#numeric}

How many parameters has a depthwise separable convolution with $C_{in} = 32$, $C_{out} = 64$ and a $3 \\times 3$ kernel (no biases)?

### Answer

2336

## {#free}

Explain why the gradient of $W_1(\\delta_0, \\delta_\\theta)$ is $\\operatorname{sign}(\\theta)$.

### Rubric

- (1) $W_1 = |\\theta|$
`;

/** The bundled practice exam (every question computed) under another id. */
export const practiceAs = (id: string) =>
  readFileSync(fileURLToPath(new URL('../exams/dl-practice/exam.md', import.meta.url)), 'utf8').replace(
    'id: dl-practice',
    `id: ${id}`,
  );
