/**
 * The effect estimates of `computeOutcomeTables` on a synthetic world's true people (perfect
 * links: the design's bias alone, no linkage error) against the world's true effects.
 * usage: npx tsx scripts/effects-vs-truth.ts WORLD_DIR [--variants default,matched,matched-level,nyt] [--passers-only SOURCES] [--json]
 * (default: the configured cascade; anticipation-4/-6: it with 4 or 6 anticipation quarters; matched: always matched non-holders on level and trend;
 * matched-level: matched on levels only, the design of issue #14; nyt: always later holders.)
 * Rosters in the world's passersOnlyRosters (or --passers-only, comma-separated) lose their failed exams, as in the roster files.
 * The true premium of a credential in dollars is (1 - exp(-effect)) x the holders' mean real
 * earnings over +1..+12 (the share of their earnings the credential caused).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { computeOutcomeTables } from '../src/outcomes/compute-outcome-tables.ts';
import { outcomesConfigSchema, type OutcomesConfig } from '../src/outcomes/outcomes-config.ts';
import { quarterIndex, type CatalogCredential, type Employer, type ExamRecord, type OutcomePerson, type WageQuarter } from '../src/outcomes/outcome-person.ts';
import { CREDENTIAL_BY_CODE, issuerSource } from '../src/synth/catalog.ts';

const args = process.argv.slice(2);
const world = args[0];
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const rows = (file: string) => parseSync(readFileSync(join(world, file), 'utf8'), { columns: true }) as Array<Record<string, string>>;
const digits = (s: string) => s.replace(/\D/g, '');

const effects = JSON.parse(readFileSync(join(world, 'truth/effects.json'), 'utf8')).credentials as Record<string, { earningsEffect: number }>;

async function main(): Promise<void> {
  const synthConfig = JSON.parse(readFileSync(join(world, 'synth-config.json'), 'utf8'));
  // --passers-only techcert,nurseboard,tradecert: every roster without failers (as most licensing boards).
  const passersOnly: string[] = option('--passers-only')?.split(',') ?? synthConfig.world.passersOnlyRosters ?? [];
  const people = rows('truth/people.csv');
  const bySsn = new Map<string, OutcomePerson>();
  const byId = new Map<string, OutcomePerson>();
  for (const p of people) {
    const person: OutcomePerson = { credentials: [], wages: [], education: [] };
    byId.set(p.person_id, person);
    bySsn.set(digits(p.ssn), person);
  }
  for (const e of rows('truth/exams.csv')) {
    const credential = CREDENTIAL_BY_CODE.get(e.credential)!;
    if (e.result === 'fail' && passersOnly.includes(issuerSource(credential))) continue;
    const exam: ExamRecord = { credential: e.credential, examDate: e.exam_date, result: e.result as 'pass' | 'fail', awardDate: e.award_date || undefined };
    byId.get(e.person_id)!.credentials.push(exam);
  }
  const wageRows = createReadStream(join(world, 'wages.csv')).pipe(parse({ columns: true }));
  for await (const w of wageRows as AsyncIterable<Record<string, string>>) {
    const wage: WageQuarter = { quarter: quarterIndex(Number(w.YEAR), Number(w.QTR)), employerId: w.EMPLOYER_ACCT, wages: Number(w.WAGES) };
    bySsn.get(digits(w.SSN))?.wages.push(wage);
  }
  const persons = [...byId.values()];
  const nonHolders = persons.filter((p) => !p.credentials.some((c) => c.result === 'pass'));
  const base = JSON.parse(readFileSync(new URL('../fixtures/outcomes.json', import.meta.url), 'utf8'));
  const catalog = JSON.parse(readFileSync(join(world, 'catalog.json'), 'utf8')).credentials;
  const employers = rows('employers.csv').map((e) => ({ employerId: e.employer_id, naics: e.naics, county: e.county }));
  const variants: Record<string, object> = {
    default: {},
    matched: { method: 'matched-non-holders' },
    'matched-level': { method: 'matched-non-holders', matchOnTrend: false },
    nyt: { method: 'not-yet-treated' },
    // The default cascade with a longer anticipation window for later holders (their pre-exam dip).
    'anticipation-4': { anticipationQuarters: 4 },
    'anticipation-6': { anticipationQuarters: 6 },
  };
  const results: Record<string, unknown> = {};
  for (const variant of (option('--variants') ?? 'default').split(',')) {
    const config = outcomesConfigSchema.parse({ ...base, catalog, employers: undefined, cohorts: [], comparison: { ...base.comparison, ...variants[variant] } });
    results[variant] = estimates(config, persons, nonHolders, catalog, employers);
  }
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return;
  }
  for (const [variant, out] of Object.entries(results) as Array<[string, Row[]]>) {
    console.log(`\n## ${variant}\ncredential | method | premium $ | true $ | se_max | (est-true)/se | significant | pretrend_ok (max |t|) | treated at +4`);
    for (const r of out) console.log(`${r.credential} | ${r.method} | ${r.premium ?? '(s)'} | ${r.truePremium ?? '-'} | ${r.seMax ?? '-'} | ${r.errorInSe ?? '-'} | ${r.significant ?? '-'} | ${r.pretrendOk ?? '-'} (${r.pretrendMaxT ?? '-'}) | ${r.holdersTreatedAt4 ?? '-'}`);
  }
}

type Row = ReturnType<typeof estimates>[number];

function estimates(config: OutcomesConfig, persons: OutcomePerson[], nonHolders: OutcomePerson[], catalog: CatalogCredential[], employers: Employer[]) {
  const poolSize = config.comparison.poolSize;
  const pool = nonHolders.slice(0, poolSize).map((p) => p.wages);
  const { tables } = computeOutcomeTables({ persons, comparisonPool: pool, catalog, employers }, config);
  const cell = (table: string, match: Record<string, string | number>) =>
    tables.find((t) => t.name === table)?.cells.find((c) => Object.entries(match).every(([k, v]) => (k === 'measure' ? c.measure === v : c.dims[k] === v)));
  const out = [];
  for (const credential of Object.keys(effects)) {
    const premium = cell('roi', { credential, cohort: 'all', measure: 'premium_per_quarter' });
    const se = cell('roi', { credential, cohort: 'all', measure: 'premium_se_max' })?.value ?? null;
    const post = Array.from({ length: 12 }, (_, i) => cell('trajectory', { credential, cohort: 'all', event_quarter: i + 1, measure: 'mean' })?.value ?? null).filter((v): v is number => v !== null);
    const truth = post.length ? (1 - Math.exp(-effects[credential].earningsEffect)) * (post.reduce((a, b) => a + b, 0) / post.length) : null;
    const value = premium?.status === 'suppressed' ? null : (premium?.value ?? null);
    out.push({
      credential,
      method: premium?.note ?? '(s)',
      premium: value,
      truePremium: truth === null ? null : Math.round(truth),
      seMax: se,
      errorInSe: value !== null && truth !== null && se ? Math.round(((value - truth) / se) * 100) / 100 : null,
      significant: cell('roi', { credential, cohort: 'all', measure: 'significant' })?.value ?? null,
      pretrendOk: cell('pretrend', { credential, cohort: 'all', measure: 'pretrend_ok' })?.value ?? null,
      pretrendMaxT: cell('pretrend', { credential, cohort: 'all', measure: 'pretrend_max_abs_t' })?.value ?? null,
      holdersTreatedAt4: cell('comparison', { credential, cohort: 'all', event_quarter: 4, measure: 'treated_n' })?.value ?? null,
      trueEffect: effects[credential].earningsEffect,
    });
  }
  return out;
}

await main();
