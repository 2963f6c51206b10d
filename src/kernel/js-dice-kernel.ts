/**
 * The JavaScript Dice kernel: SWAR popcount over 32-bit words. About ten times slower than the
 * WebAssembly kernel, it is the fallback where WebAssembly SIMD is missing and, being a few
 * plain lines, the oracle the WebAssembly kernel is tested against.
 */
import { popcount32 } from './dice.ts';
import { bestOf, checkBestArgs, checkFilters, checkLength, checkPairArgs, type DiceKernel, type FilterSet } from './dice-kernel.ts';

class JsFilterSet implements FilterSet {
  constructor(
    readonly words: Uint32Array,
    readonly pops: Uint32Array,
    readonly count: number,
    readonly bytesPerFilter: number,
  ) {}

  popcount(i: number): number {
    return this.pops[i];
  }
}

function own(set: FilterSet): JsFilterSet {
  if (!(set instanceof JsFilterSet)) throw new TypeError('the filter set was loaded by another kernel');
  return set;
}

/** Copies to a fresh buffer: the caller may reuse its own, and Uint32Array needs 4-byte alignment. */
function toWords(bytes: Uint8Array): Uint32Array {
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

function common(a: Uint32Array, offA: number, b: Uint32Array, offB: number, words: number): number {
  let c = 0;
  for (let w = 0; w < words; w++) c += popcount32(a[offA + w] & b[offB + w]);
  return c;
}

function popcounts(words: Uint32Array, count: number, wordsPerFilter: number): Uint32Array {
  const pops = new Uint32Array(count);
  for (let i = 0; i < count; i++) pops[i] = common(words, i * wordsPerFilter, words, i * wordsPerFilter, wordsPerFilter);
  return pops;
}

const score = (c: number, total: number) => (total === 0 ? 0 : (2 * c) / total);

export function createJsDiceKernel(): DiceKernel {
  const scanMany = (queries: Uint8Array, set: FilterSet, out: Float64Array) => {
    const s = own(set);
    const qn = checkFilters(queries, s.bytesPerFilter);
    checkLength('out', out.length, qn * s.count);
    const q = toWords(queries);
    const wpf = s.bytesPerFilter / 4;
    const qpops = popcounts(q, qn, wpf);
    for (let k = 0; k < qn; k++) {
      for (let i = 0; i < s.count; i++) {
        out[k * s.count + i] = score(common(q, k * wpf, s.words, i * wpf, wpf), qpops[k] + s.pops[i]);
      }
    }
  };
  return {
    path: 'js',
    load(filters, bytesPerFilter) {
      const count = checkFilters(filters, bytesPerFilter);
      const words = toWords(filters);
      return new JsFilterSet(words, popcounts(words, count, bytesPerFilter / 4), count, bytesPerFilter);
    },
    release(set) {
      own(set);
    },
    scan(query, set, out) {
      checkLength('query', query.length, set.bytesPerFilter);
      scanMany(query, set, out);
    },
    scanMany,
    scanBest(query, set, k, minScore) {
      checkLength('query', query.length, set.bytesPerFilter);
      checkBestArgs(k, minScore);
      const scores = new Float64Array(set.count);
      scanMany(query, set, scores);
      return bestOf(scores, k, minScore);
    },
    scorePairs(a, b, idxA, idxB, out) {
      const sa = own(a);
      const sb = own(b);
      checkPairArgs(sa.bytesPerFilter, sb.bytesPerFilter, idxA.length, idxB, out);
      const wpf = sa.bytesPerFilter / 4;
      for (let k = 0; k < idxA.length; k++) {
        const ia = idxA[k];
        const ib = idxB[k];
        if (ia >= sa.count || ib >= sb.count) throw new RangeError(`pair ${k} (${ia}, ${ib}) is out of range`);
        out[k] = score(common(sa.words, ia * wpf, sb.words, ib * wpf, wpf), sa.pops[ia] + sb.pops[ib]);
      }
    },
  };
}
