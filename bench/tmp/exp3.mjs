import createWabt from 'wabt';
const wabt = await createWabt();
const build = (t) => { const m = wabt.parseWat('x', t, { simd: true, threads: true }); m.validate({ simd: true, threads: true }); return new WebAssembly.Module(m.toBinary({}).buffer); };
const blk = (o) => `(local.set $x (v128.and (v128.load offset=${o} (local.get $qj)) (v128.load offset=${o} (local.get $fj))))
  (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
  (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))`;
const head = `(param $q i32) (param $f i32) (param $pops i32) (param $n i32) (param $stride i32) (param $out i32)
  (local $end i32) (local $c i64) (local $d i64) (local $x v128) (local $t i32) (local $qpop i32) (local $qj i32) (local $fj i32) (local $e64 i32) (local $fe i32)
  (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))`;
const tailScore = `(local.set $c (i64.add (local.get $c) (local.get $d)))
    (local.set $t (i32.add (local.get $qpop) (i32.load (local.get $pops))))
    (f64.store (local.get $out) (select (f64.const 0) (f64.div (f64.convert_i64_u (i64.shl (local.get $c) (i64.const 1))) (f64.convert_i32_u (local.get $t))) (i32.eqz (local.get $t))))
    (local.set $f (local.get $fe))
    (local.set $pops (i32.add (local.get $pops) (i32.const 4)))
    (local.set $out (i32.add (local.get $out) (i32.const 8)))
    (br_if $filters (i32.lt_u (local.get $out) (local.get $end)))`;
// do-while 64-byte loop (assumes stride % 64 == 0)
const dowhile = `${head}
  (loop $filters
    (local.set $c (i64.const 0)) (local.set $d (i64.const 0))
    (local.set $qj (local.get $q)) (local.set $fj (local.get $f))
    (local.set $fe (i32.add (local.get $f) (local.get $stride)))
    (loop $l64
      ${blk(0)} ${blk(16)} ${blk(32)} ${blk(48)}
      (local.set $qj (i32.add (local.get $qj) (i32.const 64)))
      (local.set $fj (i32.add (local.get $fj) (i32.const 64)))
      (br_if $l64 (i32.lt_u (local.get $fj) (local.get $fe))))
    ${tailScore})`;
// 128-byte body do-while (stride % 128 == 0)
const dowhile128 = dowhile.replace(`${blk(0)} ${blk(16)} ${blk(32)} ${blk(48)}`, [0,16,32,48,64,80,96,112].map(blk).join(' ')).replaceAll('(i32.const 64)', '(i32.const 128)');
// index-based: one pointer j offset
const text = `(module (import "env" "memory" (memory 1 65536 shared))
 (func (export "dowhile") ${dowhile})
 (func (export "dowhile128") ${dowhile128}))`;
const mod = build(text);
const N = +(process.argv[2] ?? 4000), B = +(process.argv[3] ?? 128);
const memory = new WebAssembly.Memory({ initial: Math.ceil((N * (B+22) + 1e6) / 65536) + 10, maximum: 65536, shared: true });
const e = new WebAssembly.Instance(mod, { env: { memory } }).exports;
const u8 = new Uint8Array(memory.buffer);
const q = 1024, f = 2048 + B, pops = f + N * B, out = pops + N * 4;
let s = 1; for (let i = q; i < pops; i++) { s = (s * 1103515245 + 12345) >>> 0; u8[i] = s >>> 24; }
const reps = Math.max(1, Math.round(1e7 / N));
for (let round = 0; round < 2; round++)
for (const v of ['dowhile', 'dowhile128']) {
  const ts = [];
  for (let r = 0; r < 11; r++) { const t = process.cpuUsage(); for (let x = 0; x < reps; x++) e[v](q, f, pops, N, B, out); const u = process.cpuUsage(t); ts.push((u.user + u.system) / 1000); }
  ts.sort((a, b) => a - b);
  console.log(B, v.padEnd(8), (N * reps / ts[0] / 1e3).toFixed(1), 'M/s best', (N * reps / ts[5] / 1e3).toFixed(1), 'median');
}
{
const noloop = dowhile128.replace('(loop $l64', '(block $l64').replace('(br_if $l64 (i32.lt_u (local.get $fj) (local.get $fe)))', '');
const mod2 = build(`(module (import "env" "memory" (memory 1 65536 shared)) (func (export "noloop") ${noloop}) (func (export "dw") ${dowhile128}))`);
const e2 = new WebAssembly.Instance(mod2, { env: { memory } }).exports;
for (let round = 0; round < 2; round++) for (const v of ['noloop', 'dw']) {
  const ts = [];
  for (let r = 0; r < 11; r++) { const t = process.cpuUsage(); for (let x = 0; x < reps; x++) e2[v](q, f, pops, N, B, out); const u = process.cpuUsage(t); ts.push((u.user + u.system) / 1000); }
  ts.sort((a, b) => a - b);
  console.log(B, v.padEnd(8), (N * reps / ts[0] / 1e3).toFixed(1), 'M/s best', (N * reps / ts[5] / 1e3).toFixed(1), 'median');
}}
