import createWabt from 'wabt';
import { readFileSync } from 'node:fs';
const wabt = await createWabt();
const text = readFileSync('src/kernel/dice.wat', 'utf8');
const build = (t) => { const m = wabt.parseWat('x', t, { simd: true, threads: true }); return new WebAssembly.Module(m.toBinary({}).buffer); };
const N = 4000, B = 128;
for (const shared of [true, false, true, false]) {
  const mod = build(shared ? text : text.replace(' shared)', ')'));
  const memory = new WebAssembly.Memory({ initial: 200, maximum: 65536, shared });
  const e = new WebAssembly.Instance(mod, { env: { memory } }).exports;
  const u8 = new Uint8Array(memory.buffer);
  let s = 1; for (let i = 1024; i < 1024 + N * B + B; i++) { s = (s * 1103515245 + 12345) >>> 0; u8[i] = s >>> 24; }
  const q = 1024, f = 1024 + B, pops = 2e6, out = 4e6;
  e.popcounts(f, N, B, pops);
  for (const v of ['scan_v128', 'scan_i64', 'scan_i8x16']) {
    const ts = [];
    for (let r = 0; r < 15; r++) { const t = performance.now(); for (let x = 0; x < 2500; x++) e[v](q, f, pops, N, B, out); ts.push(performance.now() - t); }
    ts.sort((a, b) => a - b);
    console.log(shared ? 'shared' : 'plain ', v, (N * 2500 / ts[0] / 1e3).toFixed(1), 'M/s best', (N * 2500 / ts[7] / 1e3).toFixed(1), 'median');
  }
}
