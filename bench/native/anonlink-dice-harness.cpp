/*
 * Runs anonlink's own Dice code, compiled as it ships, on the bench's filters, so that
 * bench/anonlink-bench.ts can time it in turns with credlink's kernel. anonlink's source file is
 * not copied or changed: it is #included whole (ANONLINK_SOURCE, a path given at compile time),
 * which also makes its static helpers callable from here.
 *
 * Usage: anonlink-dice-harness FILTERS QUERY N
 *   FILTERS holds N 1024-bit filters end to end, QUERY one. Then, per line on stdin,
 *   "<mode> <ms>" runs one timed round of at least <ms> and prints one JSON line:
 *   topk: match_one_against_many_dice_k_top(k = 10, threshold 0), anonlink's entry point;
 *   all:  anonlink's _dice_coeff<16> for every filter, one score each (what credlink's scan gives).
 */
#include ANONLINK_SOURCE

#include <cstdio>
#include <cstring>
#include <string>
#include <time.h>

static const int BYTES = 128;
static const uint32_t K = 10;

static double seconds(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// anonlink's top-k entry point takes `int *indices` in older releases and `unsigned int *` in
// newer ones; deducing the type lets one harness build against either.
template <typename Index>
static int topK(int (*match)(const char *, const char *, const uint32_t *, int, int, uint32_t, double, Index *, double *),
                const char *query, const char *filters, const uint32_t *counts, int n, double *scores, unsigned *best) {
  Index indices[K];
  int found = match(query, filters, counts, n, BYTES, K, 0.0, indices, scores);
  *best = found > 0 ? static_cast<unsigned>(indices[0]) : 0u;
  return found;
}

static char *readFile(const char *path, size_t bytes) {
  FILE *f = fopen(path, "rb");
  if (!f) return nullptr;
  // 64-byte aligned: anonlink copies a misaligned query as if it were N filters long.
  char *buf = static_cast<char *>(aligned_alloc(64, (bytes + 63) / 64 * 64));
  size_t got = fread(buf, 1, bytes, f);
  fclose(f);
  if (got != bytes) return nullptr;
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: anonlink-dice-harness FILTERS QUERY N\n");
    return 2;
  }
  int n = atoi(argv[3]);
  char *filters = readFile(argv[1], static_cast<size_t>(n) * BYTES);
  char *query = readFile(argv[2], BYTES);
  if (!filters || !query || n <= 0) {
    fprintf(stderr, "anonlink-dice-harness: cannot read %d filters from %s and a query from %s\n", n, argv[1], argv[2]);
    return 2;
  }
  uint32_t *counts = new uint32_t[n];
  popcount_arrays(counts, filters, n, BYTES);
  uint32_t queryCount;
  popcount_arrays(&queryCount, query, 1, BYTES);
  double *all = new double[n];
  double scores[K];
  unsigned best = 0;
  const uint64_t *q = reinterpret_cast<const uint64_t *>(query);
  const uint64_t *f = reinterpret_cast<const uint64_t *>(filters);

  char mode[16];
  double ms;
  while (scanf("%15s %lf", mode, &ms) == 2) {
    bool topk = strcmp(mode, "topk") == 0;
    long reps = 0;
    double check = 0;
    double wall0 = seconds(CLOCK_MONOTONIC), cpu0 = seconds(CLOCK_PROCESS_CPUTIME_ID), wall1;
    do {
      if (topk) {
        int found = topK(match_one_against_many_dice_k_top, query, filters, counts, n, scores, &best);
        check = found > 0 ? scores[0] : -1;
      } else {
        for (int j = 0; j < n; j++) all[j] = _dice_coeff<16>(q, queryCount, f + 16 * static_cast<size_t>(j), counts[j]);
      }
      reps++;
      wall1 = seconds(CLOCK_MONOTONIC);
    } while ((wall1 - wall0) * 1e3 < ms);
    double cpu1 = seconds(CLOCK_PROCESS_CPUTIME_ID);
    if (!topk) {
      // The scores summed in order: equal to credlink's sum only if every score is.
      check = 0;
      for (int j = 0; j < n; j++) check += all[j];
    }
    printf("{\"mode\":\"%s\",\"comparisons\":%ld,\"wallSeconds\":%.9f,\"cpuSeconds\":%.9f,\"check\":%.17g,\"best\":%u}\n",
           topk ? "topk" : "all", reps * static_cast<long>(n), wall1 - wall0, cpu1 - cpu0, check, best);
    fflush(stdout);
  }
  return 0;
}
