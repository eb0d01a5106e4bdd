const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Bytes as base64 (RFC 4648, with padding), for images embedded in Moodle XML. Written here because the package is
 * pure and runs where neither `Buffer` nor `btoa` is promised.
 *
 * @example
 * encodeBase64(new TextEncoder().encode('Man')); // 'TWFu'
 */
export function encodeBase64(bytes: Uint8Array): string {
  let result = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] ?? 0;
    const b = bytes[index + 1] ?? 0;
    const c = bytes[index + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    result += ALPHABET.charAt(triple >> 18) + ALPHABET.charAt((triple >> 12) & 63);
    result += index + 1 < bytes.length ? ALPHABET.charAt((triple >> 6) & 63) : '=';
    result += index + 2 < bytes.length ? ALPHABET.charAt(triple & 63) : '=';
  }
  return result;
}
