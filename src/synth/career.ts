import { quarterStart, type Calendar } from './calendar.ts';
import { CredentialPath } from './credential-path.ts';
import { pickEmployer, type Employer, type EmployerPool } from './employers.ts';
import { pickSector, type Sector } from './industries.ts';
import type { Person } from './person.ts';
import type { Rng } from './prng.ts';
import type { WorldKnobs } from './synth-config.ts';

export interface JobSpell {
  employer: Employer;
  startQuarter: number;
  /** Share of full-time hours. */
  hours: number;
}

export interface WageQuarter {
  quarter: number;
  spell: JobSpell;
  wages: number;
}

export interface Career {
  spells: JobSpell[];
  wages: WageQuarter[];
  path: CredentialPath;
  /** First quarter the person lives out of state (no wage records from then on). */
  movedOutQuarter?: number;
}

export interface CareerContext {
  cal: Calendar;
  pool: EmployerPool;
  knobs: WorldKnobs;
}

/*
 * Log quarterly earnings = base + sector + employer + 0.3 * ability + age profile + credential
 * effects + nominal growth + own growth x (quarter - mid-window) + noise. Credentials change earnings only, never job moves or
 * employment, so the effect in truth/effects.json is the whole causal effect on earnings.
 */
const BASE_LOG_EARNINGS = 8.75;
const NOMINAL_GROWTH_PER_QUARTER = 0.006;

function ageProfile(age: number): number {
  const years = Math.max(0, age - 18);
  return 0.05 * years - 0.0009 * years * years;
}

function startSpell(rng: Rng, ctx: CareerContext, sector: Sector, q: number): JobSpell {
  return { employer: pickEmployer(rng, ctx.pool, sector), startQuarter: q, hours: rng.chance(0.8) ? 1 : 0.35 + rng.next() * 0.35 };
}

/**
 * exp(s z - s^2 / 2) for growth z sds above the mean: people on steeper paths seek credentials
 * more, while the population's mean hazard stays what credentialPropensity says.
 */
export function growthSelectionFactor(growth: number, knobs: Pick<WorldKnobs, 'earningsGrowthSd' | 'growthSelection'>): number {
  if (knobs.earningsGrowthSd === 0) return 1;
  const s = knobs.growthSelection;
  return Math.exp((s * growth) / knobs.earningsGrowthSd - (s * s) / 2);
}

export function simulateCareer(rng: Rng, person: Person, ctx: CareerContext): Career {
  const { cal, knobs } = ctx;
  const path = new CredentialPath(cal, knobs.credentialPropensity * growthSelectionFactor(person.growth, knobs));
  const career: Career = { spells: [], wages: [], path };
  const ageAt = (q: number) => (quarterStart(cal, q) - person.dob) / 365.25;
  const startAge = ageAt(0);
  const employedShare = startAge < 20 ? 0.45 : startAge < 55 ? 0.78 : 0.6;
  let sector = pickSector(rng, person.sex);
  let spell: JobSpell | undefined = rng.chance(employedShare) ? startSpell(rng, ctx, sector, -1 - rng.int(20)) : undefined;
  if (spell) career.spells.push(spell);

  const pay = (q: number, job: JobSpell, share: number) => {
    if (career.movedOutQuarter !== undefined) return;
    const logWage = BASE_LOG_EARNINGS + job.employer.sector.premium + job.employer.premium + 0.3 * person.ability + ageProfile(ageAt(q)) + path.effectByQuarter[q] + NOMINAL_GROWTH_PER_QUARTER * q + person.growth * (q - cal.quarters / 2) + 0.07 * rng.normal();
    career.wages.push({ quarter: q, spell: job, wages: Math.round(Math.exp(logWage) * job.hours * share * 100) / 100 });
  };

  for (let q = 0; q < cal.quarters; q += 1) {
    const age = ageAt(q);
    if (career.movedOutQuarter === undefined && rng.chance(knobs.moveOutRatePerQuarter)) career.movedOutQuarter = q;
    if (spell) {
      const separation = 0.045 + (age < 25 ? 0.04 : 0) + (age > 62 ? 0.08 : 0);
      const jobToJob = 0.03 + (age < 30 ? 0.02 : 0);
      const u = rng.next();
      if (u < separation + jobToJob) {
        const share = 0.1 + 0.8 * rng.next();
        pay(q, spell, share);
        spell = undefined;
        if (u >= separation) {
          // Most job changers stay in their industry; the rest move to another.
          if (!rng.chance(0.7)) sector = pickSector(rng, person.sex);
          spell = startSpell(rng, ctx, sector, q);
          career.spells.push(spell);
          pay(q, spell, 1 - share + 0.1);
        }
      } else {
        pay(q, spell, 1);
      }
    } else {
      const reemployment = age > 62 ? 0.05 : age < 18 ? 0.1 : 0.3;
      if (rng.chance(reemployment)) {
        if (rng.chance(0.4)) sector = pickSector(rng, person.sex);
        spell = startSpell(rng, ctx, sector, q);
        career.spells.push(spell);
        pay(q, spell, 0.2 + 0.7 * rng.next());
      }
    }
    path.step(rng, q, age, person.ability, person.sex, sector.id, spell !== undefined);
  }
  return career;
}
