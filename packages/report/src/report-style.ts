/** The report's stylesheet: system fonts only (nothing to fetch), readable in print and without colour. */
export const REPORT_STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 70rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-top: 1.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
td ul { margin: 0; padding-left: 1.1rem; }
tr.flagged th { font-weight: 700; }
li.possible-wrong-key strong { color: #a3160d; }
figure { margin: 0.5rem 0; } figcaption { font-size: 0.9rem; color: #444; }
svg { max-width: 100%; height: auto; }
.chart-and-table { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
@media print { section.question { break-inside: avoid; } }
`;
