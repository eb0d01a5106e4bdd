import { useMemo, useRef } from 'react';
import { renderInlineMarkdown, renderMarkdown } from '../lib/markdown/render-markdown.js';
import { useExamFilesBase } from './exam-files.js';
import { useWideMath } from './use-wide-math.js';

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
  const imageBase = useExamFilesBase();
  const html = useMemo(() => renderMarkdown(source, imageBase), [source, imageBase]);
  const element = useRef<HTMLDivElement>(null);
  useWideMath(element, html);
  return (
    <div
      ref={element}
      id={id}
      className={['markdown', className].filter(Boolean).join(' ')}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** Inline exam text (an option, a label) without a paragraph around it. */
export function InlineMarkdown({ source, className, id }: MarkdownProps) {
  const imageBase = useExamFilesBase();
  const html = useMemo(() => renderInlineMarkdown(source, imageBase), [source, imageBase]);
  const element = useRef<HTMLSpanElement>(null);
  useWideMath(element, html);
  return (
    <span
      ref={element}
      id={id}
      className={['markdown-inline', className].filter(Boolean).join(' ')}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
