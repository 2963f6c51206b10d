import { exactKey, type IdentityView } from './identity-view.ts';
import { SOURCES, type SourceName } from './synth-config.ts';

export interface SourceSummary {
  rows: number;
  localIds: number;
  persons: number;
  /** How often each corruption kind was applied, per identity record (registration, spell, snapshot). */
  corruptionRates: Record<string, number>;
  /** Linkable records of this source whose person is on the spine. */
  linksToSpine: number;
  /** Share of those links that exact agreement on first name, last name and birth date misses. */
  exactNameDobMissRate: number | null;
}

export interface WorldSummary {
  persons: number;
  seed: number;
  startYear: number;
  years: number;
  employers: number;
  sources: Record<SourceName, SourceSummary>;
}

/** The sources whose layouts carry a birth date; the others cannot be matched on name + birth date at all. */
const WITH_DOB: SourceName[] = ['techcert', 'nurseboard', 'education'];

export class WorldStats {
  private readonly rows = new Map<SourceName, number>();
  private readonly ids = new Map<SourceName, number>();
  private readonly persons = new Map<SourceName, number>();
  private readonly views = new Map<SourceName, number>();
  private readonly applied = new Map<string, number>();
  private readonly links = new Map<SourceName, number>();
  private readonly exact = new Map<SourceName, number>();

  private add(map: Map<string, number>, key: string, n = 1) {
    map.set(key, (map.get(key) ?? 0) + n);
  }

  row(source: SourceName): void {
    this.add(this.rows, source);
  }

  /** One person's local ids and identity views in every source, with their spine view if any. */
  person(localIds: Map<SourceName, Set<string>>, views: Array<[SourceName, IdentityView]>, spine: IdentityView | undefined): void {
    for (const [source, set] of localIds) {
      this.add(this.ids, source, set.size);
      this.add(this.persons, source);
    }
    for (const [source, view] of views) {
      this.add(this.views, source);
      for (const kind of view.applied) this.add(this.applied, `${source}:${kind}`);
      if (spine && source !== 'spine' && WITH_DOB.includes(source)) {
        this.add(this.links, source);
        const key = exactKey(view);
        if (key !== undefined && key === exactKey(spine)) this.add(this.exact, source);
      }
    }
  }

  summary(base: Omit<WorldSummary, 'sources'>): WorldSummary {
    const sources = {} as Record<SourceName, SourceSummary>;
    for (const source of SOURCES) {
      const views = this.views.get(source) ?? 0;
      const corruptionRates: Record<string, number> = {};
      for (const [key, count] of this.applied) {
        const [s, kind] = key.split(':');
        if (s === source) corruptionRates[kind] = round(count / views);
      }
      const links = this.links.get(source) ?? 0;
      sources[source] = {
        rows: this.rows.get(source) ?? 0,
        localIds: this.ids.get(source) ?? 0,
        persons: this.persons.get(source) ?? 0,
        corruptionRates: Object.fromEntries(Object.entries(corruptionRates).sort(([a], [b]) => a.localeCompare(b))),
        linksToSpine: links,
        exactNameDobMissRate: WITH_DOB.includes(source) && links > 0 ? round(1 - (this.exact.get(source) ?? 0) / links) : null,
      };
    }
    return { ...base, sources };
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
