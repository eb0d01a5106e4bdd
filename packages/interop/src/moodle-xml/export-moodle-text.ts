import { encodeBase64 } from '../export/base64.js';
import type { ExportNotes, ReadAsset } from '../export/export-context.js';
import { markdownToHtml, markdownToInlineHtml, texDelimited, type HtmlTarget } from '../export/markdown-html.js';
import { element, raw, type XmlElement, type XmlNode } from '../export/xml-text.js';

/** What a Moodle text field needs beyond its Markdown: where images come from and where problems are reported. */
export interface MoodleTextContext {
  readonly readAsset: ReadAsset;
  readonly notes: ExportNotes;
  readonly questionId: string | undefined;
}

/**
 * A Moodle text field (`<questiontext>`, `<answer>`, `<generalfeedback>`, …): the Markdown as HTML in `<text>`, math
 * as `\( \)` for Moodle's MathJax filter, and each image embedded as `<file encoding="base64">` referred to as
 * `@@PLUGINFILE@@/name`, as Moodle writes them. Files belong to the field they are used in.
 */
export function moodleTextField(
  name: string,
  markdown: string,
  context: MoodleTextContext,
  options: { readonly inline?: boolean; readonly attributes?: Record<string, string> } = {},
): XmlElement {
  const files: XmlElement[] = [];
  const target = moodleHtmlTarget(context, files);
  const html = options.inline ? markdownToInlineHtml(markdown, target) : markdownToHtml(markdown, target);
  return element(name, { ...options.attributes, format: 'html' }, [element('text', {}, [cdata(html)]), ...files]);
}

/** Plain text in a `<text>`, for names and numbers. */
export function plainText(name: string, text: string): XmlElement {
  return element(name, {}, [element('text', {}, [text])]);
}

function moodleHtmlTarget(context: MoodleTextContext, files: XmlElement[]): HtmlTarget {
  const names = new Map<string, string>();
  return {
    math: texDelimited,
    imageSource: (path) => {
      const known = names.get(path);
      if (known !== undefined) return `@@PLUGINFILE@@/${encodeURIComponent(known)}`;
      const bytes = context.readAsset(path);
      if (!bytes) {
        context.notes.add(
          context.questionId,
          'partial',
          `the image ${path} could not be read, so its description is written instead of it`,
        );
        return undefined;
      }
      const fileName = uniqueName(baseName(path), new Set(names.values()));
      names.set(path, fileName);
      files.push(element('file', { name: fileName, path: '/', encoding: 'base64' }, [encodeBase64(bytes)]));
      return `@@PLUGINFILE@@/${encodeURIComponent(fileName)}`;
    },
  };
}

function baseName(path: string): string {
  return (
    path
      .split(/[\\/]/)
      .filter((part) => part !== '' && part !== '.' && part !== '..')
      .pop() ?? 'image'
  );
}

/** Two images of one field with the same file name from different folders: the second becomes `2-name`. */
function uniqueName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let index = 2; taken.has(candidate); index += 1) candidate = `${index}-${name}`;
  return candidate;
}

/** HTML in a CDATA section, as Moodle writes it; a `]]>` inside is split across two sections. */
function cdata(html: string): XmlNode {
  return html === '' ? { text: '' } : raw(`<![CDATA[${html.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`);
}
