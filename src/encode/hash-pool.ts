/**
 * Runs batch hashers in the main thread (one "worker") or on worker threads. Batches go round-robin
 * and each thread answers in the order it was asked, so the caller can apply results in input order;
 * the extract does not depend on the number of threads. Sized by the caller (the CLI).
 */
import { Worker } from 'node:worker_threads';
import type { CsvRow } from '../io/csv-rows.ts';
import { createBatchHasher, type BatchHasherConfig, type HashedBatch } from './hash-batch.ts';

export interface HashPool {
  readonly workers: number;
  /** The hashed batch; results must be awaited in submission order. */
  submit(rows: CsvRow[]): Promise<HashedBatch>;
  close(): Promise<void>;
}

interface Reply {
  id?: number;
  batch?: HashedBatch;
  error?: string;
  ready?: boolean;
}

class HashThread {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (b: HashedBatch) => void; reject: (e: Error) => void }>();
  private failed: Error | undefined;

  constructor(private readonly thread: Worker) {
    thread.on('message', (reply: Reply) => {
      if (reply.id === undefined) return;
      const call = this.waiting.get(reply.id);
      if (!call) return;
      this.waiting.delete(reply.id);
      if (reply.error !== undefined || !reply.batch) call.reject(new Error(`hash worker: ${reply.error}`));
      else call.resolve(reply.batch);
    });
    thread.on('error', (error) => this.fail(error));
    thread.on('exit', (code) => this.fail(new Error(`hash worker exited with code ${code}`)));
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const call of this.waiting.values()) call.reject(error);
    this.waiting.clear();
  }

  submit(rows: CsvRow[]): Promise<HashedBatch> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.thread.postMessage({ id, rows });
    });
  }

  async close(): Promise<void> {
    this.failed ??= new Error('hash worker closed');
    await this.thread.terminate();
  }
}

async function startThread(config: BatchHasherConfig): Promise<HashThread> {
  const thread = new Worker(new URL('./hash-worker-entry.js', import.meta.url), { workerData: config });
  await new Promise<void>((resolve, reject) => {
    thread.once('message', () => resolve());
    thread.once('error', reject);
  });
  return new HashThread(thread);
}

export async function createHashPool(config: BatchHasherConfig, options: { workers: number }): Promise<HashPool> {
  const count = Math.max(1, Math.floor(options.workers));
  if (count === 1) {
    const hash = createBatchHasher(config);
    return {
      workers: 1,
      submit: async (rows) => hash(rows),
      close: async () => undefined,
    };
  }
  const started = await Promise.allSettled(Array.from({ length: count }, () => startThread(config)));
  const threads = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await Promise.all(threads.map((t) => t.close()));
    throw failure.reason;
  }
  let turn = 0;
  return {
    workers: count,
    submit(rows) {
      const result = threads[turn].submit(rows);
      turn = (turn + 1) % count;
      // Marked handled here: the caller awaits it later, in order, and may stop early.
      result.catch(() => undefined);
      return result;
    },
    async close() {
      await Promise.all(threads.map((t) => t.close()));
    },
  };
}
