/*
 * Native reference for the 1M x 1024-bit Dice scan, so that the bench can put the WebAssembly
 * kernel beside compiled code on the same machine and the same data layout (filters end to end,
 * a popcount array, one f64 score written per filter). Two kernels: 64-bit popcnt with four
 * accumulators (the usual C/C++ approach; anonlink's own kernel is timed by anonlink-bench.ts) and, where the CPU has it,
 * AVX-512 VPOPCNTQ. Also a plain read of the filter buffer: the memory-bandwidth ceiling.
 *
 * Built and run by bench/native-dice.ts: cc -O3 -march=native dice-scan.c; prints one JSON line.
 * Usage: dice-scan N RUNS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <immintrin.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static double score(uint64_t common, uint32_t total) { return total ? 2.0 * (double)common / total : 0; }

__attribute__((noinline)) static void scan_popcnt64(const uint64_t *q, const uint64_t *f, const uint32_t *pops,
                                                    uint32_t qpop, double *out, size_t n) {
  for (size_t i = 0; i < n; i++, f += 16) {
    uint64_t a = 0, b = 0, c = 0, d = 0;
    for (int j = 0; j < 16; j += 4) {
      a += (uint64_t)_mm_popcnt_u64(q[j] & f[j]);
      b += (uint64_t)_mm_popcnt_u64(q[j + 1] & f[j + 1]);
      c += (uint64_t)_mm_popcnt_u64(q[j + 2] & f[j + 2]);
      d += (uint64_t)_mm_popcnt_u64(q[j + 3] & f[j + 3]);
    }
    out[i] = score(a + b + c + d, qpop + pops[i]);
  }
}

#ifdef __AVX512VPOPCNTDQ__
__attribute__((noinline)) static void scan_avx512(const uint64_t *q, const uint64_t *f, const uint32_t *pops,
                                                  uint32_t qpop, double *out, size_t n) {
  __m512i q0 = _mm512_loadu_si512(q), q1 = _mm512_loadu_si512(q + 8);
  for (size_t i = 0; i < n; i++, f += 16) {
    __m512i x = _mm512_add_epi64(_mm512_popcnt_epi64(_mm512_and_si512(q0, _mm512_loadu_si512(f))),
                                 _mm512_popcnt_epi64(_mm512_and_si512(q1, _mm512_loadu_si512(f + 8))));
    out[i] = score((uint64_t)_mm512_reduce_add_epi64(x), qpop + pops[i]);
  }
}
#endif

__attribute__((noinline)) static uint64_t read_all(const uint64_t *f, size_t words) {
  uint64_t a = 0, b = 0, c = 0, d = 0;
  for (size_t i = 0; i < words; i += 4) { a ^= f[i]; b ^= f[i + 1]; c ^= f[i + 2]; d ^= f[i + 3]; }
  return a ^ b ^ c ^ d;
}

static int cmp(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

typedef void (*scan_fn)(const uint64_t *, const uint64_t *, const uint32_t *, uint32_t, double *, size_t);

static double median_rate(scan_fn fn, const uint64_t *q, const uint64_t *f, const uint32_t *pops, uint32_t qpop,
                          double *out, size_t n, int runs) {
  double rates[64];
  fn(q, f, pops, qpop, out, n); /* warm-up: faults the output pages in */
  for (int r = 0; r < runs; r++) {
    double t0 = now();
    fn(q, f, pops, qpop, out, n);
    rates[r] = n / (now() - t0);
  }
  qsort(rates, runs, sizeof rates[0], cmp);
  return rates[runs / 2];
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoull(argv[1], 0, 10) : 1000000;
  int runs = argc > 2 ? atoi(argv[2]) : 7;
  if (runs < 1 || runs > 64) runs = 7;
  uint64_t *f = aligned_alloc(64, n * 128);
  uint32_t *pops = malloc(n * 4);
  double *out = malloc(n * 8);
  uint64_t s = 0x9e3779b97f4a7c15ull;
  for (size_t i = 0; i < n * 16; i++) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; f[i] = s & (s >> 5); }
  for (size_t i = 0; i < n; i++) {
    uint32_t c = 0;
    for (int j = 0; j < 16; j++) c += (uint32_t)_mm_popcnt_u64(f[i * 16 + j]);
    pops[i] = c;
  }
  uint64_t q[16];
  for (int j = 0; j < 16; j++) q[j] = f[16 * (n / 2) + j];
  uint32_t qpop = pops[n / 2];

  double bw[64], sink = 0;
  for (int r = 0; r < runs; r++) {
    double t0 = now();
    sink += (double)(read_all(f, n * 16) & 1);
    bw[r] = n * 128.0 / (now() - t0);
  }
  qsort(bw, runs, sizeof bw[0], cmp);
  printf("{\"readBytesPerSecond\":%.0f,\"popcnt64\":%.0f", bw[runs / 2], median_rate(scan_popcnt64, q, f, pops, qpop, out, n, runs));
#ifdef __AVX512VPOPCNTDQ__
  printf(",\"avx512\":%.0f", median_rate(scan_avx512, q, f, pops, qpop, out, n, runs));
#endif
  printf(",\"check\":%.6f,\"sink\":%.0f}\n", out[n / 3], sink);
  return 0;
}
