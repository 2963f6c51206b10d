import type { DisclosurePolicy } from '../disclosure/disclosure-policy.ts';
import type { ReadinessEstimate, ScenarioEstimate } from './readiness-estimate.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const LABELS: Record<string, string> = { dob: 'birth date', middle_name: 'middle name', postcode: 'ZIP', ssn: 'SSN last four', phone: 'phone' };

function scenarioLine(s: ScenarioEstimate, base: ScenarioEstimate): string {
  const name = s.added ? `+ ${LABELS[s.added] ?? s.added}` : 'today';
  const gain = s.added ? ` (${s.wages.linkShare >= base.wages.linkShare ? '+' : ''}${((s.wages.linkShare - base.wages.linkShare) * 100).toFixed(1)} pts)` : '';
  const need = (n: number | null) => (n === null ? 'n/a' : String(n));
  return `  ${name.padEnd(16)} ${pct(s.wages.linkShare).padStart(6)}${gain.padEnd(12)} ${pct(s.wages.precision).padStart(6)}   ${pct(s.education.linkShare).padStart(6)} ${pct(s.education.precision).padStart(6)}   ${need(s.holdersNeeded.rates).padStart(5)} ${need(s.holdersNeeded.earnings).padStart(8)}`;
}

/** The readiness report as text: one line per scenario, then what to do and the assumptions. */
export function formatReadiness(estimate: ReadinessEstimate, rosterFile: string, holders: number, policy: DisclosurePolicy): string {
  const [base] = estimate.scenarios;
  const lines = [
    `Linkage readiness of ${rosterFile} (${holders} rows): simulated with ${estimate.holdersSimulated} exam takers in a synthetic population of ${estimate.persons}`,
    `Fields today: ${base.fields.join(', ')}`,
    '',
    '                   linked to wages      precision   linked to education   holders needed per credential x cohort',
    `  scenario         share               wages       share  precision      rates (>=${policy.minCell}) earnings (>=${policy.minPercentileCell})`,
    ...estimate.scenarios.map((s) => scenarioLine(s, base)),
    '',
    `Among wage-linked holders, ${pct(base.employedShare)} of quarters have earnings (used for "holders needed").`,
  ];
  if (estimate.bestAddition) lines.push(`Collecting ${LABELS[estimate.bestAddition] ?? estimate.bestAddition} gains the most correct wage links.`);
  else lines.push('No single added field raises the share of correct wage links in this simulation.');
  const needed = base.holdersNeeded.earnings;
  if (needed !== null) lines.push(`A credential with fewer than ${needed} holders in a cohort will have its earnings suppressed: pool award years into wider cohorts.`);
  for (const note of estimate.notes) lines.push(`Note (${note.code}): ${note.detail}.`);
  lines.push('Estimates carry simulation noise of a few points; docs/readiness.md lists the assumptions.');
  return `${lines.join('\n')}\n`;
}
