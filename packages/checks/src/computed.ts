/**
 * What a check computed, as it crosses from the sandbox to the host: plain JSON, never a live object of the sandbox.
 * Non-finite numbers travel as strings ('NaN', 'Infinity', '-Infinity').
 */
export type Computed =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** A tensor's `toArray()` or an array the check returned. */
  | { readonly kind: 'array'; readonly value: NestedNumbers; readonly tensor: boolean }
  /** `option('b')`: the check chose options by letter. */
  | { readonly kind: 'options'; readonly letters: readonly string[] }
  /** `matchOptions(value, { a: …, b: … })`: the options whose candidate equals the value. */
  | { readonly kind: 'candidates'; readonly value: Computed; readonly candidates: readonly Candidate[] };

export type NestedNumbers = readonly (number | NestedNumbers)[];

export interface Candidate {
  readonly letter: string;
  readonly value: Computed;
}

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/**
 * Reads the sandbox's JSON into a `Computed`, or says what is wrong with it: the sandbox is not trusted, so its output
 * is parsed at the boundary like any other input.
 *
 * @example
 * readComputed({ kind: 'number', value: 'NaN' }); // { kind: 'number', value: NaN }
 */
export function readComputed(raw: unknown, depth = 0): Computed {
  if (depth > 2 || typeof raw !== 'object' || raw === null) throw new TypeError('malformed check result');
  const record = raw as Record<string, unknown>;
  switch (record.kind) {
    case 'number':
      return { kind: 'number', value: readNumber(record.value) };
    case 'string':
      if (typeof record.value !== 'string') break;
      return { kind: 'string', value: record.value };
    case 'boolean':
      if (typeof record.value !== 'boolean') break;
      return { kind: 'boolean', value: record.value };
    case 'array':
      return { kind: 'array', value: readNested(record.value, 0), tensor: record.tensor === true };
    case 'options':
      if (!Array.isArray(record.letters) || !record.letters.every((l) => typeof l === 'string')) break;
      return { kind: 'options', letters: record.letters };
    case 'candidates':
      return {
        kind: 'candidates',
        value: readComputed(record.value, depth + 1),
        candidates: readCandidates(record.candidates, depth + 1),
      };
  }
  throw new TypeError('malformed check result');
}

function readNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value in NON_FINITE) return NON_FINITE[value] ?? NaN;
  throw new TypeError('malformed number in check result');
}

function readNested(value: unknown, depth: number): NestedNumbers {
  if (!Array.isArray(value) || depth > 32) throw new TypeError('malformed array in check result');
  return value.map((entry: unknown) => (Array.isArray(entry) ? readNested(entry, depth + 1) : readNumber(entry)));
}

function readCandidates(value: unknown, depth: number): Candidate[] {
  if (!Array.isArray(value)) throw new TypeError('malformed candidates in check result');
  return value.map((entry: unknown) => {
    const record = entry as Record<string, unknown> | null;
    if (typeof record?.letter !== 'string') throw new TypeError('malformed candidate in check result');
    return { letter: record.letter, value: readComputed(record.value, depth) };
  });
}

/**
 * A short human form: numbers to 6 significant digits, arrays in brackets, chosen options as letters.
 *
 * @example
 * formatComputed({ kind: 'array', value: [[0, 1], [1, 0]], tensor: true }); // '[[0, 1], [1, 0]]'
 */
export function formatComputed(computed: Computed): string {
  switch (computed.kind) {
    case 'number':
      return formatNumber(computed.value);
    case 'string':
      return JSON.stringify(computed.value);
    case 'boolean':
      return String(computed.value);
    case 'array':
      return formatNested(computed.value);
    case 'options':
      return computed.letters.length === 0 ? 'no option' : computed.letters.map((l) => `(${l})`).join(' ');
    case 'candidates':
      return formatComputed(computed.value);
  }
}

function formatNested(value: NestedNumbers): string {
  return `[${value.map((entry) => (typeof entry === 'number' ? formatNumber(entry) : formatNested(entry))).join(', ')}]`;
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
