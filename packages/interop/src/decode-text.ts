/** The platform's decoder (Node and browsers have it; the package compiles without DOM or Node types). */
declare const TextDecoder: new (
  label?: string,
  options?: { readonly fatal?: boolean },
) => { decode(bytes: Uint8Array): string };

/**
 * A source file's bytes as text: a byte-order mark decides (UTF-8, UTF-16 LE/BE), else the encoding an XML
 * declaration names (`<?xml … encoding="ISO-8859-1"?>`), else UTF-8, else — bytes that are not UTF-8 — Windows-1252,
 * what an old export without a declaration is most likely in. The BOM is removed.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])); // 'A'
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  // UTF-16 without a BOM: `<` followed or preceded by a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0) return decode('utf-16le', bytes);
  if (bytes[0] === 0 && bytes[1] === 0x3c) return decode('utf-16be', bytes);
  const declared = declaredEncoding(bytes);
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return decode(declared, bytes);
    } catch {
      // An encoding the platform does not know: fall through to UTF-8.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decode('windows-1252', bytes);
  }
}

function decode(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}

/** The `encoding` of an XML declaration at the start of the bytes, read as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
}
