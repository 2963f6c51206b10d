import createWabt from 'wabt';
const wabt = await createWabt();
const build = (t) => { const m = wabt.parseWat('x', t, { simd: true, threads: true }); m.validate({ simd: true, threads: true }); return new WebAssembly.Module(m.toBinary({}).buffer); };
const blk = (o, qa = '$q', fa = '$f') => `(local.set $x (v128.and (v128.load offset=${o} (local.get ${qa})) (v128.load offset=${o} (local.get ${fa}))))
  (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
  (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))`;
const P = `(param $q i32) (param $f i32) (param $pops i32) (param $n i32) (param $stride i32) (param $out i32)`;
const L = `(local $end i32) (local $c i64) (local $d i64) (local $x v128) (local $t i32) (local $qpop i32) (local $k i32)`;
const fin = (cexpr) => `(local.set $t (i32.add (local.get $qpop) (i32.load (local.get $pops))))
    (i64.store (local.get $out) (i64.add ${cexpr} (i64.extend_i32_u (local.get $t))))
    (local.set $f (i32.add (local.get $f) (local.get $stride)))
    (local.set $pops (i32.add (local.get $pops) (i32.const 4)))
    (local.set $out (i32.add (local.get $out) (i32.const 8)))
    (br_if $filters (i32.lt_u (local.get $out) (local.get $end)))`;
const straight = `${P} ${L}
  (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
  (loop $filters (local.set $c (i64.const 0)) (local.set $d (i64.const 0))
    ${[0,1,2,3,4,5,6,7].map(i => blk(i*16)).join('\n')}
    ${fin('(i64.add (local.get $c) (local.get $d))')})`;
// Duff: k = 8 - stride/16 blocks to skip; offsets are relative to the end so that skipping the first k is right
// Simpler: blocks count from stride: jump to label that runs last m blocks, with pointers moved back
const duffBlocks = (qa, fa) => {
  // nested blocks: (block $s8 (block $s7 ... (block $s0 br_table...) blk0) blk1 ...)
  let s = `(br_table $s0 $s1 $s2 $s3 $s4 $s5 $s6 $s7 $s8 (local.get $k))`;
  for (let i = 0; i <= 8; i++) { s = `(block $s${i} ${s})` + (i < 8 ? blk(i * 16, qa, fa) : ''); }
  return s;
};
// k = 8 - m ; run blocks k..7 with base pointers shifted by -(k*16)
const duff = `${P} ${L} (local $qb i32) (local $fb i32) (local $shift i32)
  (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
  (local.set $k (i32.sub (i32.const 8) (i32.shr_u (local.get $stride) (i32.const 4))))
  (local.set $shift (i32.shl (local.get $k) (i32.const 4)))
  (local.set $qb (i32.sub (local.get $q) (local.get $shift)))
  (loop $filters (local.set $c (i64.const 0)) (local.set $d (i64.const 0))
    (local.set $fb (i32.sub (local.get $f) (local.get $shift)))
    ${duffBlocks('$qb', '$fb')}
    ${fin('(i64.add (local.get $c) (local.get $d))')})`;
const c128 = `(func $c128 (param $q i32) (param $f i32) (result i64) (local $c i64) (local $d i64) (local $x v128)
    ${[0,1,2,3,4,5,6,7].map(i => blk(i*16)).join('\n')} (i64.add (local.get $c) (local.get $d)))`;
const called = `${P} ${L}
  (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
  (loop $filters ${fin('(call $c128 (local.get $q) (local.get $f))')})`;
const text = `(module (import "env" "memory" (memory 1 65536 shared)) ${c128}
 (func (export "straight") ${straight}) (func (export "duff") ${duff}) (func (export "called") ${called}))`;
const mod = build(text);
const N = +(process.argv[2] ?? 4000), B = +(process.argv[3] ?? 128);
const memory = new WebAssembly.Memory({ initial: Math.ceil((N * (B+22) + 1e6) / 65536) + 10, maximum: 65536, shared: true });
const e = new WebAssembly.Instance(mod, { env: { memory } }).exports;
const u8 = new Uint8Array(memory.buffer);
const q = 1024, f = 2048 + B, pops = f + N * B, out = pops + N * 4;
let s = 1; for (let i = q; i < pops; i++) { s = (s * 1103515245 + 12345) >>> 0; u8[i] = s >>> 24; }
const reps = Math.max(1, Math.round(1e7 / N));
for (let round = 0; round < 2; round++)
for (const v of ['straight', 'duff', 'called']) {
  if (B !== 128 && v !== 'duff') continue;
  const ts = [];
  for (let r = 0; r < 11; r++) { const t = process.cpuUsage(); for (let x = 0; x < reps; x++) e[v](q, f, pops, N, B, out); const u = process.cpuUsage(t); ts.push((u.user + u.system) / 1000); }
  ts.sort((a, b) => a - b);
  console.log(B, v.padEnd(8), (N * reps / ts[0] / 1e3).toFixed(1), 'M/s best', (N * reps / ts[5] / 1e3).toFixed(1), 'median');
}
