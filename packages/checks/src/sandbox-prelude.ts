/**
 * Runs inside the sandbox, bundled together with the tensor API (see sandbox-bundle.ts), before any check. It puts the
 * tensor API and the check helpers in scope, removes what a check has no use for, and defines `__examforge_run`,
 * which runs a check and turns its answer into JSON inside the sandbox: only a string leaves it, never a live object
 * whose getters or proxies could run code on the host's side.
 *
 * Nothing here may import anything but the tensor API and its sandbox siblings: this code is evaluated in a bare V8
 * context without Node.
 */
import * as api from '@examforge/tensor';
import { encodeGenerated } from './encode-generated.js';
import { encodeNested, encodeNumber, isTensor } from './sandbox-values.js';
import { randomHelpers, seededRandom } from './seeded-helpers.js';

const TAG = '__examforge_answer';
const MAX_LOG_LINES = 50;
const logs: string[] = [];

interface Tagged {
  readonly [TAG]: 'options' | 'candidates';
  readonly letters?: readonly string[];
  readonly value?: unknown;
  readonly candidates?: Readonly<Record<string, unknown>>;
}

/** The check chose these options by letter: `return option('b')`. */
function option(...letters: unknown[]): Tagged {
  return { [TAG]: 'options', letters: letters.map((letter) => String(letter).toLowerCase()) };
}

/** The options whose candidate value equals `value` (compared on the host, with verify's tolerance). */
function matchOptions(value: unknown, candidates: Readonly<Record<string, unknown>>): Tagged {
  return { [TAG]: 'candidates', value, candidates };
}

const sandboxConsole = {
  log: (...parts: unknown[]) => {
    if (logs.length < MAX_LOG_LINES) logs.push(parts.map(describe).join(' '));
  },
};

function describe(part: unknown): string {
  if (isTensor(part)) return `tensor(${JSON.stringify(part.toArray())})`;
  if (typeof part === 'string') return part;
  try {
    // undefined for functions and undefined itself, whatever the declared type says
    const json = JSON.stringify(part) as string | undefined;
    return json ?? String(part);
  } catch {
    return String(part);
  }
}

type Encoded = Record<string, unknown>;

function encode(value: unknown, depth = 0): Encoded {
  if (typeof value === 'number') return { kind: 'number', value: encodeNumber(value) };
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (isTensor(value)) {
    const data = value.toArray();
    return typeof data === 'number'
      ? { kind: 'number', value: encodeNumber(data) }
      : { kind: 'array', value: encodeNested(data, 0), tensor: true };
  }
  if (Array.isArray(value)) return { kind: 'array', value: encodeNested(value, 0), tensor: false };
  const tagged = value as Partial<Tagged> | null;
  if (typeof value === 'object' && tagged !== null && depth === 0) {
    if (tagged[TAG] === 'options') return { kind: 'options', letters: [...(tagged.letters ?? [])] };
    if (tagged[TAG] === 'candidates') {
      const candidates = Object.entries(tagged.candidates ?? {}).map(([letter, candidate]) => ({
        letter: letter.toLowerCase(),
        value: encode(candidate, depth + 1),
      }));
      return { kind: 'candidates', value: encode(tagged.value, depth + 1), candidates };
    }
  }
  if (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function')
    throw new TypeError('the check returned a promise: a check computes its answer synchronously');
  throw new TypeError(
    `the check returned ${value === undefined ? 'nothing' : typeof value}: return a number, a tensor, an array of numbers, a string, option('b') or matchOptions(value, { a: …, b: … })`,
  );
}

function describeError(error: unknown): { name: string; message: string; stack: string } {
  const record = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  return {
    name: typeof record.name === 'string' ? record.name : 'Error',
    message: typeof record.message === 'string' ? record.message : String(error),
    stack: typeof record.stack === 'string' ? record.stack : '',
  };
}

/**
 * Runs a check; returns `{ ok, value, logs }` or `{ ok: false, error, logs }` as JSON. A check of a computed
 * question's instance gets the instance, which the worker put on the context as JSON before this script ran.
 */
function run(check: (instance?: unknown) => unknown): string {
  try {
    const instance = typeof instanceJson === 'string' ? (JSON.parse(instanceJson) as unknown) : undefined;
    return JSON.stringify({ ok: true, value: encode(check(instance)), logs });
  } catch (error) {
    return JSON.stringify({ ok: false, error: describeError(error), logs });
  }
}

/** Runs a generator with its seed and seeded random helpers; returns its question as JSON, as `run` does. */
function generate(generator: (...helpers: unknown[]) => unknown): string {
  try {
    const helpers = randomHelpers(seededRandom(`${String(questionId)}:${String(seed)}`));
    const question = generator(String(seed), helpers.random, helpers.randomInt, helpers.pick, helpers.shuffle);
    return JSON.stringify({ ok: true, value: encodeGenerated(question), logs });
  } catch (error) {
    return JSON.stringify({ ok: false, error: describeError(error), logs });
  }
}

const scope = globalThis as unknown as Record<string, unknown>;
// Set on the context by the worker before this script runs (see generator-worker.ts); read once, then removed.
const instanceJson = scope.__examforge_instance_json;
const seed = scope.__examforge_seed;
const questionId = scope.__examforge_question;
const deterministic = scope.__examforge_deterministic === true;
for (const name of [
  '__examforge_instance_json',
  '__examforge_seed',
  '__examforge_question',
  '__examforge_deterministic',
])
  Reflect.deleteProperty(scope, name);
// Not needed by any check, and each is a way to block a thread or share memory outside the vm's time limit.
for (const name of ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'console']) Reflect.deleteProperty(scope, name);
const fixed = (name: string, value: unknown) =>
  Object.defineProperty(globalThis, name, { value, writable: false, configurable: false, enumerable: false });
for (const [name, value] of Object.entries(api)) fixed(name, value);
fixed('option', option);
fixed('matchOptions', matchOptions);
fixed('console', sandboxConsole);
fixed('__examforge_run', run);
fixed('__examforge_generate', generate);
if (deterministic) {
  // A generator's instance must depend on its seed alone: no clock, no locale, no unseeded or GC-dependent values.
  for (const name of ['Date', 'Intl', 'WeakRef', 'FinalizationRegistry']) Reflect.deleteProperty(scope, name);
  Object.defineProperty(Math, 'random', {
    value: () => {
      throw new TypeError('Math.random is not available to a generator: use random(), which is seeded');
    },
    writable: false,
    configurable: false,
  });
}
