/**
 * The machine-readable value of an option (`{value=…}`), which `examforge verify` matches against what a check
 * computes: a number (`value=2336`), an array of numbers in JSON syntax (`value=[[0,0],[1,1]]`, where `null` stands
 * for an entry the option does not state and matches anything), or any other text (`value=bmm`), matched exactly.
 */
export type OptionValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'array'; readonly value: ArrayValue }
  | { readonly kind: 'text'; readonly value: string };

export type ArrayValue = readonly (number | null | ArrayValue)[];

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads an option's value; `undefined` when it starts like an array (`[`) but is not one.
 *
 * @example
 * readOptionValue('2336'); // { kind: 'number', value: 2336 }
 * readOptionValue('[-1, -1, null]'); // { kind: 'array', value: [-1, -1, null] }
 */
export function readOptionValue(text: string): OptionValue | undefined {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { kind: 'number', value: Number(trimmed) };
  if (!trimmed.startsWith('[')) return { kind: 'text', value: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  return isArrayValue(parsed) ? { kind: 'array', value: parsed } : undefined;
}

function isArrayValue(value: unknown): value is ArrayValue {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) => entry === null || (typeof entry === 'number' && Number.isFinite(entry)) || isArrayValue(entry),
    )
  );
}
