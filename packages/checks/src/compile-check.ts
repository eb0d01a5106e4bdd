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
  const wrapped = `__examforge_run(function () { "use strict";\n${source}\n});\n`;
  try {
    const result = await transform(wrapped, {
      loader: 'ts',
      sourcemap: 'external',
      sourcefile: 'check.ts',
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
    ? ' (a check cannot import or export: the tensor API is already in scope)'
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
