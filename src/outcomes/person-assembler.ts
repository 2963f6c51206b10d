import type { PayloadValue } from '../extract/extract-types.ts';
import type { SourceRole } from '../schema/source-mapping.ts';
import type { Enrollment, ExamRecord, OutcomePerson, WageQuarter } from './outcome-person.ts';
import { quarterIndex } from './outcome-person.ts';
import { ComparisonPool } from './comparison-pool.ts';

/** One line of a linkage's clusters.csv. */
export interface ClusterMember {
  clusterId: string;
  source: string;
  pseudonym: string;
}

type Values = Record<string, PayloadValue>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (v: PayloadValue | undefined) => (v === null || v === undefined || v === '' ? undefined : String(v));
const date = (v: PayloadValue | undefined) => {
  const t = text(v);
  return t !== undefined && DATE.test(t) ? t : undefined;
};

/** Payload names per role are the contract of docs/architecture.md. */
export function examRecordOf(v: Values): ExamRecord | undefined {
  const credential = text(v.credential);
  const examDate = date(v.exam_date);
  const result = text(v.result)?.toLowerCase();
  if (!credential || !examDate || (result !== 'pass' && result !== 'fail')) return undefined;
  const awardDate = result === 'pass' ? (date(v.award_date) ?? examDate) : undefined;
  return { credential, examDate, result, awardDate };
}

export function wageQuarterOf(v: Values): WageQuarter | undefined {
  const year = Number(v.year);
  const quarter = Number(v.quarter);
  const wages = Number(v.wages);
  const employerId = text(v.employer_id);
  if (!Number.isInteger(year) || !Number.isInteger(quarter) || quarter < 1 || quarter > 4 || !Number.isFinite(wages) || !employerId) return undefined;
  return { quarter: quarterIndex(year, quarter), employerId, wages };
}

export function enrollmentOf(v: Values): Enrollment {
  return {
    collegeCode: text(v.college_code),
    enrollmentBegin: date(v.enrollment_begin),
    enrollmentEnd: date(v.enrollment_end),
    degreeLevel: text(v.degree_level)?.toLowerCase(),
    graduationDate: date(v.graduation_date),
  };
}

/**
 * Builds OutcomePerson values from a linkage's clusters and the payload rows of the extracts.
 * A roster record outside every cluster is a person of its own (the linker found no match, so
 * their wages are unknown to us: that is the linkage error the tables report beside them);
 * wage or education rows outside every cluster belong to no credential holder and are dropped.
 */
export class PersonAssembler {
  private readonly clusterOf = new Map<string, number>();
  private readonly people: OutcomePerson[] = [];
  private readonly unlinkedRoster = new Map<string, number>();
  /** Wage records of clusters without a roster record (non-holders): cluster id, for the comparison pool. */
  private readonly nonHolderCluster = new Map<string, string>();
  private readonly pool: ComparisonPool;
  readonly skipped = { roster: 0, wages: 0, education: 0 };

  /**
   * Only clusters with a record of a roster source matter: everyone else holds no credential.
   * With a `spineSource`, a person is in the population when their cluster holds a spine record,
   * or, failing that, a record of one of `wageSources` (a direct roster-wage link: the wage file
   * knows them though the spine does not). `directlyLinked` (source NUL pseudonym): the roster
   * records a direct roster-wage pair linked; a cluster whose roster records all came that way
   * was found by the direct path even when it holds a spine record (their spine link failed).
   */
  constructor(members: readonly ClusterMember[], rosterSources: ReadonlySet<string>, private readonly spineSource?: string, poolSize = 0, wageSources: ReadonlySet<string> = new Set(), directlyLinked: ReadonlySet<string> = new Set()) {
    const withRoster = new Set(members.filter((m) => rosterSources.has(m.source)).map((m) => m.clusterId));
    const withSpine = new Set(members.filter((m) => m.source === spineSource).map((m) => m.clusterId));
    const withWages = new Set(members.filter((m) => wageSources.has(m.source)).map((m) => m.clusterId));
    const throughSpine = new Set(members.filter((m) => rosterSources.has(m.source) && withSpine.has(m.clusterId) && !directlyLinked.has(`${m.source}\u0000${m.pseudonym}`)).map((m) => m.clusterId));
    const found = (cluster: string): Partial<OutcomePerson> => {
      if (!spineSource) return {};
      if (throughSpine.has(cluster)) return { inPopulation: true, foundBy: 'spine' };
      return withSpine.has(cluster) || withWages.has(cluster) ? { inPopulation: true, foundBy: 'direct' } : { inPopulation: false };
    };
    const index = new Map<string, number>();
    this.pool = new ComparisonPool(poolSize);
    for (const m of members) {
      if (!withRoster.has(m.clusterId)) {
        // Non-holders in the population (with a spine: found in it) may enter the comparison pool.
        if (poolSize > 0 && (!spineSource || withSpine.has(m.clusterId))) this.nonHolderCluster.set(`${m.source}\u0000${m.pseudonym}`, m.clusterId);
        continue;
      }
      let i = index.get(m.clusterId);
      if (i === undefined) {
        i = this.people.length;
        index.set(m.clusterId, i);
        this.people.push({ credentials: [], wages: [], education: [], ...found(m.clusterId) });
      }
      this.clusterOf.set(`${m.source}\u0000${m.pseudonym}`, i);
    }
  }

  private personFor(source: string, pseudonym: string, role: SourceRole): OutcomePerson | undefined {
    const i = this.clusterOf.get(`${source}\u0000${pseudonym}`);
    if (i !== undefined) return this.people[i];
    if (role !== 'roster') return undefined;
    let j = this.unlinkedRoster.get(`${source}\u0000${pseudonym}`);
    if (j === undefined) {
      j = this.people.length;
      this.unlinkedRoster.set(`${source}\u0000${pseudonym}`, j);
      this.people.push({ credentials: [], wages: [], education: [], ...(this.spineSource ? { inPopulation: false } : {}) });
    }
    return this.people[j];
  }

  add(source: string, role: SourceRole, pseudonym: string, values: Values): void {
    if (role === 'spine') return;
    const person = this.personFor(source, pseudonym, role);
    if (!person) {
      const cluster = role === 'wages' ? this.nonHolderCluster.get(`${source}\u0000${pseudonym}`) : undefined;
      const wage = cluster === undefined ? undefined : wageQuarterOf(values);
      if (wage) this.pool.add(cluster!, wage);
      return;
    }
    if (role === 'roster') {
      const exam = examRecordOf(values);
      if (exam) person.credentials.push(exam);
      else this.skipped.roster += 1;
    } else if (role === 'wages') {
      const wage = wageQuarterOf(values);
      if (wage) person.wages.push(wage);
      else this.skipped.wages += 1;
    } else {
      person.education.push(enrollmentOf(values));
    }
  }

  /** Wage rows of the sampled non-holders (the matched comparison's pool). */
  comparisonPool(): WageQuarter[][] {
    return this.pool.histories();
  }

  /** People with any data (clusters of only spine records are dropped). */
  persons(): OutcomePerson[] {
    return this.people.filter((p) => p.credentials.length || p.wages.length || p.education.length);
  }
}
