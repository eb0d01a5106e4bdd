import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BUNDLED, REPO, runCli, SAMPLE_RESPONSES } from '../test-support/run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'examforge-grade-'));

describe('examforge grade', () => {
  it('grades the sample responses, writes the results and summarises them', async () => {
    const out = join(scratch(), 'results.csv');
    const { code, stdout } = await runCli('grade', BUNDLED, SAMPLE_RESPONSES, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`Graded 6 students on dl-endsem-winter-2025 → ${out}`);
    expect(stdout).toContain('Total out of 16');
    expect(stdout).toContain('8 questions not scored (no key)');
    expect(stdout).toContain('3 answers flagged for review');
    expect(stdout).toContain('s002  group-conv-tradeoff: tick on (d)');
    const rows = parse<Record<string, string>>(readFileSync(out, 'utf8'), { columns: true });
    const totals = Object.fromEntries(rows.map((row) => [row.student, row.total]));
    // Hand-computed: s001 all right (9 + 2 + 2 + 3); s006 every keyed Beginner question wrong (18 × −0.5); s004's
    // partial fill beside their right fill on l2-prior is not an answer and does not cancel the fill (the default).
    expect(totals).toEqual({ s001: '16', s002: '12', s003: '8.5', s004: '12', s005: '9', s006: '-9' });
    expect(rows.find((row) => row.student === 's004')?.flagged).toContain('l2-prior');
    expect(rows[0]?.['section:beginner']).toBe('9');
    expect(rows[0]?.['conv-grad-valid']).toBe('');
    expect(rows[4]?.ungraded).toBe('wasserstein-vs-js causal-conv-autoregressive fisher-pruning-loss');
  });

  it.each([
    // s004 filled (b), the right option, completely and partly filled (a).
    ['not-answers', '0.5'],
    ['ignore', '0.5'],
    ['zero', '0'],
    ['wrong', '-0.5'],
  ])('applies the invalid-marks policy chosen on the command line (%s)', async (policy, points) => {
    const out = join(scratch(), 'results.csv');
    const { code } = await runCli('grade', BUNDLED, SAMPLE_RESPONSES, '--out', out, '--invalid-marks', policy);
    expect(code).toBe(0);
    const rows = parse<Record<string, string>>(readFileSync(out, 'utf8'), { columns: true });
    expect(rows.find((row) => row.student === 's004')?.['l2-prior']).toBe(points);
  });

  it('refuses a table with unreadable cells, says where, and writes nothing', async () => {
    const directory = scratch();
    const responses = join(directory, 'responses.csv');
    writeFileSync(responses, 'student,l2-prior,masked-softmax\ns1,B,D\ns2,Q,D\ns3,B,maybe\n');
    const { code, stderr } = await runCli('grade', BUNDLED, responses);
    expect(code).toBe(2);
    expect(stderr).toContain('2 problem(s); nothing was graded');
    expect(stderr).toContain('responses.csv:3:2 error: l2-prior: there is no option (q)');
    expect(stderr).toContain('responses.csv:4:3 error: masked-softmax: cannot read "maybe"');
    expect(existsSync(join(directory, 'responses.results.csv'))).toBe(false);
  });

  it('writes the results beside the responses by default', async () => {
    const directory = scratch();
    const responses = join(directory, 'class.csv');
    writeFileSync(responses, 'student,Q1,Q23\ns1,B,D\n');
    const { code } = await runCli('grade', BUNDLED, responses);
    expect(code).toBe(0);
    expect(readFileSync(join(directory, 'class.results.csv'), 'utf8')).toContain('s1,,0.5');
  });

  it("grades the server's long responses.csv (one row per student and question) as it grades its own table", async () => {
    const directory = scratch();
    const responses = join(directory, 'responses.csv');
    writeFileSync(
      responses,
      [
        'student,name,question,number,kind,answer,score,rubric items,adjustment,adjustment reason,comment,grader',
        's1,Asha,l2-prior,1,single,B,0.5,,,,,',
        's1,Asha,wasserstein-vs-js,27,free,"JS is constant, ""W1"" is not",1.25,js-constant,0.25,close,Good.,grader',
        's2,Ben,wasserstein-vs-js,27,free,not graded yet,ungraded,,,,,',
      ].join('\n'),
    );
    const { code } = await runCli('grade', BUNDLED, responses);
    expect(code).toBe(0);
    const rows = parse<Record<string, string>>(readFileSync(join(directory, 'responses.results.csv'), 'utf8'), {
      columns: true,
    });
    expect(
      rows.map((row) => [row.student, row['l2-prior'], row['wasserstein-vs-js'], row.total, row.ungraded]),
    ).toEqual([
      ['s1', '0.5', '1.25', '1.75', ''],
      ['s2', '0', 'ungraded', '0', 'wasserstein-vs-js'],
    ]);
  });

  it("refuses the server's export of an exam with computed questions: its instances come from the server's seeds", async () => {
    const directory = scratch();
    const responses = join(directory, 'responses.csv');
    writeFileSync(
      responses,
      'student,name,question,number,kind,answer,score,rubric items,adjustment,adjustment reason,comment,grader\n' +
        's1,Asha,conv-output-size,1,single,A,1,,,,,\n',
    );
    const { code, stderr } = await runCli('grade', `${REPO}exams/dl-practice/exam.md`, responses);
    expect(code).toBe(2);
    expect(stderr).toContain('server export of an exam with computed questions');
  });

  it('rejects an unknown policy value as a usage error', async () => {
    const { code, stderr } = await runCli('grade', BUNDLED, SAMPLE_RESPONSES, '--invalid-marks', 'half');
    expect(code).toBe(2);
    expect(stderr).toContain('half');
  });
});
