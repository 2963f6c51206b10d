/**
 * Name-frequency skew as the chance that two different people on a list share the name
 * (Simpson's index). Common names carry less evidence per agreement, so a roster whose names
 * repeat more than the simulated population's makes the linkage estimate optimistic.
 */
export class NameCoincidence {
  private readonly counts = new Map<string, number>();
  private total = 0;

  add(name: string | undefined): void {
    if (!name) return;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.total += 1;
  }

  /** Probability that two distinct entries agree; 0 with fewer than two entries. */
  coincidence(): number {
    if (this.total < 2) return 0;
    let pairs = 0;
    for (const n of this.counts.values()) pairs += n * (n - 1);
    return pairs / (this.total * (this.total - 1));
  }
}

export interface NameSkew {
  firstName: number;
  lastName: number;
}

export function nameSkewOf(records: Iterable<{ first_name?: string; last_name?: string }>): NameSkew {
  const first = new NameCoincidence();
  const last = new NameCoincidence();
  for (const r of records) {
    first.add(r.first_name);
    last.add(r.last_name);
  }
  return { firstName: first.coincidence(), lastName: last.coincidence() };
}
