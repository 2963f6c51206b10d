;; Dice coefficient kernels over Bloom filters held in one shared linear memory.
;;
;; Layout (set up by wasm-dice-kernel.ts): a filter set is `n` filters of `stride` bytes laid end
;; to end, the stride a multiple of 8 (the schema sizes filters in 64-bit steps), with an i32
;; popcount per filter in a separate array. Scores are f64 so that they equal the JavaScript
;; oracle (src/kernel/dice.ts) bit for bit: 2c/t of two exact integers rounds the same in both.
;; Two empty filters score 0, as in the oracle: no evidence is not agreement.
;;
;; Two shapes of each kernel: a generic one for any stride, and a straight-line one for 1024-bit
;; filters (the record-level CLK, the 1M scan), which V8 runs ~1.4x faster than the word loop
;; (no loop control, constant offsets). The straight-line scans take two filters (or queries) a
;; step and popcount both lanes of each ANDed block; the pair kernel, bound by memory latency,
;; keeps two accumulators (one per lane). docs/performance.md has the machine code V8 makes of
;; them and what was tried (carry-save adders lost to spills).
;;
;; The scan also comes with two other popcount strategies (scalar i64, SIMD i8x16.popcnt) that the
;; bench measures; docs/performance.md has the numbers.
;;
;; Built by scripts/build-wasm.mjs (wabt, features simd + threads) into dice-wasm-bytes.ts.
(module
  ;; Imported and shared so that worker threads score pairs against the same filters without
  ;; copying them (dice-pool.ts). 65536 pages = 4 GiB, the most a 32-bit memory can address.
  (import "env" "memory" (memory 1 65536 shared))

  ;; ---- helpers ---------------------------------------------------------------------------

  ;; |A ∩ B| of two filters of any stride: v128.and, then i64.popcnt of both lanes; an 8-byte
  ;; tail when the stride is an odd number of 64-bit words. With $a = $b it is the popcount.
  (func $common (param $a i32) (param $b i32) (param $stride i32) (result i64)
    (local $end i32) (local $vend i32) (local $c i64) (local $d i64) (local $x v128)
    (local.set $end (i32.add (local.get $a) (local.get $stride)))
    (local.set $vend (i32.add (local.get $a) (i32.and (local.get $stride) (i32.const -16))))
    (block $vdone
      (loop $blocks
        (br_if $vdone (i32.ge_u (local.get $a) (local.get $vend)))
        (local.set $x (v128.and (v128.load (local.get $a)) (v128.load (local.get $b))))
        (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
        (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))
        (br $blocks)))
    (if (i32.lt_u (local.get $a) (local.get $end))
      (then
        (local.set $c (i64.add (local.get $c)
          (i64.popcnt (i64.and (i64.load (local.get $a)) (i64.load (local.get $b))))))))
    (i64.add (local.get $c) (local.get $d)))

  ;; 2c / t, or 0 when both filters are empty (t = 0); select keeps it branch-free.
  (func $score (param $common i64) (param $total i32) (result f64)
    (select
      (f64.const 0)
      (f64.div
        (f64.convert_i64_u (i64.shl (local.get $common) (i64.const 1)))
        (f64.convert_i32_u (local.get $total)))
      (i32.eqz (local.get $total))))

  ;; out[i] = popcount of filter i, for the popcount arrays the scoring kernels read.
  (func $popcounts (export "popcounts") (param $f i32) (param $n i32) (param $stride i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $filters
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (i32.store (local.get $out)
          (i32.wrap_i64 (call $common (local.get $f) (local.get $f) (local.get $stride))))
        (local.set $f (i32.add (local.get $f) (local.get $stride)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $filters))))

  ;; ---- (a) one query against n filters: out[i] = dice(q, filter i) ------------------------

  ;; Generic stride, v128.and + lane extract + i64.popcnt.
  (func (export "scan_v128")
    (param $q i32) (param $f i32) (param $pops i32) (param $n i32) (param $stride i32) (param $out i32)
    (local $qpop i32) (local $end i32)
    (local.set $qpop (i32.wrap_i64 (call $common (local.get $q) (local.get $q) (local.get $stride))))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $filters
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (f64.store (local.get $out)
          (call $score
            (call $common (local.get $q) (local.get $f) (local.get $stride))
            (i32.add (local.get $qpop) (i32.load (local.get $pops)))))
        (local.set $f (i32.add (local.get $f) (local.get $stride)))
        (local.set $pops (i32.add (local.get $pops) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $filters))))

  ;; 1024-bit filters, straight line, two filters a step, the query held in eight v128 locals.
  ;; Each 128-bit block is ANDed, its two lanes popcounted and summed: against the carry-save
  ;; version this is more instructions (16 lane extracts instead of 8) but no spills in V8, which
  ;; ran the carry-save adders with the query partly on the stack; two filters a step halve the
  ;; loop control and stack checks. Counts stay integers until the one division: 2c and t convert
  ;; as i32 (one instruction each, against V8's branchy unsigned i64 conversion), and t = 0 (two
  ;; empty filters, so c = 0) divides by 1, which scores 0 without a branch. n >= 1.
  (func (export "scan_v128_1024")
    (param $q i32) (param $f i32) (param $pops i32) (param $n i32) (param $out i32)
    (local $qpop i32) (local $t i32) (local $end i32) (local $pairsEnd i32) (local $ca i64) (local $cb i64) (local $x v128)
    (local $q0 v128) (local $q1 v128) (local $q2 v128) (local $q3 v128) (local $q4 v128) (local $q5 v128) (local $q6 v128) (local $q7 v128)
    (local.set $qpop (i32.wrap_i64 (call $common (local.get $q) (local.get $q) (i32.const 128))))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $pairsEnd (i32.add (local.get $out) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (local.set $q0 (v128.load offset=0 (local.get $q)))
    (local.set $q1 (v128.load offset=16 (local.get $q)))
    (local.set $q2 (v128.load offset=32 (local.get $q)))
    (local.set $q3 (v128.load offset=48 (local.get $q)))
    (local.set $q4 (v128.load offset=64 (local.get $q)))
    (local.set $q5 (v128.load offset=80 (local.get $q)))
    (local.set $q6 (v128.load offset=96 (local.get $q)))
    (local.set $q7 (v128.load offset=112 (local.get $q)))
    (if (i32.lt_u (local.get $out) (local.get $pairsEnd))
      (then
        (loop $pairs
          (local.set $x (v128.and (local.get $q0) (v128.load offset=0 (local.get $f))))
          (local.set $ca (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
          (local.set $x (v128.and (local.get $q1) (v128.load offset=16 (local.get $f))))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q2) (v128.load offset=32 (local.get $f))))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q3) (v128.load offset=48 (local.get $f))))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q4) (v128.load offset=64 (local.get $f))))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q5) (v128.load offset=80 (local.get $f))))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q6) (v128.load offset=96 (local.get $f))))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q7) (v128.load offset=112 (local.get $f))))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q0) (v128.load offset=128 (local.get $f))))
          (local.set $cb (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
          (local.set $x (v128.and (local.get $q1) (v128.load offset=144 (local.get $f))))
          (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q2) (v128.load offset=160 (local.get $f))))
          (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q3) (v128.load offset=176 (local.get $f))))
          (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q4) (v128.load offset=192 (local.get $f))))
          (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q5) (v128.load offset=208 (local.get $f))))
          (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q6) (v128.load offset=224 (local.get $f))))
          (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (local.get $q7) (v128.load offset=240 (local.get $f))))
          (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $t (i32.add (local.get $qpop) (i32.load offset=0 (local.get $pops))))
          (f64.store offset=0 (local.get $out)
            (f64.div
              (f64.convert_i32_s (i32.shl (i32.wrap_i64 (local.get $ca)) (i32.const 1)))
              (f64.convert_i32_s (select (local.get $t) (i32.const 1) (local.get $t)))))
          (local.set $t (i32.add (local.get $qpop) (i32.load offset=4 (local.get $pops))))
          (f64.store offset=8 (local.get $out)
            (f64.div
              (f64.convert_i32_s (i32.shl (i32.wrap_i64 (local.get $cb)) (i32.const 1)))
              (f64.convert_i32_s (select (local.get $t) (i32.const 1) (local.get $t)))))
          (local.set $f (i32.add (local.get $f) (i32.const 256)))
          (local.set $pops (i32.add (local.get $pops) (i32.const 8)))
          (local.set $out (i32.add (local.get $out) (i32.const 16)))
          (br_if $pairs (i32.lt_u (local.get $out) (local.get $pairsEnd))))))
    ;; An odd last filter.
    (if (i32.lt_u (local.get $out) (local.get $end))
      (then
        (local.set $x (v128.and (local.get $q0) (v128.load offset=0 (local.get $f))))
        (local.set $ca (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
        (local.set $x (v128.and (local.get $q1) (v128.load offset=16 (local.get $f))))
        (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
        (local.set $x (v128.and (local.get $q2) (v128.load offset=32 (local.get $f))))
        (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
        (local.set $x (v128.and (local.get $q3) (v128.load offset=48 (local.get $f))))
        (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
        (local.set $x (v128.and (local.get $q4) (v128.load offset=64 (local.get $f))))
        (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
        (local.set $x (v128.and (local.get $q5) (v128.load offset=80 (local.get $f))))
        (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
        (local.set $x (v128.and (local.get $q6) (v128.load offset=96 (local.get $f))))
        (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
        (local.set $x (v128.and (local.get $q7) (v128.load offset=112 (local.get $f))))
        (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
        (local.set $t (i32.add (local.get $qpop) (i32.load offset=0 (local.get $pops))))
        (f64.store offset=0 (local.get $out)
          (f64.div
            (f64.convert_i32_s (i32.shl (i32.wrap_i64 (local.get $ca)) (i32.const 1)))
            (f64.convert_i32_s (select (local.get $t) (i32.const 1) (local.get $t))))))))

  ;; The k best filters at or above minScore (anonlink's top-k): the same counts as
  ;; scan_v128_1024, but compared with a floor instead of scored and written, so the 1M scan reads
  ;; 132 bytes a filter and writes none. One filter a step: with two, V8 hoisted the second
  ;; filter's loads and spilled them (1.14x slower in L2). The floor is minScore until k filters are kept, then
  ;; the smallest f64 above the k-th best (its bits + 1, scores being >= 0): a later filter must
  ;; beat it strictly, so equal scores keep the earlier filter. Kept filters go to bestScores (f64)
  ;; and bestIdx (i32), scores descending, inserted by shifting lower ones down; returns how many
  ;; (at most k). n >= 1, k >= 1.
  (func (export "scan_best_1024")
    (param $q i32) (param $f i32) (param $pops i32) (param $n i32) (param $k i32) (param $minScore f64)
    (param $bestScores i32) (param $bestIdx i32) (result i32)
    (local $qpop i32) (local $ta i32) (local $tk i32) (local $popsEnd i32) (local $pops0 i32)
    (local $m i32) (local $twoA i32) (local $B i32) (local $C i32) (local $ca i64) (local $x v128)
    (local $sa f64) (local $sb f64) (local $lo f64) (local $i i32) (local $pending i32) (local $j i32) (local $sj i32) (local $ij i32)
    (local $q0 v128) (local $q1 v128) (local $q2 v128) (local $q3 v128) (local $q4 v128) (local $q5 v128) (local $q6 v128) (local $q7 v128)
    (local.set $qpop (i32.wrap_i64 (call $common (local.get $q) (local.get $q) (i32.const 128))))
    (local.set $pops0 (local.get $pops))
    (local.set $popsEnd (i32.add (local.get $pops) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $lo (local.get $minScore))
    ;; Until k are kept the floor is minScore: 2c 2^19 >= M t with M = floor(minScore 2^19) lets
    ;; through every filter that reaches it (and a few just below, which the exact check drops).
    (local.set $twoA (i32.const 1048576))
    (local.set $B (i32.trunc_f64_s (f64.min (f64.max (f64.floor (f64.mul (local.get $minScore) (f64.const 524288))) (f64.const 0)) (f64.const 524289))))
    (local.set $q0 (v128.load offset=0 (local.get $q)))
    (local.set $q1 (v128.load offset=16 (local.get $q)))
    (local.set $q2 (v128.load offset=32 (local.get $q)))
    (local.set $q3 (v128.load offset=48 (local.get $q)))
    (local.set $q4 (v128.load offset=64 (local.get $q)))
    (local.set $q5 (v128.load offset=80 (local.get $q)))
    (local.set $q6 (v128.load offset=96 (local.get $q)))
    (local.set $q7 (v128.load offset=112 (local.get $q)))
    (block $scanned
      (loop $resume
        (br_if $scanned (i32.ge_u (local.get $pops) (local.get $popsEnd)))
        ;; The hot loop compares integers only and leaves when the filter may reach the floor;
        ;; no division, no call (which would make V8 spill the query).
        (block $candidate
          (loop $filters
            (local.set $x (v128.and (local.get $q0) (v128.load offset=0 (local.get $f))))
            (local.set $ca (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
            (local.set $x (v128.and (local.get $q1) (v128.load offset=16 (local.get $f))))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (local.get $q2) (v128.load offset=32 (local.get $f))))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (local.get $q3) (v128.load offset=48 (local.get $f))))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (local.get $q4) (v128.load offset=64 (local.get $f))))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (local.get $q5) (v128.load offset=80 (local.get $f))))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (local.get $q6) (v128.load offset=96 (local.get $f))))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (local.get $q7) (v128.load offset=112 (local.get $f))))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $ta (i32.add (local.get $qpop) (i32.load (local.get $pops))))
            (local.set $f (i32.add (local.get $f) (i32.const 128)))
            (local.set $pops (i32.add (local.get $pops) (i32.const 4)))
            (br_if $candidate (i32.ge_u (i32.mul (i32.wrap_i64 (local.get $ca)) (local.get $twoA)) (i32.add (i32.mul (local.get $B) (local.get $ta)) (local.get $C))))
            (br_if $filters (i32.lt_u (local.get $pops) (local.get $popsEnd))))
          (br $scanned))
        (local.set $sa (f64.div (f64.convert_i32_s (i32.shl (i32.wrap_i64 (local.get $ca)) (i32.const 1)))
          (f64.convert_i32_s (select (local.get $ta) (i32.const 1) (local.get $ta)))))
        (local.set $i (i32.sub (i32.shr_u (i32.sub (local.get $pops) (local.get $pops0)) (i32.const 2)) (i32.const 1)))
        (local.set $pending (i32.const 1))
        (loop $offers
          (if (f64.ge (local.get $sa) (local.get $lo))
            (then
              (local.set $j (select (local.get $m) (i32.sub (local.get $k) (i32.const 1)) (i32.lt_u (local.get $m) (local.get $k))))
              (local.set $sj (i32.add (local.get $bestScores) (i32.shl (local.get $j) (i32.const 3))))
              (local.set $ij (i32.add (local.get $bestIdx) (i32.shl (local.get $j) (i32.const 2))))
              (block $placed
                (loop $shift
                  (br_if $placed (i32.eq (local.get $sj) (local.get $bestScores)))
                  (br_if $placed (f64.ge (f64.load (i32.sub (local.get $sj) (i32.const 8))) (local.get $sa)))
                  (f64.store (local.get $sj) (f64.load (i32.sub (local.get $sj) (i32.const 8))))
                  (i32.store (local.get $ij) (i32.load (i32.sub (local.get $ij) (i32.const 4))))
                  (local.set $sj (i32.sub (local.get $sj) (i32.const 8)))
                  (local.set $ij (i32.sub (local.get $ij) (i32.const 4)))
                  (br $shift)))
              (f64.store (local.get $sj) (local.get $sa))
              (i32.store (local.get $ij) (local.get $i))
              (local.set $m (select (i32.add (local.get $m) (i32.const 1)) (local.get $k) (i32.lt_u (local.get $m) (local.get $k))))
              (if (i32.eq (local.get $m) (local.get $k))
                (then
                  ;; The k-th best (2c_k / t_k) is the floor now: in integers, 2c t_k > 2c_k t.
                  (local.set $sj (i32.add (local.get $bestScores) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 3))))
                  (local.set $lo (f64.reinterpret_i64 (i64.add (i64.load (local.get $sj)) (i64.const 1))))
                  (local.set $tk (i32.add (local.get $qpop) (i32.load (i32.add (local.get $pops0)
                    (i32.shl (i32.load (i32.add (local.get $bestIdx) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 2)))) (i32.const 2))))))
                  (local.set $tk (select (local.get $tk) (i32.const 1) (local.get $tk)))
                  (local.set $twoA (i32.shl (local.get $tk) (i32.const 1)))
                  (local.set $B (i32.trunc_f64_s (f64.nearest (f64.mul (f64.load (local.get $sj)) (f64.convert_i32_s (local.get $tk))))))
                  (local.set $C (i32.const 1))))))
          (local.set $sa (local.get $sb))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $offers (local.tee $pending (i32.sub (local.get $pending) (i32.const 1)))))
        (br $resume)))
    (local.get $m))


  ;; Generic stride, scalar: i64.load + i64.and + i64.popcnt, 8 bytes a step.
  (func (export "scan_i64")
    (param $q i32) (param $f i32) (param $pops i32) (param $n i32) (param $stride i32) (param $out i32)
    (local $qpop i32) (local $end i32) (local $j i32) (local $c i64)
    (local.set $qpop (i32.wrap_i64 (call $common (local.get $q) (local.get $q) (local.get $stride))))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $filters
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $c (i64.const 0))
        (local.set $j (i32.const 0))
        (loop $words
          (local.set $c (i64.add (local.get $c) (i64.popcnt (i64.and
            (i64.load (i32.add (local.get $q) (local.get $j)))
            (i64.load (i32.add (local.get $f) (local.get $j)))))))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br_if $words (i32.lt_u (local.get $j) (local.get $stride))))
        (f64.store (local.get $out)
          (call $score (local.get $c) (i32.add (local.get $qpop) (i32.load (local.get $pops)))))
        (local.set $f (i32.add (local.get $f) (local.get $stride)))
        (local.set $pops (i32.add (local.get $pops) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $filters))))

  ;; Generic stride, SIMD i8x16.popcnt into byte lanes, widened to i32 lanes every 16 blocks (a
  ;; byte lane then holds at most 16 * 8 = 128) and at the end of the filter.
  (func (export "scan_i8x16")
    (param $q i32) (param $f i32) (param $pops i32) (param $n i32) (param $stride i32) (param $out i32)
    (local $qpop i32) (local $end i32) (local $j i32) (local $vend i32) (local $chunkEnd i32)
    (local $acc8 v128) (local $acc32 v128) (local $c i64)
    (local.set $qpop (i32.wrap_i64 (call $common (local.get $q) (local.get $q) (local.get $stride))))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $vend (i32.and (local.get $stride) (i32.const -16)))
    (block $done
      (loop $filters
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $acc32 (v128.const i32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (block $vdone
          (loop $chunks
            (br_if $vdone (i32.ge_u (local.get $j) (local.get $vend)))
            (local.set $chunkEnd (select
              (local.get $vend)
              (i32.add (local.get $j) (i32.const 256))
              (i32.lt_u (local.get $vend) (i32.add (local.get $j) (i32.const 256)))))
            (local.set $acc8 (v128.const i32x4 0 0 0 0))
            (loop $blocks
              (local.set $acc8 (i8x16.add (local.get $acc8) (i8x16.popcnt (v128.and
                (v128.load (i32.add (local.get $q) (local.get $j)))
                (v128.load (i32.add (local.get $f) (local.get $j)))))))
              (local.set $j (i32.add (local.get $j) (i32.const 16)))
              (br_if $blocks (i32.lt_u (local.get $j) (local.get $chunkEnd))))
            (local.set $acc32 (i32x4.add (local.get $acc32)
              (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $acc8)))))
            (br $chunks)))
        (local.set $c (i64.extend_i32_u (i32.add
          (i32.add (i32x4.extract_lane 0 (local.get $acc32)) (i32x4.extract_lane 1 (local.get $acc32)))
          (i32.add (i32x4.extract_lane 2 (local.get $acc32)) (i32x4.extract_lane 3 (local.get $acc32))))))
        (if (i32.ne (local.get $j) (local.get $stride))
          (then
            (local.set $c (i64.add (local.get $c) (i64.popcnt (i64.and
              (i64.load (i32.add (local.get $q) (local.get $j)))
              (i64.load (i32.add (local.get $f) (local.get $j)))))))))
        (f64.store (local.get $out)
          (call $score (local.get $c) (i32.add (local.get $qpop) (i32.load (local.get $pops)))))
        (local.set $f (i32.add (local.get $f) (local.get $stride)))
        (local.set $pops (i32.add (local.get $pops) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $filters))))

  ;; ---- (b) candidate pairs: out[k] = dice(A[idxA[k]], B[idxB[k]]) -------------------------
  ;; What the linker calls per field for its candidates. Both return -1, or the first k whose
  ;; index is out of range (the caller throws): an index past the set would silently read
  ;; another set's bytes instead of trapping.

  (func (export "pairs_v128")
    (param $a i32) (param $popA i32) (param $countA i32) (param $b i32) (param $popB i32)
    (param $countB i32) (param $stride i32) (param $idxA i32) (param $idxB i32) (param $n i32)
    (param $out i32) (result i32)
    (local $k i32) (local $ia i32) (local $ib i32)
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $ia (i32.load (i32.add (local.get $idxA) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $ib (i32.load (i32.add (local.get $idxB) (i32.shl (local.get $k) (i32.const 2)))))
        (if (i32.or
              (i32.ge_u (local.get $ia) (local.get $countA))
              (i32.ge_u (local.get $ib) (local.get $countB)))
          (then (return (local.get $k))))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 3)))
          (call $score
            (call $common
              (i32.add (local.get $a) (i32.mul (local.get $ia) (local.get $stride)))
              (i32.add (local.get $b) (i32.mul (local.get $ib) (local.get $stride)))
              (local.get $stride))
            (i32.add
              (i32.load (i32.add (local.get $popA) (i32.shl (local.get $ia) (i32.const 2))))
              (i32.load (i32.add (local.get $popB) (i32.shl (local.get $ib) (i32.const 2)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $pairs)))
    (i32.const -1))

  ;; 1024-bit filters, straight line. n >= 1.
  (func (export "pairs_v128_1024")
    (param $a i32) (param $popA i32) (param $countA i32) (param $b i32) (param $popB i32)
    (param $countB i32) (param $idxA i32) (param $idxB i32) (param $n i32) (param $out i32)
    (result i32)
    (local $k i32) (local $ia i32) (local $ib i32) (local $pa i32) (local $pb i32) (local $t i32)
    (local $c i64) (local $d i64) (local $x v128)
    (loop $pairs
      (local.set $ia (i32.load (local.get $idxA)))
      (local.set $ib (i32.load (local.get $idxB)))
      (if (i32.or
            (i32.ge_u (local.get $ia) (local.get $countA))
            (i32.ge_u (local.get $ib) (local.get $countB)))
        (then (return (local.get $k))))
      (local.set $pa (i32.add (local.get $a) (i32.shl (local.get $ia) (i32.const 7))))
      (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $ib) (i32.const 7))))
      (local.set $c (i64.const 0))
      (local.set $d (i64.const 0))
      (local.set $x (v128.and (v128.load offset=0 (local.get $pa)) (v128.load offset=0 (local.get $pb))))
      (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
      (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
      (local.set $x (v128.and (v128.load offset=16 (local.get $pa)) (v128.load offset=16 (local.get $pb))))
      (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
      (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
      (local.set $x (v128.and (v128.load offset=32 (local.get $pa)) (v128.load offset=32 (local.get $pb))))
      (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
      (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
      (local.set $x (v128.and (v128.load offset=48 (local.get $pa)) (v128.load offset=48 (local.get $pb))))
      (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
      (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
      (local.set $x (v128.and (v128.load offset=64 (local.get $pa)) (v128.load offset=64 (local.get $pb))))
      (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
      (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
      (local.set $x (v128.and (v128.load offset=80 (local.get $pa)) (v128.load offset=80 (local.get $pb))))
      (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
      (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
      (local.set $x (v128.and (v128.load offset=96 (local.get $pa)) (v128.load offset=96 (local.get $pb))))
      (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
      (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
      (local.set $x (v128.and (v128.load offset=112 (local.get $pa)) (v128.load offset=112 (local.get $pb))))
      (local.set $c (i64.add (local.get $c) (i64.popcnt (i64x2.extract_lane 0 (local.get $x)))))
      (local.set $d (i64.add (local.get $d) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
      (local.set $t (i32.add
        (i32.load (i32.add (local.get $popA) (i32.shl (local.get $ia) (i32.const 2))))
        (i32.load (i32.add (local.get $popB) (i32.shl (local.get $ib) (i32.const 2))))))
      (f64.store (local.get $out)
        (select
          (f64.const 0)
          (f64.div
            (f64.convert_i64_u (i64.shl (i64.add (local.get $c) (local.get $d)) (i64.const 1)))
            (f64.convert_i32_u (local.get $t)))
          (i32.eqz (local.get $t))))
      (local.set $idxA (i32.add (local.get $idxA) (i32.const 4)))
      (local.set $idxB (i32.add (local.get $idxB) (i32.const 4)))
      (local.set $out (i32.add (local.get $out) (i32.const 8)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $pairs (i32.lt_u (local.get $k) (local.get $n))))
    (i32.const -1))

  ;; ---- (c) several queries per pass: out[qi * n + i] = dice(query qi, filter i) -----------
  ;; Each filter is read from memory once and scored against every query while it sits in
  ;; registers or L1, so memory traffic per comparison falls by the number of queries: this is
  ;; how a scan gets past the bandwidth ceiling of (a). $qpops is scratch of 4 * qn bytes.

  (func (export "scan_many_v128")
    (param $q i32) (param $qn i32) (param $qpops i32) (param $f i32) (param $pops i32)
    (param $n i32) (param $stride i32) (param $out i32)
    (local $i i32) (local $k i32) (local $qp i32) (local $o i32) (local $row i32) (local $fpop i32)
    (call $popcounts (local.get $q) (local.get $qn) (local.get $stride) (local.get $qpops))
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $filters
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $fpop (i32.load (local.get $pops)))
        (local.set $qp (local.get $q))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $k (i32.const 0))
        (loop $queries
          (f64.store (local.get $o)
            (call $score
              (call $common (local.get $qp) (local.get $f) (local.get $stride))
              (i32.add (local.get $fpop)
                (i32.load (i32.add (local.get $qpops) (i32.shl (local.get $k) (i32.const 2)))))))
          (local.set $qp (i32.add (local.get $qp) (local.get $stride)))
          (local.set $o (i32.add (local.get $o) (local.get $row)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $queries (i32.lt_u (local.get $k) (local.get $qn))))
        (local.set $f (i32.add (local.get $f) (local.get $stride)))
        (local.set $pops (i32.add (local.get $pops) (i32.const 4)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $filters))))

  ;; 1024-bit filters: the filter is held in eight v128 locals while the queries stream from L1,
  ;; two a step, counted and scored as in scan_v128_1024. qn >= 1, n >= 1.
  (func (export "scan_many_v128_1024")
    (param $q i32) (param $qn i32) (param $qpops i32) (param $f i32) (param $pops i32) (param $n i32) (param $out i32)
    (local $i i32) (local $qp i32) (local $qpp i32) (local $o i32) (local $row i32) (local $fpop i32) (local $t i32)
    (local $qEnd i32) (local $qPairsEnd i32) (local $ca i64) (local $cb i64) (local $x v128)
    (local $f0 v128) (local $f1 v128) (local $f2 v128) (local $f3 v128) (local $f4 v128) (local $f5 v128) (local $f6 v128) (local $f7 v128)
    (call $popcounts (local.get $q) (local.get $qn) (i32.const 128) (local.get $qpops))
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $qEnd (i32.add (local.get $q) (i32.shl (local.get $qn) (i32.const 7))))
    (local.set $qPairsEnd (i32.add (local.get $q) (i32.shl (i32.and (local.get $qn) (i32.const -2)) (i32.const 7))))
    (loop $filters
      (local.set $f0 (v128.load offset=0 (local.get $f)))
      (local.set $f1 (v128.load offset=16 (local.get $f)))
      (local.set $f2 (v128.load offset=32 (local.get $f)))
      (local.set $f3 (v128.load offset=48 (local.get $f)))
      (local.set $f4 (v128.load offset=64 (local.get $f)))
      (local.set $f5 (v128.load offset=80 (local.get $f)))
      (local.set $f6 (v128.load offset=96 (local.get $f)))
      (local.set $f7 (v128.load offset=112 (local.get $f)))
      (local.set $fpop (i32.load (local.get $pops)))
      (local.set $qp (local.get $q))
      (local.set $qpp (local.get $qpops))
      (local.set $o (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))))
      (if (i32.lt_u (local.get $qp) (local.get $qPairsEnd))
        (then
          (loop $queryPairs
            (local.set $x (v128.and (v128.load offset=0 (local.get $qp)) (local.get $f0)))
            (local.set $ca (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
            (local.set $x (v128.and (v128.load offset=16 (local.get $qp)) (local.get $f1)))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=32 (local.get $qp)) (local.get $f2)))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=48 (local.get $qp)) (local.get $f3)))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=64 (local.get $qp)) (local.get $f4)))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=80 (local.get $qp)) (local.get $f5)))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=96 (local.get $qp)) (local.get $f6)))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=112 (local.get $qp)) (local.get $f7)))
            (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=128 (local.get $qp)) (local.get $f0)))
            (local.set $cb (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
            (local.set $x (v128.and (v128.load offset=144 (local.get $qp)) (local.get $f1)))
            (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=160 (local.get $qp)) (local.get $f2)))
            (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=176 (local.get $qp)) (local.get $f3)))
            (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=192 (local.get $qp)) (local.get $f4)))
            (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=208 (local.get $qp)) (local.get $f5)))
            (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=224 (local.get $qp)) (local.get $f6)))
            (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $x (v128.and (v128.load offset=240 (local.get $qp)) (local.get $f7)))
            (local.set $cb (i64.add (local.get $cb) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
            (local.set $t (i32.add (local.get $fpop) (i32.load offset=0 (local.get $qpp))))
            (f64.store (local.get $o)
              (f64.div
                (f64.convert_i32_s (i32.shl (i32.wrap_i64 (local.get $ca)) (i32.const 1)))
                (f64.convert_i32_s (select (local.get $t) (i32.const 1) (local.get $t)))))
            (local.set $t (i32.add (local.get $fpop) (i32.load offset=4 (local.get $qpp))))
            (f64.store (i32.add (local.get $o) (local.get $row))
              (f64.div
                (f64.convert_i32_s (i32.shl (i32.wrap_i64 (local.get $cb)) (i32.const 1)))
                (f64.convert_i32_s (select (local.get $t) (i32.const 1) (local.get $t)))))
            (local.set $qp (i32.add (local.get $qp) (i32.const 256)))
            (local.set $qpp (i32.add (local.get $qpp) (i32.const 8)))
            (local.set $o (i32.add (local.get $o) (i32.shl (local.get $row) (i32.const 1))))
            (br_if $queryPairs (i32.lt_u (local.get $qp) (local.get $qPairsEnd))))))
      ;; An odd last query.
      (if (i32.lt_u (local.get $qp) (local.get $qEnd))
        (then
          (local.set $x (v128.and (v128.load offset=0 (local.get $qp)) (local.get $f0)))
          (local.set $ca (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x)))))
          (local.set $x (v128.and (v128.load offset=16 (local.get $qp)) (local.get $f1)))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (v128.load offset=32 (local.get $qp)) (local.get $f2)))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (v128.load offset=48 (local.get $qp)) (local.get $f3)))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (v128.load offset=64 (local.get $qp)) (local.get $f4)))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (v128.load offset=80 (local.get $qp)) (local.get $f5)))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (v128.load offset=96 (local.get $qp)) (local.get $f6)))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $x (v128.and (v128.load offset=112 (local.get $qp)) (local.get $f7)))
          (local.set $ca (i64.add (local.get $ca) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $x))) (i64.popcnt (i64x2.extract_lane 1 (local.get $x))))))
          (local.set $t (i32.add (local.get $fpop) (i32.load offset=0 (local.get $qpp))))
          (f64.store (local.get $o)
            (f64.div
              (f64.convert_i32_s (i32.shl (i32.wrap_i64 (local.get $ca)) (i32.const 1)))
              (f64.convert_i32_s (select (local.get $t) (i32.const 1) (local.get $t)))))))
      (local.set $f (i32.add (local.get $f) (i32.const 128)))
      (local.set $pops (i32.add (local.get $pops) (i32.const 4)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $filters (i32.lt_u (local.get $i) (local.get $n)))))
)
