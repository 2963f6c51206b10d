/*
 * Where a JSON text first breaks, as line and column. JSON.parse gives a character offset at best,
 * and on some inputs quotes the text around the error: a config file may hold a key or a path
 * that should not reach a log, so the problem is described in words and never quoted.
 */

export interface JsonSyntaxProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  problem: string;
}

class SyntaxStop {
  constructor(readonly at: number, readonly problem: string) {}
}

const LITERALS = ['true', 'false', 'null'];

class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.space();
    if (this.i < this.text.length) this.stop('more text after the end of the JSON value (a missing comma, or two values?)');
  }

  private stop(problem: string, at = this.i): never {
    throw new SyntaxStop(at, problem);
  }

  private space(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i])) this.i++;
    if (this.text.startsWith('//', this.i) || this.text.startsWith('/*', this.i)) this.stop('comments are not allowed in JSON');
  }

  private expectMore(what: string): void {
    if (this.i >= this.text.length) this.stop(`the file ends where ${what} was expected (a missing closing bracket or quote?)`);
  }

  private value(): void {
    this.space();
    this.expectMore('a value');
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    const literal = LITERALS.find((word) => this.text.startsWith(word, this.i));
    if (literal) {
      this.i += literal.length;
      return;
    }
    if (c === "'") this.stop('strings need double quotes, not single quotes');
    this.stop('expected a value (a string in double quotes, a number, true, false, null, an object or an array)');
  }

  private object(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      this.expectMore('a key in double quotes');
      if (this.text[this.i] === '}') this.stop('a comma before } (trailing commas are not allowed in JSON)');
      if (this.text[this.i] !== '"') this.stop('expected a key in double quotes');
      this.string();
      this.space();
      this.expectMore("':'");
      if (this.text[this.i] !== ':') this.stop("expected ':' after the key");
      this.i++;
      this.value();
      this.space();
      this.expectMore("',' or '}'");
      const c = this.text[this.i++];
      if (c === '}') return;
      if (c !== ',') this.stop("expected ',' or '}' after a value in an object", this.i - 1);
    }
  }

  private array(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.i] === ']') this.stop('a comma before ] (trailing commas are not allowed in JSON)');
      this.value();
      this.space();
      this.expectMore("',' or ']'");
      const c = this.text[this.i++];
      if (c === ']') return;
      if (c !== ',') this.stop("expected ',' or ']' after a value in an array", this.i - 1);
    }
  }

  private string(): void {
    const start = this.i;
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\n' || c === '\r') this.stop('a line break inside a string (a missing closing quote?)');
      if (c < ' ') this.stop('a control character inside a string (write it as an escape such as \\t)');
      if (c === '\\') {
        const next = this.text[this.i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.stop('\\u must be followed by four hex digits');
          this.i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) this.stop('an unknown escape after a backslash (write a backslash as \\\\)');
        this.i += 2;
        continue;
      }
      this.i++;
    }
    this.stop('a string that is never closed', start);
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!match) this.stop('a malformed number');
    this.i += match[0].length;
    const next = this.text[this.i];
    if (next !== undefined && /[0-9A-Za-z_.]/.test(next)) this.stop('a malformed number (leading zeros, or a trailing dot?)');
  }
}

function position(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/** The first syntax problem of `text`, or undefined when it is valid JSON. */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxStop)) throw error;
    return { ...position(text, error.at), problem: error.problem };
  }
}
