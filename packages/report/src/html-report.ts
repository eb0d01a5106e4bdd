import { histogramChart, optionChart, scatterChart, type Chart } from './charts.js';
import { html, Markup } from './html.js';
import { FLAG_LABELS, VERDICT_LABELS, figure, leftOut, marks, percent } from './labels.js';
import type { AnalysedQuestion, AnalysisReport } from './report-model.js';
import { REPORT_STYLE } from './report-style.js';

/**
 * The report as one self-contained HTML page: the test summary, the score histogram, the facility-against-
 * discrimination scatter, the question table with flags and reasons, and per choice question its option bars and
 * table. Charts are inline SVG with a title and description, each beside a table of its figures; no script, no
 * network, readable without colour (flags in words, the key named, symbols as well as colours).
 */
export function reportHtml(report: AnalysisReport): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Item analysis: ${report.examTitle}</title>
        <style>
          ${new Markup(REPORT_STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>Item analysis: ${report.examTitle}</h1>
          ${summarySection(report)} ${histogramSection(report)} ${questionsSection(report)} ${optionsSection(report)}
          ${notAnalysedSection(report)}
        </main>
      </body>
    </html> `.text;
}

function summarySection(report: AnalysisReport): Markup {
  const { test } = report;
  const rows: [string, string][] = [
    ['Students', String(report.students)],
    ['Questions analysed', `${report.questions.length} of ${report.questions.length + report.notAnalysed.length}`],
    ['Cronbach’s α', figure(test.alpha)],
    ['KR-20', figure(test.kr20)],
    ['Standard error of measurement', figure(test.sem)],
    ['Mean total', `${marks(test.mean)} of ${marks(report.maximum)}`],
    ['Median', marks(test.median)],
    ['Standard deviation', figure(test.sd)],
    ['Quartiles', test.quartiles.map((q) => marks(q)).join(', ')],
    ['Lowest, highest', `${marks(test.lowest)}, ${marks(test.highest)}`],
  ];
  return html`<section aria-labelledby="summary-heading">
    <h2 id="summary-heading">The test</h2>
    <p>${report.examId}${report.scope && ` · ${report.scope}`}. ${leftOut(report)}</p>
    <table class="summary">
      <caption>
        Test statistics
      </caption>
      <tbody>
        ${rows.map(
          ([name, value]) =>
            html`<tr>
              <th scope="row">${name}</th>
              <td>${value}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </section>`;
}

function histogramSection(report: AnalysisReport): Markup {
  const chart = histogramChart(report);
  return html`<section aria-labelledby="histogram-heading">
    <h2 id="histogram-heading">Score distribution</h2>
    <div class="chart-and-table">
      ${figureOf(chart)}
      <table>
        <caption>
          Students by total
        </caption>
        <thead>
          <tr>
            <th scope="col">Total from</th>
            <th scope="col">to under</th>
            <th scope="col">Students</th>
          </tr>
        </thead>
        <tbody>
          ${report.test.histogram.map(
            (bin) =>
              html`<tr>
                <td>${marks(bin.from)}</td>
                <td>${marks(bin.to)}</td>
                <td>${bin.count}</td>
              </tr> `,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

function questionsSection(report: AnalysisReport): Markup {
  const chart = scatterChart(report);
  return html`<section aria-labelledby="questions-heading">
    <h2 id="questions-heading">Questions</h2>
    ${figureOf(chart)}
    <table class="questions">
      <caption>
        Per question (flagged questions marked ⚑; the scatter’s figures)
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Question</th>
          <th scope="col">n</th>
          <th scope="col">Facility</th>
          <th scope="col">Discrimination</th>
          <th scope="col">Upper − lower</th>
          <th scope="col">α if deleted</th>
          ${report.verified && html`<th scope="col">verify</th>`}
          <th scope="col">Flags</th>
        </tr>
      </thead>
      <tbody>
        ${report.questions.map((q) => questionRow(q, report.verified))}
      </tbody>
    </table>
  </section>`;
}

function questionRow(question: AnalysedQuestion, verified: boolean): Markup {
  const s = question.statistics;
  const flags = s.flags.map(
    (flag) =>
      html`<li class="${flag.kind}">
        <strong>${FLAG_LABELS[flag.kind]}</strong>:
        ${flag.reason}${
          flag.kind === 'possible-wrong-key' && !verified
            ? '; compare it with its answer check (examforge verify, or the exam’s page)'
            : ''
        }
      </li>`,
  );
  return html`<tr${s.flags.length > 0 ? new Markup(' class="flagged"') : ''}>
<th scope="row">Q${question.number}${s.flags.length > 0 ? ' ⚑' : ''}</th><td>${question.id}</td><td>${s.n}</td>
<td>${figure(s.facility)}</td><td>${figure(s.discrimination)}</td><td>${figure(s.upperLower)}</td>
<td>${figure(s.alphaIfDeleted)}</td>${verified && html`<td>${question.verdict ? VERDICT_LABELS[question.verdict] : ''}</td>`}
<td>${
    flags.length > 0
      ? html`<ul>
          ${flags}
        </ul>`
      : 'none'
  }</td></tr>\n`;
}

function optionsSection(report: AnalysisReport): Markup {
  const choice = report.questions.filter((q) => q.statistics.options);
  if (choice.length === 0) return html``;
  return html`<section aria-labelledby="options-heading">
    <h2 id="options-heading">Options</h2>
    <p>
      Upper and lower: the strongest and weakest 27 % of the class by total. Mean total: of the students who chose the
      option.
    </p>
    ${choice.map(optionBlock)}
  </section>`;
}

function optionBlock(question: AnalysedQuestion): Markup {
  const chart = optionChart(question);
  const s = question.statistics;
  return html`<section class="question" aria-labelledby="q-${question.id}">
    <h3 id="q-${question.id}">
      Q${question.number} ${question.id}${question.title !== question.id ? `: ${question.title}` : ''}
    </h3>
    <div class="chart-and-table">
      ${chart && figureOf(chart)}
      <table>
        <caption>
          Options of Q${question.number}
        </caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Chose</th>
            <th scope="col">Upper</th>
            <th scope="col">Lower</th>
            <th scope="col">Mean total</th>
          </tr>
        </thead>
        <tbody>
          ${(s.options ?? []).map(
            (o) =>
              html`<tr>
                <th scope="row">(${o.option})${o.keyed ? ' key' : ''}</th>
                <td>${o.count}</td>
                <td>${percent(o.upperShare)}</td>
                <td>${percent(o.lowerShare)}</td>
                <td>${marks(o.meanTotal)}</td>
              </tr> `,
          )}
        </tbody>
      </table>
    </div>
    <p>Blank ${s.blank ?? 0} · invalid marks ${s.invalid ?? 0} · several marks ${s.several ?? 0}</p>
  </section> `;
}

function notAnalysedSection(report: AnalysisReport): Markup {
  if (report.notAnalysed.length === 0) return html``;
  return html`<section aria-labelledby="not-analysed-heading">
    <h2 id="not-analysed-heading">Not analysed</h2>
    <table>
      <caption>
        Questions left out, with why
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Question</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        ${report.notAnalysed.map(
          (q) =>
            html`<tr>
              <th scope="row">Q${q.number}</th>
              <td>${q.id}</td>
              <td>${q.reason}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </section>`;
}

function figureOf(chart: Chart): Markup {
  return html`<figure>
    ${new Markup(chart.svg)}
    <figcaption>${chart.title}</figcaption>
  </figure>`;
}
