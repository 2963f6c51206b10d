import levenshtein from 'fast-levenshtein';
import type { Finding } from '../errors/finding.ts';
import type { FieldName } from '../schema/field-names.ts';
import type { NormalizedRow } from './normalize-row.ts';

export interface FieldQuality {
  present: number;
  /** Share of rows out with a usable value. */
  completeness: number;
  /** Values present in the file but unusable, by finding code. */
  invalid: Record<string, number>;
}

export interface QualityProfile {
  rows: { in: number; out: number; rejected: number; rejectedBy: Record<string, number> };
  fields: Partial<Record<FieldName, FieldQuality>>;
  payload: Record<string, FieldQuality>;
  personIds: { distinct: number; duplicated: number; rowsWithDuplicatedId: number; maxRowsPerId: number };
  /** Different person ids, same birth date, first and last names at most 2 edits apart in total. */
  likelyDuplicates: { pairs: number; examples: Array<{ lines: [number, number] }> };
}

const MAX_NAME_EDITS = 2;
/** Beyond this many people sharing a birth date (a placeholder like 1970-01-01), only sorted neighbours are compared. */
const LARGE_GROUP = 64;
const SORT_WINDOW = 16;
const MAX_EXAMPLES = 20;

interface PersonSketch {
  line: number;
  first: string;
  last: string;
}

const bump = (counts: Record<string, number>, code: string) => {
  counts[code] = (counts[code] ?? 0) + 1;
};

/** Accumulates the data-quality profile of one normalize run, row by row. */
export class QualityProfileBuilder {
  private rowsOut = 0;
  private readonly rejectedBy: Record<string, number> = {};
  private readonly present = new Map<string, number>();
  private readonly invalid = new Map<string, Record<string, number>>();
  private readonly rowsPerId = new Map<string, number>();
  private readonly byDob = new Map<string, PersonSketch[]>();

  constructor(
    private readonly fieldNames: readonly FieldName[],
    private readonly payloadNames: readonly string[],
  ) {}

  addRejected(reason: Finding): void {
    bump(this.rejectedBy, reason.code);
  }

  addRow(row: NormalizedRow, line: number): void {
    if (row.rejected || row.personId === undefined) {
      this.addRejected(row.rejected ?? { code: 'PERSON_ID_MISSING' });
      return;
    }
    this.rowsOut += 1;
    for (const name of Object.keys(row.record)) this.present.set(name, (this.present.get(name) ?? 0) + 1);
    for (const [name, value] of Object.entries(row.payload)) if (value !== null) this.present.set(`payload.${name}`, (this.present.get(`payload.${name}`) ?? 0) + 1);
    for (const finding of row.findings) {
      const key = finding.code === 'PAYLOAD_INVALID' ? `payload.${finding.field}` : String(finding.field);
      const counts = this.invalid.get(key) ?? {};
      bump(counts, finding.code);
      this.invalid.set(key, counts);
    }
    const seen = this.rowsPerId.get(row.personId) ?? 0;
    this.rowsPerId.set(row.personId, seen + 1);
    const { dob, first_name: first, last_name: last } = row.record;
    if (seen === 0 && dob && first && last) {
      const group = this.byDob.get(dob);
      if (group) group.push({ line, first, last });
      else this.byDob.set(dob, [{ line, first, last }]);
    }
  }

  finish(): QualityProfile {
    const out = this.rowsOut;
    const rejected = Object.values(this.rejectedBy).reduce((a, b) => a + b, 0);
    const quality = (key: string): FieldQuality => {
      const present = this.present.get(key) ?? 0;
      return { present, completeness: out === 0 ? 0 : Math.round((present / out) * 10_000) / 10_000, invalid: this.invalid.get(key) ?? {} };
    };
    const fields: QualityProfile['fields'] = {};
    for (const name of this.fieldNames) fields[name] = quality(name);
    const payload: QualityProfile['payload'] = {};
    for (const name of this.payloadNames) payload[name] = quality(`payload.${name}`);
    let duplicated = 0;
    let rowsWithDuplicatedId = 0;
    let maxRowsPerId = 0;
    for (const count of this.rowsPerId.values()) {
      if (count > 1) {
        duplicated += 1;
        rowsWithDuplicatedId += count;
      }
      maxRowsPerId = Math.max(maxRowsPerId, count);
    }
    return {
      rows: { in: out + rejected, out, rejected, rejectedBy: { ...this.rejectedBy } },
      fields,
      payload,
      personIds: { distinct: this.rowsPerId.size, duplicated, rowsWithDuplicatedId, maxRowsPerId },
      likelyDuplicates: this.likelyDuplicates(),
    };
  }

  private likelyDuplicates(): QualityProfile['likelyDuplicates'] {
    let pairs = 0;
    const examples: Array<{ lines: [number, number] }> = [];
    for (const group of this.byDob.values()) {
      const candidates = group.length > LARGE_GROUP ? candidatePairsBySorting(group) : allPairs(group.length);
      for (const [i, j] of candidates) {
        if (!similarNames(group[i], group[j])) continue;
        pairs += 1;
        if (examples.length < MAX_EXAMPLES) examples.push({ lines: [group[i].line, group[j].line] });
      }
    }
    examples.sort((a, b) => a.lines[0] - b.lines[0] || a.lines[1] - b.lines[1]);
    return { pairs, examples };
  }
}

function* allPairs(n: number): Generator<[number, number]> {
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) yield [i, j];
}

/**
 * Sorted neighbourhood: people sorted by "first last" and again by "last first", each compared
 * with the next SORT_WINDOW in either order. Linear in the group size; it can miss a pair whose
 * typos sit at the start of both names, which is acceptable for a quality indicator.
 */
function candidatePairsBySorting(group: PersonSketch[]): Array<[number, number]> {
  const seen = new Set<number>();
  const result: Array<[number, number]> = [];
  for (const key of [(p: PersonSketch) => `${p.first} ${p.last}`, (p: PersonSketch) => `${p.last} ${p.first}`]) {
    const keys = group.map(key);
    const order = group.map((_, i) => i).sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : x - y));
    for (let p = 0; p < order.length; p += 1) {
      for (let q = p + 1; q < Math.min(order.length, p + 1 + SORT_WINDOW); q += 1) {
        const [i, j] = order[p] < order[q] ? [order[p], order[q]] : [order[q], order[p]];
        const id = i * group.length + j;
        if (seen.has(id)) continue;
        seen.add(id);
        result.push([i, j]);
      }
    }
  }
  return result;
}

function similarNames(a: PersonSketch, b: PersonSketch): boolean {
  const lengthGap = Math.abs(a.first.length - b.first.length) + Math.abs(a.last.length - b.last.length);
  if (lengthGap > MAX_NAME_EDITS) return false;
  const lastEdits = levenshtein.get(a.last, b.last);
  return lastEdits <= MAX_NAME_EDITS && lastEdits + levenshtein.get(a.first, b.first) <= MAX_NAME_EDITS;
}
