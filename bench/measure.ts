/**
 * Timing for the benches: a warm-up (so V8 has tiered the WebAssembly and JavaScript up), then
 * several timed runs, each repeating the operation until it has lasted a set time. Rates are the
 * median (and best) over runs, by wall clock and by this process's CPU time: on a shared machine
 * the CPU-time rate is the steadier per-core figure, since time spent descheduled is not counted.
 */
export interface Rate {
  /** Operations per second by wall clock: median, best. */
  wall: number;
  wallBest: number;
  /** Operations per CPU-second of the whole process (all threads): median. */
  cpu: number;
  runs: number;
  repsPerRun: number;
}

export interface MeasureOptions {
  /** Operations done by one call of fn (comparisons, records...). */
  ops: number;
  runs: number;
  /** Minimum length of one run, in ms. */
  runMs: number;
  warmupMs: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function measure(fn: () => unknown | Promise<unknown>, options: MeasureOptions): Promise<Rate> {
  let reps = 0;
  const warmStart = performance.now();
  while (performance.now() - warmStart < options.warmupMs || reps < 2) {
    await fn();
    reps += 1;
  }
  const perCall = (performance.now() - warmStart) / reps;
  const repsPerRun = Math.max(1, Math.ceil(options.runMs / Math.max(perCall, 1e-3)));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    const w = performance.now();
    const c = cpuMs();
    for (let i = 0; i < repsPerRun; i++) await fn();
    const total = options.ops * repsPerRun;
    wall.push(total / ((performance.now() - w) / 1000));
    cpu.push(total / (Math.max(cpuMs() - c, 1e-3) / 1000));
  }
  return { wall: median(wall), wallBest: Math.max(...wall), cpu: median(cpu), runs: options.runs, repsPerRun };
}
