import { dayOf, partsOf, quarterOfDay, quarterStart, type Calendar, type Day } from './calendar.ts';
import { CREDENTIALS, type Family, type SynthCredential } from './catalog.ts';
import { enroll, pickCollege, PROGRAMS, type Enrollment } from './education.ts';
import type { Rng } from './prng.ts';

export interface ExamAttempt {
  credential: SynthCredential;
  examDay: Day;
  attempt: number;
  pass: boolean;
  awardDay?: Day;
  expiryDay?: Day;
}

interface Pathway {
  credential: SynthCredential;
  examQuarter: number;
  attempts: number;
}

/** Quarterly chance of starting toward a credential of each family, by the sector one works (or last worked) in. */
function familyHazard(family: Family, sector: string | undefined, sex: string): number {
  if (family === 'it') return sector === 'it' ? 0.015 : sector === 'professional' || sector === 'finance' ? 0.004 : 0.0015;
  if (family === 'nursing') {
    const base = sector === 'health' ? 0.012 : sector === 'food' || sector === 'retail' || sector === 'staffing' ? 0.003 : 0.0008;
    return sex === 'f' ? base : base * 0.4;
  }
  const base = sector === 'construction' || sector === 'manufacturing' ? 0.012 : sector === 'transport' || sector === 'staffing' ? 0.004 : 0.001;
  return sex === 'm' ? base : base * 0.3;
}

/** Which credential comes next in a family: its prerequisites held, itself not yet. */
function nextCredential(rng: Rng, family: Family, held: Set<string>, sector: string | undefined): SynthCredential | undefined {
  const options = CREDENTIALS.filter((c) => c.family === family && !held.has(c.code) && c.requires.every((r) => held.has(r)));
  if (options.length === 0) return undefined;
  const weight = (c: SynthCredential) =>
    c.code === 'DS-ITF' ? 0.3 : c.code === 'ST-FORK' ? (sector === 'transport' ? 2 : 0.4) : c.code === 'ST-HVAC' ? (sector === 'construction' ? 1.2 : 0.3) : c.code === 'RN' ? 0.35 : 1;
  const total = options.reduce((sum, c) => sum + weight(c), 0);
  let target = rng.next() * total;
  for (const c of options) {
    target -= weight(c);
    if (target < 0) return c;
  }
  return options[options.length - 1];
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Exams, retakes and stacking of one person, one quarter at a time. Passing depends on ability,
 * which also raises earnings: holders out-earn failed candidates before the exam too, so only
 * designs that difference out the person effect recover the true effect.
 */
export class CredentialPath {
  readonly exams: ExamAttempt[] = [];
  readonly enrollments: Enrollment[] = [];
  /** Log earnings effect per quarter (cumulative over the credentials awarded before it). */
  readonly effectByQuarter: Float64Array;
  private readonly held = new Set<string>();
  private pathway?: Pathway;
  private stackUntil = -1;
  private stackFamily?: Family;

  constructor(private readonly cal: Calendar, private readonly propensity: number) {
    this.effectByQuarter = new Float64Array(cal.quarters);
  }

  step(rng: Rng, q: number, age: number, ability: number, sex: string, sector: string | undefined, employed: boolean): void {
    if (this.pathway) {
      if (q >= this.pathway.examQuarter) this.attempt(rng, q, ability);
      return;
    }
    if (age < 18 || age > 56) return;
    for (const family of ['it', 'nursing', 'trades'] as Family[]) {
      let hazard = familyHazard(family, sector, sex) * this.propensity * (employed ? 1 : 1.5);
      if (family === this.stackFamily && q <= this.stackUntil) hazard = Math.max(hazard * 6, 0.1);
      if (!rng.chance(hazard)) continue;
      const credential = nextCredential(rng, family, this.held, sector);
      // Some sit the exam in the quarter they decide to; the rest a quarter later.
      if (credential && this.begin(rng, q, credential) === q) this.attempt(rng, q, ability);
      return;
    }
  }

  /** Starts a pathway; returns the quarter of its first exam, if there will be one. */
  private begin(rng: Rng, q: number, credential: SynthCredential): number | undefined {
    const program = credential.code === 'LPN' ? PROGRAMS.practicalNursing : credential.code === 'RN' ? PROGRAMS.nursingAssociate : undefined;
    if (!program) {
      this.pathway = { credential, examQuarter: q + (rng.chance(0.5) ? 0 : 1), attempts: 0 };
      return this.pathway.examQuarter;
    }
    // Licensure exams need a completed program; a quarter of the students never finish.
    const enrollment = enroll(rng, pickCollege(rng, true), program, quarterStart(this.cal, q), rng.chance(0.75));
    this.enrollments.push(enrollment);
    if (enrollment.graduation === undefined) return undefined;
    this.pathway = { credential, examQuarter: quarterOfDay(this.cal, enrollment.graduation) + rng.between(0, 1), attempts: 0 };
    return this.pathway.examQuarter;
  }

  private attempt(rng: Rng, q: number, ability: number): void {
    const pathway = this.pathway!;
    const { credential } = pathway;
    pathway.attempts += 1;
    const examDay = quarterStart(this.cal, q) + rng.int(88);
    const pass = rng.chance(logistic(credential.passLogit + ability + 0.3 * (pathway.attempts - 1)));
    const exam: ExamAttempt = { credential, examDay, attempt: pathway.attempts, pass };
    this.exams.push(exam);
    if (pass) {
      exam.awardDay = examDay + (credential.type === 'license' ? rng.between(14, 60) : rng.between(0, 21));
      const award = partsOf(exam.awardDay);
      exam.expiryDay = dayOf(award.year + credential.validYears, award.month, Math.min(award.day, 28));
      this.held.add(credential.code);
      // The effect starts in the first whole quarter after the award.
      for (let t = quarterOfDay(this.cal, exam.awardDay) + 1; t < this.cal.quarters; t += 1) this.effectByQuarter[t] += credential.earningsEffect;
      this.pathway = undefined;
      this.stackFamily = credential.family;
      this.stackUntil = q + 12;
    } else if (pathway.attempts < 3 && rng.chance(0.6)) {
      pathway.examQuarter = q + rng.between(1, 3);
    } else {
      this.pathway = undefined;
    }
  }
}
