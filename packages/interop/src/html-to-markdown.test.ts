import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, type HtmlLoss } from './html-to-markdown.js';

function convert(html: string, inline = false): { markdown: string; losses: string[] } {
  const losses: HtmlLoss[] = [];
  const markdown = htmlToMarkdown(html, {
    inline,
    onLoss: (loss) => losses.push(loss),
    resolveImage: (src) => (src.startsWith('@@PLUGINFILE@@/') ? `images/${src.slice(15)}` : undefined),
  });
  return { markdown, losses: losses.map((loss) => `${loss.kind}: ${loss.message}`) };
}

describe('htmlToMarkdown', () => {
  it.each([
    ['<p>One</p><p>Two<br>lines</p>', 'One\n\nTwo\\\nlines'],
    ['<p>Is <b>bold</b>, <em>slanted</em> and <code>a_b</code>?</p>', 'Is **bold**, *slanted* and `a_b`?'],
    ['<ul><li>first</li><li>second <i>item</i></li></ul>', '- first\n- second *item*'],
    ['<ol start="3"><li>three</li><li>four</li></ol>', '3. three\n4. four'],
    ['<pre>x = 1\n  y = 2</pre>', '```\nx = 1\n  y = 2\n```'],
    ['<p>H<sub>2</sub>O and x<sup>2</sup></p>', 'H$_{2}$O and x$^{2}$'],
    ['<a href="https://example.org/a b">the docs</a>', '[the docs](<https://example.org/a%20b>)'],
    [
      'Solve \\(x^2 = 1\\) and \\[\\int_0^1 x\\,dx\\] or $$\\frac{1}{2}$$',
      'Solve $x^2 = 1$ and $$\\int_0^1 x\\,dx$$ or $$\\frac{1}{2}$$',
    ],
    [
      'a &lt; b &amp;&amp; c &gt; d; 5 * 3 = 15; cost $5; #1 &amp;copy;',
      'a \\< b && c \\> d; 5 \\* 3 = 15; cost \\$5; \\#1 \\&copy;',
    ],
    ['<p>- not a list</p><p>1. nor this</p>', '\\- not a list\n\n1\\. nor this'],
    ['<h3>Title</h3><p>text</p>', '**Title**\n\ntext'],
    ['<img src="@@PLUGINFILE@@/net.png" alt="the net">', '![the net](<images/net.png>)'],
    [
      '<table><tr><th>x</th><th>y</th></tr><tr><td>1</td><td>a|b</td></tr></table>',
      '| x | y |\n| --- | --- |\n| 1 | a\\|b |',
    ],
    ['<span style="color:red">red</span> <font face="x">font</font>', 'red font'],
  ])('%s', (html, expected) => {
    const { markdown, losses } = convert(html);
    expect(markdown).toBe(expected);
    expect(losses).toEqual([]);
  });

  it('leaves no HTML: unknown elements lose their tags and keep their text, scripts and media go, all reported', () => {
    const { markdown, losses } = convert(
      '<p>Before<script>alert(1)</script> <blink>kept</blink> <iframe src="x"></iframe><s>struck</s></p><style>p{}</style>',
    );
    expect(markdown).toBe('Before kept struck');
    expect(losses).toEqual([
      'element: the <script> element was left out: it has no text a student can read here',
      'element: the <blink> element was dropped and its text kept',
      'element: the <iframe> element was left out: it has no text a student can read here',
      'element: the <s> element was dropped and its text kept',
      'element: the <style> element was left out: it has no text a student can read here',
    ]);
  });

  it('keeps TeX that does not render as code, and says why', () => {
    const { markdown, losses } = convert('<p>See \\(\\frac{1}{\\)</p>');
    expect(markdown).toBe('See `` \\(\\frac{1}{\\) ``'.replace('`` ', '` ').replace(' ``', ' `'));
    expect(losses[0]).toMatch(/^tex: TeX that does not render was kept as code/);
  });

  it('reports an image it cannot find, keeping its description', () => {
    const { markdown, losses } = convert('<p><img src="data:image/png;base64,AAA" alt="graph"></p>');
    expect(markdown).toBe('\\[graph\\]');
    expect(losses).toEqual(['image: the image an embedded image was not found; its description "graph" was kept']);
  });

  it('flattens a table with merged cells into text and reports it', () => {
    const { markdown, losses } = convert('<table><tr><td colspan="2">a</td></tr><tr><td>b</td><td>c</td></tr></table>');
    expect(markdown).toBe('a  \nb · c');
    expect(losses).toHaveLength(1);
  });

  it('makes one line for an option', () => {
    expect(convert('<p>first</p><p>second<br>third</p>', true).markdown).toBe('first second third');
  });

  it('drops a javascript: link and keeps its text', () => {
    const { markdown, losses } = convert('<a href="javascript:alert(1)">click</a>');
    expect(markdown).toBe('click');
    expect(losses).toHaveLength(1);
  });
});

describe('no raw HTML survives', () => {
  const fragment = fc.constantFrom(
    '<b>',
    '</b>',
    '<i>',
    '<p>',
    '</p>',
    '<br>',
    '<script>alert(1)</script>',
    '<img src="x" onerror="alert(1)">',
    '<img src="@@PLUGINFILE@@/a.png" alt="<b>">',
    '<a href="javascript:alert(1)">',
    '<a href="https://e.org/<x>">',
    '</a>',
    '<ul><li>',
    '</li></ul>',
    '<table><tr><td>',
    '</td></tr></table>',
    '<code>',
    '</code>',
    '<pre>',
    '</pre>',
    '&lt;b&gt;',
    '&amp;lt;',
    '<!-- c -->',
    '<![CDATA[<i>]]>',
    '<svg><text>s</text></svg>',
    'x',
    ' ',
    '\\(',
    '\\)',
    '$',
    '`',
    '<',
    '>',
  );

  it('every tag is dropped or turned into Markdown, whatever the input (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), fc.boolean(), (parts, inline) => {
        const markdown = htmlToMarkdown(parts.join(''), {
          inline,
          resolveImage: (src) => (src.startsWith('@@PLUGINFILE@@/') ? 'images/a.png' : undefined),
        });
        // Outside code spans and link or image destinations, a `<` that opens a tag must be escaped.
        const outsideCode = markdown.replace(/(`+)[\s\S]*?\1/g, '').replace(/\]\(<[^>\n]*>\)/g, '](…)');
        expect(outsideCode).not.toMatch(/(?<!\\)<[a-zA-Z!/?]/);
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });
});
