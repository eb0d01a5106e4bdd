import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyseItems,
  analysisInput,
  parseExam,
  readResponseTable,
  score,
  type Exam,
  type ItemAnalysis,
} from '@examforge/core';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { simulateClass } from '../../../core/src/analysis/test-support/simulated-class.js';
import { main } from '../main.js';
import { BUNDLED, runCli, SAMPLE_RESPONSES } from '../test-support/run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'examforge-analyse-'));
type Row = Record<string, string>;
const readCsv = (path: string) => parse<Row>(readFileSync(path, 'utf8'), { columns: true });

/** The analysis computed straight from core, independently of the command: what the CSV must hold. */
function expectedAnalysis(examText: string, responsesText: string): ItemAnalysis {
  const parsed = parseExam(examText);
  if (!parsed.ok) throw new Error('exam does not parse');
  const exam: Exam = parsed.exam;
  const table = readResponseTable(exam, parse(responsesText, { bom: true, relax_column_count: true }));
  const scored = table.students.map((row) => ({ responses: row.responses, report: score(exam, row.responses) }));
  return analyseItems(analysisInput(exam, scored));
}

/** A CSV cell holds the figure exactly, or is empty where the statistic does not exist (NaN). */
const cell = (value: number) => (Number.isNaN(value) ? '' : String(value));

function expectCsvEqualsAnalysis(questions: Row[], options: Row[], analysis: ItemAnalysis): void {
  for (const item of analysis.items) {
    const row = questions.find((r) => r.question === item.id);
    expect(row, item.id).toBeDefined();
    expect(row).toMatchObject({
      maximum: cell(item.maximum),
      n: cell(item.n),
      unavailable: cell(item.unavailable),
      mean: cell(item.mean),
      sd: cell(item.sd),
      facility: cell(item.facility),
      discrimination: cell(item.discrimination),
      upper_lower: cell(item.upperLower),
      alpha_if_deleted: cell(item.alphaIfDeleted),
      flags: item.flags.map((flag) => flag.kind).join(' '),
    });
    for (const option of item.options ?? []) {
      const optionRow = options.find((r) => r.question === item.id && r.option === option.option);
      expect(optionRow).toEqual({
        number: row?.number,
        question: item.id,
        option: option.option,
        keyed: option.keyed ? 'yes' : 'no',
        count: cell(option.count),
        upper_share: cell(option.upperShare),
        lower_share: cell(option.lowerShare),
        mean_total: cell(option.meanTotal),
      });
    }
  }
}

/**
 * A simulated class (core's two-parameter logistic model) as the files `analyse` reads: the exam keys each question
 * as the model marked it, so a question in `wrongKeys` is keyed to an option the strong students avoid. Question 1's
 * title starts like a spreadsheet formula.
 */
function simulatedFiles(directory: string, wrongKeys: number[]): { exam: string; responses: string } {
  const students = 300;
  const simulated = simulateClass({ seed: 'analyse-cli', students, choiceQuestions: 12, wrongKeys });
  const body = simulated.items.map((item, index) => {
    const key = item.choice?.key[0];
    const choices = ['a', 'b', 'c', 'd'].map((letter) => `- [${letter === key ? 'x' : ' '}] Option ${letter}`);
    const title = index === 0 ? '=SUM(1) looks like a formula' : `Question ${index + 1}`;
    return `## ${title} {#q${index + 1}}\n\nWhich option?\n\n${choices.join('\n')}\n`;
  });
  const front =
    'id: simulated\ntitle: Simulated class\nduration: 60\nsections:\n  - id: main\n    marks: 0.5\n    penalty: 0.5';
  const examText = `---\n${front}\n---\n\n# Main {#main}\n\n${body.join('\n')}`;
  const letters = (value: string | null) => {
    if (value === null) return 'missing';
    return { blank: '', invalid: 'tick(A)', several: 'AB' }[value] ?? value.toUpperCase();
  };
  const rows = Array.from({ length: students }, (_, row) =>
    [`s${row + 1}`, ...simulated.items.map((item) => letters(item.choice?.cells[row] ?? null))].join(','),
  );
  const responsesText = [['student', ...simulated.items.map((item) => item.id)].join(','), ...rows].join('\n');
  const exam = join(directory, 'exam.md');
  const responses = join(directory, 'class.csv');
  writeFileSync(exam, examText);
  writeFileSync(responses, `${responsesText}\n`);
  return { exam, responses };
}

