import { basename } from 'node:path';

/*
 * What an error message may say about a file's contents. A key file handed over as a CSV or a
 * JSON config used to come back in the error: the header it "found" was the 64-hex secret, and
 * Node's JSON errors quote the first characters of the text. Every error path goes through here:
 * contents are described (a line and column, a field number), never quoted, unless they look like
 * what they are meant to be (a header name).
 */

/** A run of hex long enough to be a key, a digest or a hex-encoded identifier. */
const HEX_RUN = /(?<![0-9A-Za-z])[0-9A-Fa-f]{24,}(?![0-9A-Za-z])/g;
/** A 32-byte value in base64 or base64url (43 characters, optional padding). */
const BASE64_KEY = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{43}=?(?![A-Za-z0-9+/=_-])/g;
const LETTERS_AND_DIGITS = (token: string) => /[0-9]/.test(token) && /[a-z]/.test(token) && /[A-Z]/.test(token);

export const REDACTED = '[redacted]';

/** Replaces anything in `text` shaped like a secret (long hex, a base64 key) with [redacted]. */
export function scrubSecrets(text: string): string {
  return text.replace(HEX_RUN, REDACTED).replace(BASE64_KEY, (token) => (LETTERS_AND_DIGITS(token) ? REDACTED : token));
}

export function looksLikeSecret(text: string): boolean {
  return scrubSecrets(text.trim()) !== text.trim();
}

/** A path is named as given unless its last part looks like a secret (a key pasted where a path goes). */
export function safePath(path: string): string {
  return looksLikeSecret(basename(path)) || looksLikeSecret(path) ? '(a path that looks like a secret, not shown)' : path;
}

/*
 * A header name: short, starting with a letter or underscore, made of letters, digits, spaces and
 * a little punctuation, without the digit runs of an SSN, a date or a phone number.
 */
const HEADER_NAME = /^[\p{L}_][\p{L}\p{N} _.\-()/#]{0,63}$/u;
const DIGIT_RUN = /\d{4,}/;

export function looksLikeHeaderName(name: string): boolean {
  return HEADER_NAME.test(name) && !DIGIT_RUN.test(name) && !looksLikeSecret(name) && !name.includes('@');
}

/** A header name quoted for a message, or its position when it does not look like a header name. */
export function safeHeaderName(name: string, index: number): string {
  return looksLikeHeaderName(name) ? JSON.stringify(name) : `(field ${index + 1}, not shown: it does not look like a column name)`;
}

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
