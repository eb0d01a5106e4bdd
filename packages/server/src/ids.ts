import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A secret for a cookie or a CSRF token: 256 random bits. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Sessions are stored by the hash of their token. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Letters and digits that cannot be misread on paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A student's access code, e.g. `K7QF-MX3P`: 40 bits, easy to type from a printed slip. */
export function newAccessCode(): string {
  const characters = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? 'A');
  return `${characters.slice(0, 4).join('')}-${characters.slice(4).join('')}`;
}

/** Access codes are compared without case, spaces or dashes, as students type them. */
export const normaliseAccessCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