describe('examforge analyse', () => {
  it('analyses the bundled sample: summary, questions, what is left out and why, options', async () => {
    const directory = scratch();
    const { code, stdout, stderr } = await runCli('analyse', BUNDLED, SAMPLE_RESPONSES, '--out', `${directory}/`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Item analysis of dl-endsem-winter-2025: 6 students, 21 of 29 questions analysed');
    expect(stdout).toMatch(/α 0\.\d\d · KR-20 0\.\d\d · SEM \d\.\d\d/);
    expect(stdout).toContain('3 written answers not graded yet are left out of the figures (never counted as 0)');
    expect(stdout).toMatch(/Q12 +dilation-rate-effect +6 +0\.17 .*too hard, distractor draws the strong/);
    expect(stdout).toContain('Not analysed (8 questions):');
    expect(stdout).toContain('Q2 conv-grad-valid: its key is unknown: not scored');
    expect(stdout).toMatch(/\(b\) key +5 +100 % +50 % +11\.5/);
    expect(stdout).toContain('Q1 l2-prior  distractor nobody chose: nobody chose (c), (d)');
    // No colour without a terminal: every emphasis is in words.
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toContain(`Wrote ${directory}/sample-responses.statistics.csv`);
  });

  it('on a terminal, colour only emphasises: without its codes the text is the same as without a terminal', async () => {
    const directory = scratch();
    let coloured = '';
    const output = { out: (text: string) => void (coloured += `${text}\n`), err: () => undefined, width: 100 };
    const code = await main(['analyse', BUNDLED, SAMPLE_RESPONSES, '--out', `${directory}/`], {
      ...output,
      color: true,
    });
    expect(code).toBe(0);
    expect(coloured).toContain('\u001b[');
    const plain = await runCli('analyse', BUNDLED, SAMPLE_RESPONSES, '--out', `${directory}/`);
    // eslint-disable-next-line no-control-regex -- removing the terminal's colour codes
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
  });

  it('writes CSVs whose figures are exactly those of analyseItems on the same input', async () => {
    const directory = scratch();
    const { code } = await runCli('analyse', BUNDLED, SAMPLE_RESPONSES, '--out', join(directory, 'dl'));
    expect(code).toBe(0);
    const questions = readCsv(join(directory, 'dl.statistics.csv'));
    const options = readCsv(join(directory, 'dl.options.csv'));
    expect(questions).toHaveLength(29);
    expect(questions.find((row) => row.question === 'conv-grad-valid')).toMatchObject({
      number: '2',
      facility: '',
      not_analysed: 'its key is unknown: not scored',
    });
    expect(options).toHaveLength(18 * 4);
    const analysis = expectedAnalysis(readFileSync(BUNDLED, 'utf8'), readFileSync(SAMPLE_RESPONSES, 'utf8'));
    expect(analysis.items).toHaveLength(21);
    expectCsvEqualsAnalysis(questions, options, analysis);
  });

  it('flags a wrong key in the output and the CSV, and says to run verify', async () => {
    const directory = scratch();
    const { exam, responses } = simulatedFiles(directory, [3]);
    const { code, stdout } = await runCli('analyse', exam, responses);
    expect(code).toBe(1);
    expect(stdout).toMatch(/Q4 +q4 .*possible wrong key/);
    expect(stdout).toContain('Q4 q4  possible wrong key: discrimination');
    expect(stdout).toContain(`run \`examforge verify ${exam}\` to compare the key with its computation`);
    const questions = readCsv(join(directory, 'class.statistics.csv'));
    const wrong = questions.filter((row) => row.flags?.includes('possible-wrong-key')).map((row) => row.question);
    expect(wrong).toEqual(['q4']);
    expect(questions[3]?.flag_reasons).toContain('check the key');
    // A title a spreadsheet would run is written as text; negative figures stay numbers.
    expect(questions[0]?.title).toBe("'=SUM(1) looks like a formula");
    expect(Number(questions[3]?.discrimination)).toBeLessThan(0.05);
    const analysis = expectedAnalysis(readFileSync(exam, 'utf8'), readFileSync(responses, 'utf8'));
    expectCsvEqualsAnalysis(questions, readCsv(join(directory, 'class.options.csv')), analysis);
    // With --verify the verdict stands beside the flag: this exam has no check to compare its keys with.
    const verified = await runCli('analyse', exam, responses, '--verify');
    expect(verified.stdout).toMatch(/Q4 +q4 .* no check +possible wrong key/);
    expect(verified.stdout).toContain('no check can compare the key: read the question again');
  });

  it('writes a self-contained, accessible HTML report with the three kinds of charts', async () => {
    const directory = scratch();
    const { exam, responses } = simulatedFiles(directory, [3]);
    await runCli('analyse', exam, responses, '--out', join(directory, 'report'));
    const page = readFileSync(join(directory, 'report.report.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>\s*<html lang="en">/);
    const svgs = [...page.matchAll(/<svg[^>]*>/g)].map((match) => match[0]);
    expect(svgs).toHaveLength(2 + 12);
    // ARIA only where it is allowed: the SVG itself names the chart.
    expect(page).not.toMatch(/<(?!svg)[a-z]+[^>]*aria-label=/);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1];
      const describedBy = /aria-describedby="([^"]+)"/.exec(svg)?.[1];
      expect(page).toContain(`<title id="${labelledBy}">`);
      expect(page).toContain(`<desc id="${describedBy}">`);
    }
    const titles = [...page.matchAll(/<title id="[^"]+">([^<]+)<\/title>/g)].map((match) => match[1]);
    expect(titles).toContain('Score histogram');
    expect(titles).toContain('Facility against discrimination');
    expect(titles).toContain('Options of Q4 q4, upper and lower groups');
    expect(page).toMatch(/flagged questions are drawn as triangles and labelled with their number: [^<]*Q4/);
    // Charts are drawn: bars in the histogram and option charts, dots in the scatter.
    expect(page).toContain('data-mark="rect"');
    expect(page).toContain('data-mark="dot"');
    expect(page).toContain('data-mark="bar"');
    // A data table beside the charts, with header cells (compared with whitespace collapsed).
    const flat = page.replace(/\s+/g, ' ').replace(/> /g, '>').replace(/ </g, '<');
    expect(flat).toContain('<caption>Students by total</caption>');
    expect(flat).toContain('<th scope="col">Discrimination</th>');
    expect(flat).toContain('<strong>possible wrong key</strong>');
    // Nothing to fetch: no address, no external source, no script.
    expect(page).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(page).not.toMatch(/\s(src|href)=/i);
    expect(page).not.toMatch(/<script|<link|@import|url\(/i);
  });

  it('puts verify’s verdicts beside the flags with --verify', async () => {
    const directory = scratch();
    const { code, stdout } = await runCli('analyse', BUNDLED, SAMPLE_RESPONSES, '--out', `${directory}/`, '--verify');
    // The bundled exam has two keys that disagree with their checks: a finding, as with verify.
    expect(code).toBe(1);
    expect(stdout).toMatch(/Q9 +resnet-residual-gradient .*key disagrees with its check/);
    expect(stdout).toMatch(/Q1 +l2-prior .*key agrees with its check/);
    expect(stdout).toMatch(/α if deleted +verify +Flags/);
    const questions = readCsv(join(directory, 'sample-responses.statistics.csv'));
    expect(questions.find((row) => row.question === 'vae-log-likelihood-identity')?.verify).toBe(
      'key disagrees with its check',
    );
  }, 60_000);

  it('prints JSON with --json: figures that do not exist are null', async () => {
    const directory = scratch();
    const { code, stdout } = await runCli('analyse', BUNDLED, SAMPLE_RESPONSES, '--out', `${directory}/`, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.students).toBe(6);
    expect(report.ungradedAnswers).toBe(3);
    expect(report.notAnalysed).toHaveLength(8);
    const l2 = report.questions.find((q: { id: string }) => q.id === 'l2-prior');
    expect(l2.statistics.options[2]).toMatchObject({ option: 'c', count: 0, meanTotal: null });
    expect(report.files).toHaveLength(3);
    // Scored as grade scores: s004's partial fill beside their right fill on l2-prior zeroes it with --invalid-marks zero.
    const zero = await runCli(
      'analyse',
      BUNDLED,
      SAMPLE_RESPONSES,
      '--out',
      `${directory}/`,
      '--json',
      '--invalid-marks',
      'zero',
    );
    const strict = JSON.parse(zero.stdout).questions.find((q: { id: string }) => q.id === 'l2-prior');
    expect(strict.statistics.mean).toBeCloseTo(l2.statistics.mean - 0.5 / 6, 12);
  });

  it.each([
    ['a missing responses file', 'missing.csv', 'responses file not found: '],
    ['a missing exam file', 'exam', 'exam file not found: '],
  ])('exits 2 on %s, naming the file', async (_, which, message) => {
    const directory = scratch();
    const missing = join(directory, 'nowhere.csv');
    const args = which === 'exam' ? [missing, SAMPLE_RESPONSES] : [BUNDLED, missing];
    const { code, stderr } = await runCli('analyse', ...args, '--out', `${directory}/`);
    expect(code).toBe(2);
    expect(stderr).toContain(`${message}${missing}`);
  });

  it('exits 2 on an unreadable cell, naming the file, row and column, and writes nothing', async () => {
    const directory = scratch();
    const responses = join(directory, 'responses.csv');
    writeFileSync(responses, 'student,l2-prior,masked-softmax\ns1,B,D\ns2,Q,D\n');
    const { code, stderr } = await runCli('analyse', BUNDLED, responses);
    expect(code).toBe(2);
    expect(stderr).toContain(`${responses}: 1 problem(s); nothing was graded`);
    expect(stderr).toContain('responses.csv:3:2 error: l2-prior: there is no option (q)');
    expect(() => readFileSync(join(directory, 'responses.statistics.csv'))).toThrow();
  });
});
