import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** The two scripts a sandbox needs, built once per process. */
export interface SandboxCode {
  /** The tensor API with the prelude, as one script for the vm context (no imports, no Node). */
  readonly prelude: string;
  /** The worker thread's code, as one CommonJS script for `new Worker(code, { eval: true })`. */
  readonly worker: string;
  /** The worker that runs computed questions' generators for a batch of seeds, likewise. */
  readonly generatorWorker: string;
}

let built: Promise<SandboxCode> | undefined;

/**
 * Bundles the sandbox's code with esbuild. The tensor API is bundled into the script that runs inside the vm context
 * rather than passed in from the host: every object a check can touch then belongs to the sandbox's own realm, so
 * `conv2d.constructor` is the sandbox's `Function` (which cannot compile strings), not the host's (which could reach
 * `process`). Works from the sources (tests) and from dist alike.
 *
 * @example
 * const { prelude, worker, generatorWorker } = await sandboxCode();
 */
export function sandboxCode(): Promise<SandboxCode> {
  built ??= Promise.all([
    bundle('sandbox-prelude', 'iife'),
    bundle('sandbox-worker', 'cjs'),
    bundle('generator-worker', 'cjs'),
  ]).then(([prelude, worker, generatorWorker]) => ({ prelude, worker, generatorWorker }));
  return built;
}

async function bundle(name: string, format: 'iife' | 'cjs'): Promise<string> {
  const result = await build({
    entryPoints: [sibling(name)],
    bundle: true,
    write: false,
    format,
    platform: format === 'cjs' ? 'node' : 'neutral',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [tensorPackage()],
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${name}`);
  return output.text;
}

function sibling(name: string): string {
  const source = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  return existsSync(source) ? source : fileURLToPath(new URL(`./${name}.js`, import.meta.url));
}

/** Resolves `@examforge/tensor` to its sources in the repository, or to the installed package. */
function tensorPackage(): Plugin {
  return {
    name: 'examforge-tensor',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^@examforge\/tensor$/ }, () => {
        const source = fileURLToPath(new URL('../../tensor/src/index.ts', import.meta.url));
        return { path: existsSync(source) ? source : createRequire(import.meta.url).resolve('@examforge/tensor') };
      });
    },
  };
}
