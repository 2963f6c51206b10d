// A worker thread starts without the main thread's tsx hooks: register them, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./hash-worker.ts');
