import type { BlockingKeySpec, LinkageSchema } from '../schema/linkage-schema.ts';
import type { NormalizedRecord } from '../schema/field-names.ts';
import { createKeyedHash, type KeyedHash } from './keyed-blake3.ts';
import type { KeyPurpose } from './key-derivation.ts';
import { soundex } from './soundex.ts';
import type { ExtractLineBuilder } from '../io/extract-lines.ts';

/** Bytes of a blocking-key hash: 64 bits keep distinct keys apart in any realistic file. */
export const BLOCKING_KEY_BYTES = 8;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Transform = BlockingKeySpec['parts'][number]['transform'];

/** Names repeat, and several keys take the Soundex of one name. */
const SOUNDEX_CACHE_LIMIT = 1 << 16;
const soundexCache = new Map<string, string>();

function cachedSoundex(name: string): string {
  let code = soundexCache.get(name);
  if (code === undefined) {
    code = soundex(name);
    if (soundexCache.size >= SOUNDEX_CACHE_LIMIT) soundexCache.clear();
    soundexCache.set(name, code);
  }
  return code;
}

/** The coarse value of one part, or '' when it cannot be formed (which makes the key absent). */
export function transformValue(transform: Transform, value: string): string {
  switch (transform) {
    case 'value':
      return value;
    case 'soundex':
      return cachedSoundex(value);
    case 'first_initial':
      return value.slice(0, 1);
    case 'year':
      return DATE.test(value) ? value.slice(0, 4) : '';
    case 'month_day':
      return DATE.test(value) ? value.slice(5) : '';
    case 'last4':
      return value.slice(-4);
    case 'first3':
      return value.slice(0, 3);
  }
}

/** Distinct key values remembered per blocking key; coarse keys (Soundex and year) repeat a lot. */
const KEY_CACHE_LIMIT = 1 << 14;
/** At this many, a key cache with fewer than one hit in 16 turns off (as a field's value cache does). */
const EARLY_CHECK = 1 << 12;

/** U+001F cannot occur in a normalized value, so "ab"+"c" and "a"+"bc" stay apart. */
const PART_SEPARATOR = '\u001f';

/**
 * The keyed hash of one blocking key, remembered by its parts: a map by the first part, then by the
 * rest, so that a hit needs no joined string (each would be a new string to build and hash). It turns
 * itself off for a key whose values rarely repeat (e-mail); uncached keys are written to a line as
 * bytes, with no hex string made.
 */
class BlockingKeyHash {
  private readonly cache = new Map<string, Map<string, string>>();
  private size = 0;
  private on = true;
  private hits = 0;
  private readonly digest = new Uint8Array(BLOCKING_KEY_BYTES);

  constructor(
    readonly name: string,
    private readonly hash: KeyedHash,
  ) {}

  /** The hex of the key whose parts are `parts` (none empty). */
  hex(parts: string[]): string {
    if (!this.on) return this.hash.hex(parts.join(PART_SEPARATOR), BLOCKING_KEY_BYTES);
    const first = parts[0];
    const rest = parts.length === 1 ? '' : parts.length === 2 ? parts[1] : parts.slice(1).join(PART_SEPARATOR);
    const hit = this.cache.get(first)?.get(rest);
    if (hit !== undefined) {
      this.hits++;
      return hit;
    }
    if (this.size >= KEY_CACHE_LIMIT || (this.size === EARLY_CHECK && this.hits < EARLY_CHECK / 16)) {
      this.on = this.size === EARLY_CHECK ? false : this.hits >= KEY_CACHE_LIMIT / 2;
      this.cache.clear();
      this.size = 0;
      this.hits = 0;
    }
    const hex = this.hash.hex(parts.join(PART_SEPARATOR), BLOCKING_KEY_BYTES);
    if (this.on) {
      let byRest = this.cache.get(first);
      if (byRest === undefined) this.cache.set(first, (byRest = new Map()));
      byRest.set(rest, hex);
      this.size++;
    }
    return hex;
  }

  write(parts: string[], line: ExtractLineBuilder): void {
    if (this.on) line.personKey(this.name, this.hex(parts));
    else line.personKeyHex(this.name, this.hash.hashPartsInto(parts, PART_SEPARATOR, this.digest));
  }
}

export interface BlockingKeyEncoder {
  /** The record's blocking keys by name, as hex; a key with a part that cannot be formed is absent. */
  keysOf(record: NormalizedRecord): Record<string, string>;
  /** The same keys, in the same order, written to a person line (ExtractLineBuilder#personKey). */
  writeKeys(record: NormalizedRecord, line: ExtractLineBuilder): void;
}

/** Keyed hashes of the schema's blocking keys; each key has its own derived key, so equal parts under two keys never collide. */
export function createBlockingKeyEncoder(schema: LinkageSchema, derive: (purpose: KeyPurpose) => Uint8Array): BlockingKeyEncoder {
  // Keys share parts (the Soundex of the surname, the birth date): each is formed once per record.
  const parts: BlockingKeySpec['parts'] = [];
  const partIndex = (part: BlockingKeySpec['parts'][number]): number => {
    const at = parts.findIndex((p) => p.field === part.field && p.transform === part.transform);
    return at >= 0 ? at : parts.push(part) - 1;
  };
  const keys = schema.blockingKeys.map((spec) => ({
    parts: spec.parts.map(partIndex),
    values: spec.parts.map(() => ''),
    hash: new BlockingKeyHash(spec.name, createKeyedHash(derive({ kind: 'blocking-key', name: spec.name }))),
  }));
  const values: string[] = parts.map(() => '');
  const formedFor: number[] = parts.map(() => 0);
  let recordNumber = 0;
  const partValue = (record: NormalizedRecord, j: number): string => {
    if (formedFor[j] !== recordNumber) {
      const value = record[parts[j].field];
      values[j] = value === undefined ? '' : transformValue(parts[j].transform, value);
      formedFor[j] = recordNumber;
    }
    return values[j];
  };
  /** The key's part values in `into` (reused), or false when one cannot be formed (after recordNumber++). */
  const formParts = (record: NormalizedRecord, keyParts: number[], into: string[]): boolean => {
    for (let i = 0; i < keyParts.length; i++) {
      const part = partValue(record, keyParts[i]);
      if (part === '') return false;
      into[i] = part;
    }
    return true;
  };
  return {
    keysOf(record) {
      recordNumber++;
      const out: Record<string, string> = {};
      for (const key of keys) if (formParts(record, key.parts, key.values)) out[key.hash.name] = key.hash.hex(key.values);
      return out;
    },
    writeKeys(record, line) {
      recordNumber++;
      for (const key of keys) if (formParts(record, key.parts, key.values)) key.hash.write(key.values, line);
    },
  };
}
