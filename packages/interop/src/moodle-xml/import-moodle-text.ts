import type { Element } from '@xmldom/xmldom';
import { texError } from '@examforge/core';
import { htmlToMarkdown } from '../html-to-markdown.js';
import { decodeBase64, type ImportAssets } from '../import-assets.js';
import type { ConversionNote, SourceFile } from '../import-result.js';
import { escapeLineStarts, texToMarkdown } from '../markdown-text.js';
import { childElement, childElements, locate } from './import-moodle-document.js';

/** What text conversion needs from the question being imported. */
export interface MoodleTextContext {
  readonly file: SourceFile;
  readonly assets: ImportAssets;
  /** The `<question>` element: `@@PLUGINFILE@@` files may sit beside any of its texts. */
  readonly question: Element;
  readonly questionName: string;
  readonly notes: ConversionNote[];
}

/**
 * A Moodle text field (`<questiontext format="html"><text>…</text><file …/></questiontext>`) as Markdown: HTML (the
 * default, also for `moodle_auto_format`, whose line breaks count) through `htmlToMarkdown`, `plain_text` escaped,
 * `markdown` kept with any HTML in it escaped. Images come from the field's `<file>`s (`@@PLUGINFILE@@/name`), data
 * URIs or files beside the input; every loss becomes a `content` note at the field's XML path.
 */
export function moodleText(
  field: Element | undefined,
  context: MoodleTextContext,
  xmlPath: string,
  inline = false,
): string {
  if (!field) return '';
  const textElement = childElement(field, 'text');
  const raw = (textElement ?? field).textContent ?? '';
  const format = field.getAttribute('format') ?? 'html';
  const noted = new Set<string>();
  const note = (reason: string) => {
    if (noted.has(reason)) return;
    noted.add(reason);
    context.notes.push({
      location: locate(context.file.name, field, xmlPath),
      question: context.questionName,
      reason,
      keptAs: 'content',
    });
  };
  if (format === 'plain_text') return plainText(raw, inline);
  if (format === 'markdown') return markdownText(raw, inline);
  const html = format === 'moodle_auto_format' ? raw.trim().replace(/\r?\n/g, '<br>') : raw;
  return htmlToMarkdown(html, {
    inline,
    onLoss: (loss) => note(loss.message),
    resolveImage: (src) => resolveImage(src, field, context),
  });
}

/**
 * Moodle's Markdown kept as Markdown, with what the exam format or the renderer would misread changed: headings
 * (which would end the question) become bold lines, and HTML in it is escaped so it shows as text.
 */
function markdownText(raw: string, inline: boolean): string {
  const text = raw
    .replace(/</g, '\\<')
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm, (_line, title: string) => `**${title}**`)
    .replace(/^(\s*[-*+]\s+)\[/gm, '$1\\[')
    .trim();
  return inline ? text.replace(/\s+/g, ' ') : text;
}

function plainText(raw: string, inline: boolean): string {
  const text = texToMarkdown(raw.trim(), texError);
  if (inline) return text.replace(/\s+/g, ' ');
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => escapeLineStarts(paragraph.trim()))
    .join('\n\n');
}

function resolveImage(src: string, field: Element, context: MoodleTextContext): string | undefined {
  if (src.startsWith('data:')) return context.assets.addDataUri(src);
  const plugin = /^@@PLUGINFILE@@\/(.+)$/.exec(src);
  if (plugin) {
    const wanted = safeDecode(plugin[1] ?? '');
    const files = [...childElements(field, 'file'), ...allFiles(context.question)];
    const found = findFile(files, wanted);
    const bytes = found && decodeBase64(found.textContent ?? '');
    return found && bytes && context.assets.add(found.getAttribute('name') ?? 'image', bytes);
  }
  if (/^[a-z][\w+.-]*:/i.test(src) || src.startsWith('/')) return undefined;
  const bytes = context.file.readSibling?.(safeDecode(src));
  return bytes && context.assets.add(src, bytes);
}

/** The `<file>` a `@@PLUGINFILE@@/path/name` refers to: by path and name, else by name alone. */
function findFile(files: readonly Element[], wanted: string): Element | undefined {
  const fullName = (file: Element) =>
    `${(file.getAttribute('path') ?? '/').replace(/^\/|\/$/g, '')}/${file.getAttribute('name') ?? ''}`.replace(
      /^\//,
      '',
    );
  const name = wanted.split('/').pop();
  return (
    files.find((file) => fullName(file) === wanted.replace(/^\//, '')) ??
    files.find((file) => file.getAttribute('name') === name)
  );
}

/** Every `<file>` anywhere in the question: Moodle exports attach a text's files to that text, but not always. */
function allFiles(question: Element): Element[] {
  const files: Element[] = [];
  const visit = (element: Element) => {
    for (const child of childElements(element)) {
      if (child.localName === 'file') files.push(child);
      else visit(child);
    }
  };
  visit(question);
  return files;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
