import { describe, expect, it } from 'vitest';
import { runChecks } from './run-checks.js';
import { examWithCheck } from './test-support/one-question-exam.js';

/** Short limits keep these tests fast; a real check gets seconds. */
const FAST = { timeLimitMs: 300, killAfterMs: 1_500 };

async function runOne(code: string, options = {}) {
  const { exam, sourceMap } = examWithCheck(code);
  const [result] = await runChecks(exam, { ...FAST, sourceMap, ...options });
  if (!result) throw new Error('no result');
  return result;
}

describe('the sandbox', () => {
  it('runs a check and matches its answer to an option value', async () => {
    const result = await runOne('const side: number = 7 - (2 * (3 - 1) + 1) + 1;\nreturn side;');
    expect(result).toMatchObject({
      verdict: 'agrees',
      markedKey: '(a)',
      matched: ['a'],
      computed: { kind: 'number', value: 3 },
    });
  });

  it('stops a check that loops forever and reports it as failed', async () => {
    const started = Date.now();
    const result = await runOne('while (true) {}\nreturn 3;');
    expect(result.verdict).toBe('check-failed');
    expect(result.error).toMatch(/ran longer than 300 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops an endless promise chain too', async () => {
    const result = await runOne('const spin = (): Promise<void> => Promise.resolve().then(spin);\nspin();\nreturn 3;');
    expect(result.verdict).toBe('check-failed');
    expect(result.error).toMatch(/ran longer than/);
  });

  it('terminates the worker when the wall clock runs out, whatever the vm is doing', async () => {
    const result = await runOne('while (true) {}', { timeLimitMs: 60_000, killAfterMs: 400 });
    expect(result.verdict).toBe('check-failed');
    expect(result.error).toMatch(/still running after 400 ms \(worker terminated\)/);
  });

  it('stops a check that exhausts its memory', async () => {
    const result = await runOne('const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill(1));', {
      timeLimitMs: 20_000,
      killAfterMs: 25_000,
      memoryLimitMb: 64,
    });
    expect(result.verdict).toBe('check-failed');
    expect(result.error).toMatch(/memory/);
  });

  for (const [name, code] of [
    ['process', 'return process.pid;'],
    ['require', "return require('node:fs').readFileSync('/etc/passwd', 'utf8');"],
    ['globalThis.process', 'return (globalThis as any).process.env;'],
    ['a host constructor', "return (option as any).constructor('return process')().pid;"],
    ['eval', "return eval('1 + 2');"],
    ['fetch', "return fetch('http://example.com');"],
    ['setTimeout', 'setTimeout(() => 0, 1);\nreturn 3;'],
  ] as const) {
    it(`reports a check that touches ${name} as failed`, async () => {
      const result = await runOne(code);
      expect(result.verdict).toBe('check-failed');
      expect(result.error).toMatch(/ReferenceError|EvalError|Code generation|is not defined|of undefined/);
    });
  }

  it('refuses a static import at compile time, naming the line', async () => {
    const result = await runOne("import { readFileSync } from 'node:fs';\nreturn readFileSync('/etc/passwd', 'utf8');");
    expect(result.verdict).toBe('check-failed');
    expect(result.error).toMatch(/cannot import/);
    expect(result.errorAt).toEqual({ line: 22, column: 1 });
  });

  it('denies import(): no module is loaded, and the promise is not an answer', async () => {
    const result = await runOne("return import('node:fs');");
    expect(result.verdict).toBe('check-failed');
    expect(result.error).toMatch(/returned a promise/);
    const awaited = await runOne("return (await import('node:fs')).readFileSync('/etc/passwd', 'utf8');");
    expect(awaited.verdict).toBe('check-failed');
  });

  it('names the line of the check where a runtime error was thrown', async () => {
    const result = await runOne('const a = 1;\nconst b: { c: number } | null = null;\nreturn a + (b as any).c;');
    expect(result.verdict).toBe('check-failed');
    expect(result.error).toMatch(/TypeError/);
    expect(result.errorAt).toEqual({ line: 24, column: 1 });
  });

  it('keeps checks apart: one check changing its globals does not change another', async () => {
    const { exam } = examWithCheck(
      '(Math as any).max = () => 5;\nObject.prototype.toString = () => "x";\nreturn Math.max(1, 3);',
    );
    const second = examWithCheck('return Math.max(1, 3);').exam;
    const both = {
      ...exam,
      sections: [
        {
          ...exam.sections[0]!,
          questions: [exam.sections[0]!.questions[0]!, { ...second.sections[0]!.questions[0]!, id: 'other' }],
        },
      ],
    };
    const results = await runChecks(both, FAST);
    expect(results.map((r) => r.verdict)).toEqual(['disagrees', 'agrees']);
  });

  it('reports an answer it cannot use', async () => {
    const result = await runOne('return { size: 3 };');
    expect(result.verdict).toBe('check-failed');
    expect(result.error).toMatch(/return a number, a tensor/);
  });
});
