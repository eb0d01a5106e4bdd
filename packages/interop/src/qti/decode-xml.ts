/**
 * Turns the bytes of an XML file into text as its author wrote it: a byte-order mark (UTF-8, UTF-16 LE/BE) wins, then
 * the encoding its XML declaration names (Respondus writes ISO-8859-1), then UTF-8. A BOM is never left in the text.
 *
 * @example
 * decodeXml(new TextEncoder().encode('<?xml version="1.0"?><a/>')); // '<?xml version="1.0"?><a/>'
 */
export function decodeXml(bytes: Uint8Array): string {
  const bom = encodingFromBom(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
  const declared = declaredEncoding(bytes);
  return new TextDecoder(supportedLabel(declared)).decode(bytes);
}

function encodingFromBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  // UTF-16 without a BOM: `<?` written as `<\0?\0` or `\0<\0?`.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f) return { encoding: 'utf-16le', length: 0 };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00) return { encoding: 'utf-16be', length: 0 };
  return undefined;
}

/** The `encoding="…"` of the XML declaration, read as ASCII from the first bytes. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  if (!head.startsWith('<?xml')) return undefined;
  const declaration = head.slice(0, head.indexOf('?>') + 2);
  return /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(declaration)?.[1];
}

/** A label TextDecoder knows; unknown labels and UTF-16 declared on 8-bit bytes fall back to UTF-8. */
function supportedLabel(label: string | undefined): string {
  if (!label || /^utf-?16/i.test(label)) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}
