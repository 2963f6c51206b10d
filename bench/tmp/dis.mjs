import createWabt from 'wabt';
import { readFileSync } from 'node:fs';
const wabt = await createWabt();
const t = readFileSync(process.argv[2], 'utf8');
const m = wabt.parseWat('x', t, { simd: true, threads: true });
const mod = new WebAssembly.Module(m.toBinary({}).buffer);
const memory = new WebAssembly.Memory({ initial: 100, maximum: 65536, shared: true });
const e = new WebAssembly.Instance(mod, { env: { memory } }).exports;
for (let i = 0; i < 2000; i++) e.f(1024, 4096, 8192, 100, 128, 16384);
