/*
 * Text that reaches a published CSV or a terminal. Table labels come from catalogs and run
 * folders a linker did not write, so they are treated as hostile: a cell starting with = + - @
 * is a formula when the CSV is opened in a spreadsheet (CSV injection, OWASP), and a control
 * character (ESC, BEL, NUL) can rewrite a terminal or break a reader.
 */

// C0 and C1 control characters and DEL; C1 includes 0x9b, a one-byte CSI in some terminals.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;

/** Control characters (line breaks too) become U+FFFD, the replacement character. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/**
 * A string cell as a spreadsheet reads it safely: controls replaced, and a leading = + - @ (or a
 * leading control, now U+FFFD, stays harmless) prefixed with an apostrophe, which spreadsheets
 * show as text. Numbers are left alone: a negative dollar figure is a number, not a formula.
 */
export function spreadsheetSafe(cell: string | number): string | number {
  if (typeof cell === 'number') return cell;
  const text = withoutControls(cell);
  return /^[=+\-@]/u.test(text) ? `'${text}` : text;
}

/** Printable text for a terminal: keeps line breaks and tabs, replaces every other control. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, '\uFFFD');
}
