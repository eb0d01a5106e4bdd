import type { GeneratedOption, GeneratedQuestion, JsonValue, NumericAnswer, Tolerance } from '@examforge/core';

/**
 * Reads a generator's question as it came out of the sandbox (JSON shaped by `encode-generated.ts`) into a
 * `GeneratedQuestion`. The sandbox is not trusted, so its output is parsed at the boundary like any other input;
 * whether the question is a valid instance of its template is `instanceProblems`' business, not this.
 *
 * @example
 * readGenerated({ kind: 'numeric', stem: 'n?', answer: '7', tolerance: '2%' }).kind; // 'numeric'
 */
export function readGenerated(raw: unknown): GeneratedQuestion {
  const record = object(raw, 'the generator’s result');
  const common = {
    stem: string(record.stem, 'stem'),
    ...(record.explanation !== undefined && { explanation: string(record.explanation, 'explanation') }),
    ...(record.parameters !== undefined && { parameters: parameters(record.parameters) }),
  };
  if (record.kind === 'numeric') return { kind: 'numeric', ...common, answer: answer(record) };
  if (record.kind !== 'single') throw new TypeError('malformed generator result');
  if (!Array.isArray(record.options)) throw new TypeError('malformed generator result: options');
  return { kind: 'single', ...common, options: record.options.map(option) };
}

function option(raw: unknown): GeneratedOption {
  const record = object(raw, 'an option');
  if (typeof record.correct !== 'boolean') throw new TypeError('malformed generator result: option.correct');
  return {
    text: string(record.text, 'option.text'),
    correct: record.correct,
    ...(record.value !== undefined && { value: string(record.value, 'option.value') }),
  };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function answer(record: Record<string, unknown>): NumericAnswer {
  const value = Number(string(record.answer, 'answer'));
  return { value, tolerance: tolerance(record.tolerance) };
}

function tolerance(raw: unknown): Tolerance {
  if (raw === undefined) return { kind: 'absolute', amount: 0 };
  const text = string(raw, 'tolerance')
    .replace(/^\s*(?:±|\+-|\+\/-)\s*/, '')
    .trim();
  const relative = text.endsWith('%');
  const amount = relative ? text.slice(0, -1).trim() : text;
  if (!NUMBER.test(amount) || Number(amount) < 0)
    throw new TypeError(`tolerance "${text}": a non-negative number (absolute) or a percentage such as "2%"`);
  return relative ? { kind: 'relative', percent: Number(amount) } : { kind: 'absolute', amount: Number(amount) };
}

function parameters(raw: unknown): Readonly<Record<string, JsonValue>> {
  return object(raw, 'parameters') as Record<string, JsonValue>;
}

function object(raw: unknown, what: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TypeError(`${what} is not an object`);
  return raw as Record<string, unknown>;
}

function string(raw: unknown, what: string): string {
  if (typeof raw !== 'string') throw new TypeError(`malformed generator result: ${what}`);
  return raw;
}
