import { findMath } from '@examforge/core';

/**
 * Turns the LaTeX of an exam into plain Unicode for a terminal: `\frac{\partial L}{\partial w}` becomes
 * `(∂L)/(∂w)`, `\theta_j^2` becomes `θ_j²`. It is for reading in a terminal, not typesetting: anything it does not
 * know stays as written.
 */
export function texToText(markdown: string): string {
  const { segments } = findMath(markdown);
  let result = '';
  let cursor = 0;
  for (const segment of segments) {
    const delimiter = segment.display ? 2 : 1;
    result += markdown.slice(cursor, segment.offset - delimiter);
    const text = convertTex(segment.tex);
    result += segment.display ? `\n    ${text.replace(/\n/g, '\n    ')}\n` : text;
    cursor = segment.offset + segment.tex.length + delimiter;
  }
  return (result + markdown.slice(cursor)).replace(/\n{3,}/g, '\n\n').normalize('NFC');
}

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  sum: '∑',
  prod: '∏',
  int: '∫',
  partial: '∂',
  nabla: '∇',
  infty: '∞',
  cdot: '·',
  times: '×',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '∼',
  in: '∈',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  mid: '|',
  odot: '⊙',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  pm: '±',
  log: 'log',
  exp: 'exp',
  min: 'min',
  max: 'max',
  inf: 'inf',
  sup: 'sup',
  lim: 'lim',
  sqrt: '√',
  forall: '∀',
  exists: '∃',
  quad: '  ',
  qquad: '    ',
  ',': ' ',
  ';': ' ',
  '!': '',
  '|': '‖',
  '{': '{',
  '}': '}',
  '%': '%',
  _: '_',
};
const BLACKBOARD: Record<string, string> = { R: 'ℝ', E: '𝔼', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', P: 'ℙ' };
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  n: 'ⁿ',
  T: 'ᵀ',
  i: 'ⁱ',
};

const WORD_OPERATORS = new Set(['log', 'exp', 'min', 'max', 'inf', 'sup', 'lim']);
const RELATIONS = new Set([
  'leq',
  'le',
  'geq',
  'ge',
  'neq',
  'ne',
  'approx',
  'sim',
  'in',
  'to',
  'rightarrow',
  'leftarrow',
  'times',
  'cdot',
  'pm',
  'mid',
]);
const SCRIPT: Record<string, string> = { L: 'ℒ', O: '𝒪', N: '𝒩', H: 'ℋ', D: '𝒟', F: 'ℱ', X: '𝒳', Y: '𝒴' };
const ACCENTS: Record<string, string> = {
  hat: '\u0302',
  widehat: '\u0302',
  tilde: '\u0303',
  widetilde: '\u0303',
  bar: '\u0304',
  overline: '\u0305',
};

function convertTex(tex: string): string {
  let text = tex.replace(/\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])\s*/g, '');
  text = text.replace(/\\begin\{[bpv]?matrix\}([\s\S]*?)\\end\{[bpv]?matrix\}/g, (_, body: string) => matrix(body));
  // Symbols first, swallowing the space TeX ignores after a command name.
  text = text.replace(/\\([a-zA-Z]+)(\s*)(?=(.?))/g, (whole, name: string, space: string, next: string) => {
    const symbol = SYMBOLS[name];
    if (symbol === undefined) return whole;
    if (RELATIONS.has(name)) return ` ${symbol} `;
    if (WORD_OPERATORS.has(name)) return /[_^(]/.test(next) ? symbol : `${symbol} `;
    return space !== '' && /[-+=<>&,]/.test(next) ? `${symbol} ` : symbol;
  });
  for (let pass = 0; pass < 4; pass += 1) {
    text = text
      .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_, a: string, b: string) => `${group(a)}/${group(b)}`)
      .replace(/\\sqrt\s*\{([^{}]*)\}/g, (_, a: string) => `√${group(a)}`)
      .replace(/\\(hat|widehat|tilde|widetilde|bar|overline)\s*\{([^{}]*)\}/g, (_, accent: string, a: string) =>
        a.length === 1 ? `${a}${ACCENTS[accent] ?? ''}` : a,
      )
      .replace(/\\(?:text|mathrm|operatorname|textbf|mathbf|boldsymbol)\s*\{([^{}]*)\}/g, '$1')
      .replace(/\\mathbb\s*\{([^{}]*)\}/g, (_, a: string) => BLACKBOARD[a] ?? a)
      .replace(/\\mathcal\s*\{([^{}]*)\}/g, (_, a: string) => SCRIPT[a] ?? a);
  }
  text = text
    .replace(/\\([,;!|{}%_])/g, (whole, name: string) => SYMBOLS[name] ?? whole)
    .replace(/\^\{?([0-9+\-nTi])\}?(?![0-9a-zA-Z{])/g, (_, a: string) => SUPERSCRIPT[a] ?? `^${a}`)
    .replace(/\{([^{}]*)\}/g, '$1');
  return text.replace(/[ \t]+/g, ' ').trim();
}

function group(text: string): string {
  return /^[\p{L}\p{N}_.·]+$/u.test(text.trim()) ? text.trim() : `(${text.trim()})`;
}

function matrix(body: string): string {
  const rows = body.split(/\\\\/).map((row) =>
    row
      .split('&')
      .map((cell) => cell.trim())
      .join(', '),
  );
  return `[${rows.map((row) => `[${row}]`).join(', ')}]`;
}
