/**
 * Turning what sandboxed code returned into plain JSON, inside the sandbox (bundled into the prelude): tensors become
 * nested arrays, non-finite numbers strings. Imports nothing: it runs in a bare V8 context.
 */

export interface TensorLikeValue {
  readonly shape: readonly number[];
  toArray(): unknown;
}

export function isTensor(value: unknown): value is TensorLikeValue {
  const candidate = value as Partial<TensorLikeValue> | null;
  return (
    typeof value === 'object' &&
    candidate !== null &&
    Array.isArray(candidate.shape) &&
    typeof candidate.toArray === 'function'
  );
}

export function encodeNumber(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

export function encodeNested(value: unknown, depth: number): unknown[] {
  if (depth > 32 || !Array.isArray(value)) throw new TypeError('the check returned an array nested too deeply');
  return value.map((entry: unknown) => {
    if (typeof entry === 'number') return encodeNumber(entry);
    if (isTensor(entry)) {
      const data = entry.toArray();
      return typeof data === 'number' ? encodeNumber(data) : encodeNested(data, depth + 1);
    }
    if (Array.isArray(entry)) return encodeNested(entry, depth + 1);
    throw new TypeError('the check returned an array with something other than numbers in it');
  });
}
