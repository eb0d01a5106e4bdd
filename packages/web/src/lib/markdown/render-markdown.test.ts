import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from './render-markdown.js';

describe('renderMarkdown', () => {
  it('renders math before Markdown can touch it', () => {
    const html = renderMarkdown('Let $a_1 + b_1$ and *c*.');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<em>c</em>');
    expect(html.match(/<em>/g)).toHaveLength(1);
  });

  it('renders display math and matrices with their row breaks', () => {
    const html = renderMarkdown('$$X = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$');
    expect(html).toContain('katex-display');
    expect(html).not.toContain('<br');
    expect(html).not.toContain('katex-error');
  });

  it('leaves code spans and prices alone', () => {
    const html = renderMarkdown('Use `$x$` in code; it costs $5 and $10.');
    expect(html).toContain('<code>$x$</code>');
    expect(html).toContain('costs $5 and $10.');
    expect(html).not.toContain('katex');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('refuses javascript: links', () => {
    expect(renderMarkdown('[click](javascript:alert(1))')).not.toContain('href="javascript');
  });

  it('does not trust TeX with links or HTML', () => {
    const html = renderMarkdown('$\\href{javascript:alert(1)}{x}$ and $\\htmlClass{evil}{y}$');
    // The source stays visible as text (in the annotation and in red), but never as a link or an attribute.
    expect(html).not.toContain('href=');
    expect(html).not.toContain('class="evil"');
    expect(html).toContain('#cc0000');
  });

  it('shows broken TeX in place instead of throwing', () => {
    const html = renderMarkdown('Broken $\\frac{1}{$ here');
    expect(html).toContain('katex-error');
    expect(html).toContain('here');
  });

  it('treats \\$ as a dollar sign', () => {
    expect(renderMarkdown('a \\$ sign')).toBe('<p>a $ sign</p>\n');
  });

  it('ignores text that looks like its placeholders', () => {
    expect(renderMarkdown('x\uE0000\uE001y $z$')).toContain('<p>x0y <span class="katex">');
  });
});

describe('renderInlineMarkdown', () => {
  it('renders an option without a paragraph around it', () => {
    const html = renderInlineMarkdown('$2(\\sigma - y)x$ **only**');
    expect(html.startsWith('<span class="katex">')).toBe(true);
    expect(html).toContain('<strong>only</strong>');
    expect(html).not.toContain('<p>');
  });
});

describe('images of an exam', () => {
  it('serves a relative image from the exam files route and leaves absolute ones alone', () => {
    const base = '/api/exams/e1/files/';
    expect(renderMarkdown('![Net](images/net.png)', base)).toContain('src="/api/exams/e1/files/images%2Fnet.png"');
    expect(renderMarkdown('![Logo](/logo.png)', base)).toContain('src="/logo.png"');
    expect(renderMarkdown('![Remote](https://example.org/a.png)', base)).toContain('src="https://example.org/a.png"');
    expect(renderMarkdown('![Net](images/net.png)')).toContain('src="images/net.png"');
    expect(renderMarkdown('![Map](<images/my map.png>)', base)).toContain(
      'src="/api/exams/e1/files/images%2Fmy%20map.png"',
    );
  });
});
