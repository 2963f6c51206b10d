// Worker thread of dice-pool.ts. Plain JavaScript so that it needs no TypeScript loader: tsx
// registered in the main thread does not reach workers. It gets the compiled module and the
// shared memory once, then runs kernel calls on addresses in that memory; filters, indices
// and scores are never copied between threads.
import { parentPort, workerData } from 'node:worker_threads';

const { module, memory } = workerData;
const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports;

parentPort.on('message', ({ id, name, args }) => {
  try {
    parentPort.postMessage({ id, result: kernel[name](...args) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
parentPort.postMessage({ ready: true });
