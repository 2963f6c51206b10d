/** A worker thread of `credlink hash`: runs createBatchHasher on the batches the main thread sends. */
import { parentPort, workerData } from 'node:worker_threads';
import { createBatchHasher, type BatchHasherConfig } from './hash-batch.ts';
import type { CsvRow } from '../io/csv-rows.ts';

const config = workerData as BatchHasherConfig;
const hash = createBatchHasher(config);
// The worker's copy of the secret is inside the encoder's derived keys now.
config.secret.fill(0);
const port = parentPort;
if (!port) throw new Error('hash-worker runs as a worker thread');
port.on('message', ({ id, rows }: { id: number; rows: CsvRow[] }) => {
  try {
    const batch = hash(rows);
    // Hand the line bytes over rather than copying them.
    port.postMessage({ id, batch }, [batch.lines.buffer as ArrayBuffer, batch.ends.buffer as ArrayBuffer, batch.prefixes.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
port.postMessage({ ready: true });
