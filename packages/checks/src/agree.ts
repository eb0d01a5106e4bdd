import type { ArrayValue, OptionValue } from '@examforge/core';
import type { Computed, NestedNumbers } from './computed.js';

/**
 * How close two numbers must be to count as the same answer: within 1e-9 of the larger magnitude, or within 1e-12
 * absolutely (for answers that are 0). Loose enough for float64 round-off in a chain of tensor operations, tight
 * enough that no two distinct options of an exam question come near it.
 */
export const DEFAULT_TOLERANCE = { relative: 1e-9, absolute: 1e-12 } as const;

/**
 * @example
 * numbersAgree(0.1 + 0.2, 0.3); // true
 */
export function numbersAgree(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= Math.max(DEFAULT_TOLERANCE.absolute, DEFAULT_TOLERANCE.relative * scale);
}

/**
 * Whether a computed answer equals an option's `value=`: numbers within the tolerance, arrays of the same shape entry
 * by entry (`null` in the option matches anything), text exactly. A tensor and a plain array compare alike.
 *
 * @example
 * agreesWithOption({ kind: 'array', value: [0, 0, 0], tensor: true }, readOptionValue('[0, null, 0]')!); // true
 */
export function agreesWithOption(computed: Computed, option: OptionValue): boolean {
  switch (computed.kind) {
    case 'number':
      return option.kind === 'number' && numbersAgree(computed.value, option.value);
    case 'array':
      return option.kind === 'array' && arraysAgree(computed.value, option.value);
    case 'string':
      return option.kind === 'text' && option.value.trim() === computed.value.trim();
    case 'boolean':
      return option.kind === 'text' && option.value.trim() === String(computed.value);
    case 'options':
    case 'candidates':
      return false;
  }
}

/** Whether two computed values are the same answer (for `matchOptions` candidates). */
export function computedAgree(a: Computed, b: Computed): boolean {
  if (a.kind === 'number' && b.kind === 'number') return numbersAgree(a.value, b.value);
  if (a.kind === 'array' && b.kind === 'array') return arraysAgree(a.value, b.value);
  if (a.kind === 'string' && b.kind === 'string') return a.value === b.value;
  if (a.kind === 'boolean' && b.kind === 'boolean') return a.value === b.value;
  return false;
}

function arraysAgree(computed: NestedNumbers, expected: ArrayValue | NestedNumbers): boolean {
  if (computed.length !== expected.length) return false;
  return computed.every((entry, index) => {
    const other = expected[index];
    if (other === null) return true;
    if (typeof entry === 'number') return typeof other === 'number' && numbersAgree(entry, other);
    return Array.isArray(other) && arraysAgree(entry, other as ArrayValue);
  });
}
