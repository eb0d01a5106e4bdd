import { useMemo } from 'react';
import { renderInlineMarkdown, renderMarkdown } from '../lib/markdown/render-markdown.js';

interface MarkdownProps {
  readonly source: string;
  readonly className?: string;
  readonly id?: string;
}

/**
 * Exam text as HTML. `dangerouslySetInnerHTML` is safe here only because `renderMarkdown` escapes raw HTML and runs
 * KaTeX untrusted; never pass it HTML from anywhere else.
 */
export function Markdown({ source, className, id }: MarkdownProps) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <div
      id={id}
      className={['markdown', className].filter(Boolean).join(' ')}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** Inline exam text (an option, a label) without a paragraph around it. */
export function InlineMarkdown({ source, className, id }: MarkdownProps) {
  const html = useMemo(() => renderInlineMarkdown(source), [source]);
  return (
    <span
      id={id}
      className={['markdown-inline', className].filter(Boolean).join(' ')}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
