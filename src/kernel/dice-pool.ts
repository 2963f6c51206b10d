/**
 * Scores candidate pairs on worker threads. The workers instantiate dice.wat against the
 * kernel's own shared WebAssembly memory, so the filter sets loaded once by the kernel are read
 * in place by every thread (a SharedArrayBuffer underneath); each worker gets a contiguous slice
 * of the pair batch and writes its scores straight into the shared score array.
 *
 * Sized by the caller (`os.availableParallelism()` in the CLI): the core takes no OS decisions.
 */
import { Worker } from 'node:worker_threads';
import { checkPairArgs, type FilterSet } from './dice-kernel.ts';
import { diceWasmModule, WasmFilterSet, type WasmDiceKernel } from './wasm-dice-kernel.ts';

export interface DicePool {
  readonly workers: number;
  /** As DiceKernel.scorePairs, split over the workers. */
  scorePairs(a: FilterSet, b: FilterSet, idxA: Uint32Array, idxB: Uint32Array, out: Float64Array): Promise<void>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  result?: number;
  error?: string;
}

// Below this many pairs per worker the message round trip (~50 µs) costs more than it saves.
const MIN_PAIRS_PER_WORKER = 4096;

class PoolWorker {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (r: number) => void; reject: (e: Error) => void }>();

  constructor(readonly thread: Worker) {
    thread.on('message', (reply: Reply) => {
      const call = this.waiting.get(reply.id);
      if (!call) return;
      this.waiting.delete(reply.id);
      if (reply.error !== undefined) call.reject(new Error(`dice worker: ${reply.error}`));
      else call.resolve(reply.result ?? -1);
    });
  }

  call(name: string, args: number[]): Promise<number> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.thread.postMessage({ id, name, args });
    });
  }
}

export async function createDicePool(kernel: WasmDiceKernel, options: { workers: number }): Promise<DicePool> {
  const count = Math.max(1, Math.floor(options.workers));
  const workers = await Promise.all(
    Array.from({ length: count }, async () => {
      const thread = new Worker(new URL('./dice-worker.js', import.meta.url), {
        workerData: { module: diceWasmModule(), memory: kernel.memory },
      });
      await new Promise<void>((resolve, reject) => {
        thread.once('message', () => resolve());
        thread.once('error', reject);
      });
      return new PoolWorker(thread);
    }),
  );

  const own = (set: FilterSet): WasmFilterSet => {
    if (!(set instanceof WasmFilterSet) || set.memory !== kernel.memory) throw new TypeError('the filter set was not loaded by the pool\'s kernel');
    return set;
  };

  return {
    workers: count,
    async scorePairs(a, b, idxA, idxB, out) {
      const sa = own(a);
      const sb = own(b);
      checkPairArgs(sa.bytesPerFilter, sb.bytesPerFilter, idxA.length, idxB, out);
      const n = idxA.length;
      if (n === 0) return;
      // Scratch in the shared memory; the workers read and write it in place.
      const ia = kernel.allocIndices(n);
      const ib = kernel.allocIndices(n);
      const scores = kernel.allocScores(n);
      try {
        ia.set(idxA);
        ib.set(idxB);
        const parts = Math.max(1, Math.min(count, Math.floor(n / MIN_PAIRS_PER_WORKER)));
        const straight = sa.bytesPerFilter === 128;
        const calls = workers.slice(0, parts).map((worker, w) => {
          const from = Math.floor((n * w) / parts);
          const to = Math.floor((n * (w + 1)) / parts);
          const head = [sa.ptr, sa.popPtr, sa.count, sb.ptr, sb.popPtr, sb.count];
          const tail = [ia.byteOffset + 4 * from, ib.byteOffset + 4 * from, to - from, scores.byteOffset + 8 * from];
          return worker
            .call(straight ? 'pairs_v128_1024' : 'pairs_v128', straight ? [...head, ...tail] : [...head, sa.bytesPerFilter, ...tail])
            .then((bad) => (bad >= 0 ? from + bad : -1));
        });
        const bad = (await Promise.all(calls)).find((k) => k >= 0);
        if (bad !== undefined) throw new RangeError(`pair ${bad} (${idxA[bad]}, ${idxB[bad]}) is out of range`);
        out.set(scores);
      } finally {
        kernel.freeArray(ia);
        kernel.freeArray(ib);
        kernel.freeArray(scores);
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.thread.terminate()));
    },
  };
}
