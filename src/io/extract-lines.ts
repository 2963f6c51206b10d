import type { EncodedPerson, PayloadRow } from '../extract/extract-types.ts';

/*
 * Person and payload lines of an extract, written as UTF-8 bytes straight into one growing buffer.
 * The bytes are exactly those of JSON.stringify of { t, id, f, clk, bk } and { t, id, v } (same key
 * order, same escaping; test/hash/extract-lines.test.ts pins it). Building strings instead (base64
 * strings, template literals, then one UTF-8 conversion per chunk) cost more than encoding a record:
 * V8 had to flatten a rope of some twenty pieces per line, and the garbage collector to clear them.
 */

const BASE64 = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
/** The two lower-case hex digits of each byte, as char codes. */
const HEX = new Uint8Array(512).map((_, i) => (i >> 1).toString(16).padStart(2, '0').charCodeAt(i & 1));
const EQUALS = 61;
const QUOTE = 34;
const utf8 = new TextEncoder();

/** Names (fields, blocking keys, payload columns) recur on every line: their `"name":` bytes are made once. */
const nameBytes = new Map<string, Uint8Array>();
function quotedName(name: string): Uint8Array {
  let bytes = nameBytes.get(name);
  if (bytes === undefined) {
    bytes = utf8.encode(`${JSON.stringify(name)}:`);
    if (nameBytes.size < 4096) nameBytes.set(name, bytes);
  }
  return bytes;
}

const LITERALS = {
  personStart: utf8.encode('{"t":"p","id":'),
  fieldsStart: utf8.encode(',"f":{'),
  clkStart: utf8.encode('},"clk":"'),
  keysStart: utf8.encode('","bk":{'),
  personEnd: utf8.encode('}}\n'),
  payloadStart: utf8.encode('{"t":"r","id":'),
  valuesStart: utf8.encode(',"v":{'),
  true: utf8.encode('true'),
  false: utf8.encode('false'),
  null: utf8.encode('null'),
};

/** A buffer without zero-filling (a batch's lines reach ~0.5 MB): every byte read from it is written first. */
function unfilledBytes(bytes: number): Uint8Array {
  return new Uint8Array(Buffer.allocUnsafeSlow(bytes).buffer, 0, bytes);
}

export class ExtractLineBuilder {
  private bytes = unfilledBytes(1 << 16);
  private length = 0;
  /** Whether the JSON object being written has no member yet (person lines). */
  private firstMember = true;

  /** The lines built so far, and an empty builder (on a new buffer: the lines are the caller's now). */
  take(): Uint8Array {
    const out = this.bytes.subarray(0, this.length);
    this.bytes = unfilledBytes(this.bytes.length);
    this.length = 0;
    return out;
  }

  /** Bytes written so far: lets a caller note where each line starts and ends. */
  get size(): number {
    return this.length;
  }

  person(person: EncodedPerson): void {
    this.personStart(person.pseudonym);
    for (const name in person.fields) {
      const filter = person.fields[name as keyof EncodedPerson['fields']];
      if (filter) this.personFilter(name, filter);
    }
    this.personClk(person.clk);
    for (const name in person.blockingKeys) this.personKey(name, person.blockingKeys[name]);
    this.personEnd();
  }

  /*
   * A person line piece by piece, for an encoder that writes as it encodes (no EncodedPerson):
   * personStart, personFilter per field, personClk, personKey per blocking key, personEnd.
   */
  personStart(pseudonym: string): void {
    this.raw(LITERALS.personStart);
    this.string(pseudonym);
    this.raw(LITERALS.fieldsStart);
    this.firstMember = true;
  }

  /** personStart with the pseudonym as the bytes its hex spells (no string made for it). */
  personStartHex(pseudonym: Uint8Array): void {
    this.raw(LITERALS.personStart);
    this.hex(pseudonym);
    this.raw(LITERALS.fieldsStart);
    this.firstMember = true;
  }

  personFilter(field: string, filter: Uint8Array): void {
    this.member(field);
    this.byte(QUOTE);
    this.base64(filter);
    this.byte(QUOTE);
  }

  personClk(clk: Uint8Array): void {
    this.raw(LITERALS.clkStart);
    this.base64(clk);
    this.raw(LITERALS.keysStart);
    this.firstMember = true;
  }

