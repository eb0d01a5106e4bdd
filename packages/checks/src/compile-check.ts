import { transform, type Message } from 'esbuild';

/** A check ready for the sandbox, or why it cannot run; lines count from 1 within the check's code. */
export type CompiledCheck =
  | { readonly ok: true; readonly code: string; readonly sourceMap: string }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

/**
 * Transpiles a check's TypeScript to JavaScript with esbuild (types are stripped, not checked). The code becomes the
 * body of a function, so `return` gives the answer; the wrapper is on a line of its own so line numbers in errors
 * are the check's own (after subtracting one).
 *
 * @example
 * const compiled = await compileCheck('const n: number = 3;\nreturn n;');
 */
export async function compileCheck(source: string): Promise<CompiledCheck> {
  return compileCode(source, 'check');
}

/**
 * What a piece of exam code is: an answer check, a check of a computed question's instance (`instance` in scope), or
 * a generator (`seed`, `random` and the random helpers in scope).
 */
export type CodeRole = 'check' | 'instance-check' | 'generator';

const WRAPPERS: Record<CodeRole, string> = {
  check: '__examforge_run(function () { "use strict";',
  'instance-check': '__examforge_run(function (instance) { "use strict";',
  generator: '__examforge_generate(function (seed, random, randomInt, pick, shuffle) { "use strict";',
};

/**
 * Transpiles exam code in its role's wrapper; the wrapper is on a line of its own, as for checks.
 *
 * @example
 * const compiled = await compileCode('return { stem: `n = ${randomInt(3, 9)}`, answer: 1 };', 'generator');
 */
export async function compileCode(source: string, role: CodeRole): Promise<CompiledCheck> {
  const wrapped = `${WRAPPERS[role]}\n${source}\n});\n`;
  try {
    const result = await transform(wrapped, {
      loader: 'ts',
      sourcemap: 'external',
      sourcefile: role === 'generator' ? 'generator.ts' : 'check.ts',
      target: 'es2022',
      logLevel: 'silent',
    });
    return { ok: true, code: result.code, sourceMap: result.map };
  } catch (error) {
    return compileError(error, source);
  }
}

function compileError(error: unknown, source: string): CompiledCheck {
  const first = ((error as { errors?: Message[] } | null)?.errors ?? [])[0];
  if (!first) return { ok: false, message: error instanceof Error ? error.message : String(error) };
  const hint = /^\s*(import|export)\b/m.test(source)
    ? ' (exam code cannot import or export: the tensor API is already in scope)'
    : '';
  const location = first.location;
  const line = location ? Math.min(Math.max(location.line - 1, 1), source.split('\n').length) : undefined;
  return {
    ok: false,
    message: `does not compile: ${first.text}${hint}`,
    ...(line !== undefined && { line }),
    ...(location && location.line > 1 && { column: location.column + 1 }),
  };
}
