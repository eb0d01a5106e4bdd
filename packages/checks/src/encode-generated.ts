/**
 * What a generator returned, turned into plain JSON inside the sandbox (bundled into the prelude), shaped as a
 * `GeneratedQuestion`: option values become the strings of the format's `value=`, tensors arrays. What is malformed is
 * reported here, with a message for the author; the host reads the JSON again as untrusted input.
 */
import { encodeNested, isTensor } from './sandbox-values.js';

type Record_ = Record<string, unknown>;

export function encodeGenerated(value: unknown): Record_ {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(
      'a generator returns an object: { stem, options: [{ text, correct, value? }] } or { stem, answer }',
    );
  const question = value as Record_;
  const common = {
    stem: text(question.stem, 'stem'),
    ...(question.explanation !== undefined && { explanation: text(question.explanation, 'explanation') }),
    ...(question.parameters !== undefined && { parameters: plainJson(question.parameters) }),
  };
  if (question.options !== undefined && question.answer !== undefined)
    throw new TypeError('a generator returns options (single choice) or an answer (numeric), not both');
  if (question.answer !== undefined) return { kind: 'numeric', ...common, ...numeric(question) };
  if (!Array.isArray(question.options))
    throw new TypeError('the generator returned no options (an array of { text, correct, value? }) and no answer');
  return { kind: 'single', ...common, options: question.options.map(option) };
}

function numeric(question: Record_): Record_ {
  const answer = isTensor(question.answer) ? question.answer.toArray() : question.answer;
  if (typeof answer !== 'number') throw new TypeError('answer: a numeric question’s answer is a number');
  const tolerance = question.tolerance;
  if (tolerance !== undefined && typeof tolerance !== 'number' && typeof tolerance !== 'string')
    throw new TypeError('tolerance: a number (absolute) or a string such as "2%" (relative)');
  return { answer: String(answer), ...(tolerance !== undefined && { tolerance: String(tolerance) }) };
}

function option(value: unknown, index: number): Record_ {
  if (typeof value !== 'object' || value === null) throw new TypeError(`options[${index}]: { text, correct, value? }`);
  const entry = value as Record_;
  if (typeof entry.correct !== 'boolean') throw new TypeError(`options[${index}].correct: true or false`);
  return {
    text: text(entry.text, `options[${index}].text`),
    correct: entry.correct,
    ...(entry.value !== undefined && { value: optionValue(entry.value, index) }),
  };
}

function optionValue(value: unknown, index: number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`options[${index}].value is ${String(value)}`);
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (isTensor(value)) {
    const data = value.toArray();
    return typeof data === 'number' ? String(data) : JSON.stringify(encodeNested(data, 0));
  }
  if (Array.isArray(value)) return JSON.stringify(encodeNested(value, 0));
  throw new TypeError(`options[${index}].value: a number, an array of numbers, a tensor or text`);
}

function text(value: unknown, name: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new TypeError(`${name}: expected text, got ${typeof value}`);
  return value;
}

/** Parameters as plain JSON: tensors become arrays; functions and other live objects are refused by JSON itself. */
function plainJson(value: unknown): unknown {
  // undefined for a function or undefined itself, whatever the declared type says
  const json = JSON.stringify(value, (_key, entry: unknown) => (isTensor(entry) ? entry.toArray() : entry)) as
    string | undefined;
  if (json === undefined) throw new TypeError('parameters: plain data (numbers, text, arrays, objects)');
  return JSON.parse(json) as unknown;
}