  personKey(name: string, hex: string): void {
    this.member(name);
    this.string(hex);
  }

  /** personKey with the key as the bytes its hex spells. */
  personKeyHex(name: string, key: Uint8Array): void {
    this.member(name);
    this.hex(key);
  }

  personEnd(): void {
    this.raw(LITERALS.personEnd);
  }

  /** `"name":`, after a comma unless it is the object's first member. */
  private member(name: string): void {
    if (!this.firstMember) this.byte(44);
    this.firstMember = false;
    this.raw(quotedName(name));
  }

  payload(row: PayloadRow): void {
    this.raw(LITERALS.payloadStart);
    this.string(row.pseudonym);
    this.payloadValues(row.values);
  }

  /** payload() with the pseudonym as the bytes its hex spells. */
  payloadHex(pseudonym: Uint8Array, values: PayloadRow['values']): void {
    this.raw(LITERALS.payloadStart);
    this.hex(pseudonym);
    this.payloadValues(values);
  }

  private payloadValues(values: PayloadRow['values']): void {
    this.raw(LITERALS.valuesStart);
    let first = true;
    for (const name in values) {
      const value = values[name];
      // JSON.stringify leaves out undefined members.
      if (value === undefined) continue;
      if (!first) this.byte(44);
      first = false;
      this.raw(quotedName(name));
      if (typeof value === 'string') this.string(value);
      else if (typeof value === 'number') this.ascii(Number.isFinite(value) ? String(value) : 'null');
      else this.raw(value === true ? LITERALS.true : value === false ? LITERALS.false : LITERALS.null);
    }
    this.raw(LITERALS.personEnd);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = unfilledBytes(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  private byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }

  private raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    // The literals and names are a few bytes long, where TypedArray#set costs more than the copy.
    if (bytes.length <= 32) {
      const out = this.bytes;
      let o = this.length;
      for (let i = 0; i < bytes.length; i++) out[o++] = bytes[i];
      this.length = o;
      return;
    }
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Printable ASCII only (the caller checks). */
  private ascii(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
  }

  /** A JSON string: plain printable ASCII is copied as it is checked; anything else goes through JSON.stringify. */
  private string(text: string): void {
    this.reserve(text.length + 2);
    const out = this.bytes;
    const start = this.length;
    let o = start + 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === 92) {
        this.raw(utf8.encode(JSON.stringify(text)));
        return;
      }
      out[o++] = c;
    }
    out[start] = QUOTE;
    out[o++] = QUOTE;
    this.length = o;
  }

  /** A JSON string of the lower-case hex of `data`. */
  private hex(data: Uint8Array): void {
    this.reserve(2 * data.length + 2);
    const out = this.bytes;
    let o = this.length;
    out[o++] = QUOTE;
    for (let i = 0; i < data.length; i++) {
      const b = 2 * data[i];
      out[o++] = HEX[b];
      out[o++] = HEX[b + 1];
    }
    out[o++] = QUOTE;
    this.length = o;
  }

  /** Standard base64 with padding, as Buffer.toString('base64'). */
  private base64(data: Uint8Array): void {
    this.reserve(Math.ceil(data.length / 3) * 4);
    const out = this.bytes;
    let o = this.length;
    const n = data.length;
    const whole = n - (n % 3);
    for (let i = 0; i < whole; i += 3) {
      const v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      out[o++] = BASE64[v >>> 18];
      out[o++] = BASE64[(v >>> 12) & 63];
      out[o++] = BASE64[(v >>> 6) & 63];
      out[o++] = BASE64[v & 63];
    }
    if (n - whole === 1) {
      const v = data[whole] << 16;
      out[o++] = BASE64[v >>> 18];
      out[o++] = BASE64[(v >>> 12) & 63];
      out[o++] = EQUALS;
      out[o++] = EQUALS;
    } else if (n - whole === 2) {
      const v = (data[whole] << 16) | (data[whole + 1] << 8);
      out[o++] = BASE64[v >>> 18];
      out[o++] = BASE64[(v >>> 12) & 63];
      out[o++] = BASE64[(v >>> 6) & 63];
      out[o++] = EQUALS;
    }
    this.length = o;
  }
}

/** Decodes bytes built here (tests, single lines). */
export const linesText = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
