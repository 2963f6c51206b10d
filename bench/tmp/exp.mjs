import createWabt from 'wabt';
const wabt = await createWabt();
const build = (t) => { const m = wabt.parseWat('x', t, { simd: true, threads: true }); m.validate({ simd: true, threads: true }); return new WebAssembly.Module(m.toBinary({}).buffer); };
const blk = (i, qexpr) => `(local.set $x (v128.and ${qexpr} (v128.load offset=${i * 16} (local.get $f))))
  (local.set $c (i64.add (local.get $c) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))`;
const score = `(f64.store (local.get $out) (select (f64.const 0) (f64.div (f64.convert_i64_u (i64.shl (local.get $c) (i64.const 1))) (f64.convert_i32_u (local.get $t))) (i32.eqz (local.get $t))))`;
const loopWrap = (body, pre = '') => `(param $q i32) (param $f i32) (param $pops i32) (param $n i32) (param $stride i32) (param $out i32)
  (local $end i32) (local $c i64) (local $x v128) (local $t i32) (local $qpop i32) ${pre}
  (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
  (loop $filters
    (local.set $c (i64.const 0))
    ${body}
    (local.set $t (i32.add (local.get $qpop) (i32.load (local.get $pops))))
    ${score}
    (local.set $f (i32.add (local.get $f) (i32.const 128)))
    (local.set $pops (i32.add (local.get $pops) (i32.const 4)))
    (local.set $out (i32.add (local.get $out) (i32.const 8)))
    (br_if $filters (i32.lt_u (local.get $out) (local.get $end))))`;
const unrolledMem = loopWrap(Array.from({ length: 8 }, (_, i) => blk(i, `(v128.load offset=${i * 16} (local.get $q))`)).join('\n'));
const qlocals = Array.from({ length: 8 }, (_, i) => `(local $q${i} v128)`).join(' ');
const qinit = Array.from({ length: 8 }, (_, i) => `(local.set $q${i} (v128.load offset=${i * 16} (local.get $q)))`).join('\n');
const unrolledLocals = loopWrap(Array.from({ length: 8 }, (_, i) => blk(i, `(local.get $q${i})`)).join('\n'), qlocals).replace('(loop $filters', qinit + '\n(loop $filters');
// two accumulators: sum lanes separately to shorten the dependency chain
const blk2 = (i) => `(local.set $x (v128.and (local.get $q${i}) (v128.load offset=${i * 16} (local.get $f))))
  (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
  (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))`;
const twoAcc = loopWrap(Array.from({ length: 8 }, (_, i) => blk2(i)).join('\n') + '(local.set $c (i64.add (local.get $c) (local.get $d)))', qlocals + ' (local $d i64)')
  .replace('(loop $filters', qinit + '\n(loop $filters').replace('(local.set $c (i64.const 0))', '(local.set $c (i64.const 0)) (local.set $d (i64.const 0))');
// i64 scalar unrolled with query in locals
const i64locals = Array.from({ length: 16 }, (_, i) => `(local $w${i} i64)`).join(' ');
const i64init = Array.from({ length: 16 }, (_, i) => `(local.set $w${i} (i64.load offset=${i * 8} (local.get $q)))`).join('\n');
const i64body = Array.from({ length: 16 }, (_, i) => `(local.set $c (i64.add (local.get $c) (i64.popcnt (i64.and (local.get $w${i}) (i64.load offset=${i * 8} (local.get $f))))))`).join('\n');
const i64Unrolled = loopWrap(i64body, i64locals).replace('(loop $filters', i64init + '\n(loop $filters');
const text = `(module (import "env" "memory" (memory 1 65536 shared))
 (func (export "mem") ${unrolledMem})
 (func (export "locals") ${unrolledLocals})
 (func (export "twoacc") ${twoAcc})
 (func (export "i64u") ${i64Unrolled}))`;
const mod = build(text);
const N = +(process.argv[2] ?? 4000), B = 128;
const memory = new WebAssembly.Memory({ initial: Math.ceil((N * 150 + 1e6) / 65536) + 10, maximum: 65536, shared: true });
const e = new WebAssembly.Instance(mod, { env: { memory } }).exports;
const u8 = new Uint8Array(memory.buffer);
const q = 1024, f = 2048, pops = f + N * B, out = pops + N * 4;
let s = 1; for (let i = q; i < pops; i++) { s = (s * 1103515245 + 12345) >>> 0; u8[i] = s >>> 24; }
const reps = Math.max(1, Math.round(1e7 / N));
for (let round = 0; round < 2; round++)
for (const v of ['mem', 'locals', 'twoacc', 'i64u']) {
  const ts = [];
  for (let r = 0; r < 11; r++) { const t = process.cpuUsage(); for (let x = 0; x < reps; x++) e[v](q, f, pops, N, B, out); const u = process.cpuUsage(t); ts.push((u.user + u.system) / 1000); }
  ts.sort((a, b) => a - b);
  console.log(v.padEnd(8), (N * reps / ts[0] / 1e3).toFixed(1), 'M/s best', (N * reps / ts[5] / 1e3).toFixed(1), 'median');
}
