import { lineAndColumn } from './redact.ts';

/*
 * Where a JSON text stops being valid, found by our own scan: Node's SyntaxError quotes the text
 * around the fault (the first characters of a key file given as a config), and only some of its
 * messages carry a position. The scan follows RFC 8259; it runs only after JSON.parse has failed.
 */

class Scan {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(): never {
    throw this.pos;
  }

  space(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  expect(char: string): void {
    if (this.text[this.pos] !== char) this.fail();
    this.pos++;
  }

  value(depth: number): void {
    if (depth > 512) this.fail();
    this.space();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail();
  }

  object(depth: number): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') return void this.pos++;
    for (;;) {
      this.space();
      this.string();
      this.space();
      this.expect(':');
      this.value(depth + 1);
      this.space();
      if (this.text[this.pos] === '}') return void this.pos++;
      this.expect(',');
    }
  }

  array(depth: number): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') return void this.pos++;
    for (;;) {
      this.value(depth + 1);
      this.space();
      if (this.text[this.pos] === ']') return void this.pos++;
      this.expect(',');
    }
  }

  string(): void {
    this.expect('"');
    for (;;) {
      if (this.pos >= this.text.length) this.fail();
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) return void this.pos++;
      if (c < 0x20) this.fail();
      if (c === 92) {
        const e = this.text[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail();
          this.pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail();
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }

  number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) this.fail();
    this.pos += match[0].length;
  }
}

/** Offset of the first character at which `text` is not valid JSON (text.length for a text that ends too early); undefined when it is valid. */
export function jsonErrorOffset(text: string): number | undefined {
  const scan = new Scan(text);
  try {
    scan.value(0);
    scan.space();
    if (scan.pos < text.length) return scan.pos;
    return undefined;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
}

/** "not valid JSON at line L, column C" (or "ends too early"), with no character of the text. */
export function jsonSyntaxDetail(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) return 'not valid JSON: the file starts with a byte-order mark; save it as UTF-8 without one';
  const body = text;
  const offset = jsonErrorOffset(body) ?? 0;
  if (offset >= body.length) return body.trim() === '' ? 'the file is empty, not JSON' : 'not valid JSON: the text ends before the JSON does';
  const { line, column } = lineAndColumn(body, offset);
  return `not valid JSON at line ${line}, column ${column}`;
}
