import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Exam } from '../model.js';
import { parseExam } from '../format/parse.js';

export const BUNDLED_EXAM_PATH = fileURLToPath(
  new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url),
);

export function bundledExamText(): string {
  return readFileSync(BUNDLED_EXAM_PATH, 'utf8');
}

/** The bundled source exam, parsed; tests fail loudly if it stops parsing. */
export function bundledExam(): Exam {
  const result = parseExam(bundledExamText());
  if (!result.ok) throw new Error(`the bundled exam does not parse: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  return result.exam;
}

/** The key of the bundled exam as the paper marks it (question id → letter); unknown keys are absent. */
export const PAPER_KEY: Readonly<Record<string, string>> = {
  'l2-prior': 'b',
  'perceptron-update-loss': 'b',
  'sigmoid-squared-loss-gradient': 'a',
  'resnet-residual-gradient': 'b',
  'kl-posterior-prior': 'b',
  'dilation-rate-effect': 'c',
  'group-conv-tradeoff': 'd',
  'batchnorm-train-inference-gap': 'b',
  'gradient-clipping-by-norm': 'c',
  'transpose-conv-output': 'a',
  'vae-log-likelihood-identity': 'd',
  'deconvnet-saliency': 'a',
  'gan-generator-gradient': 'b',
  'lstm-forget-input-gates': 'b',
  'masked-softmax': 'd',
  'batched-matmul': 'b',
  'self-attention-complexity': 'c',
  'mixed-precision-amp': 'a',
};

export const UNKNOWN_KEY_IDS = [
  'conv-grad-valid',
  'pac-bound-implication',
  'universal-approximation-violation',
  'dilated-conv-output-size',
  'depthwise-separable-params',
  'margin-perceptron-mistakes',
  'quantization-mutual-information',
  'reparameterization-trick',
];
