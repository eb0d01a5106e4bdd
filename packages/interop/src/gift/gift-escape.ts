/**
 * Text as GIFT writes it, the way Moodle's exporter does (`repchar`): a backslash first, then each control character
 * (`~ = # { } :`) behind a backslash, and line breaks as `\n`, so a question stays on its own lines.
 *
 * @example
 * escapeGift('a = {b}\nc'); // 'a \\= \\{b\\}\\nc'
 */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/gu, '\\\\')
    .replace(/[~=#{}:]/gu, (char) => `\\${char}`)
    .replace(/\r?\n/gu, '\\n')
    .replace(/\r/gu, '');
}
