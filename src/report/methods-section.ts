import { esc, formatNumber, formatPercent } from './html.ts';
import { methodLabel } from './measure-labels.ts';
import { dollarBasis } from '../outcomes/real-dollars.ts';
import type { ReportInput } from './report-input.ts';

/*
 * The methods section is written from the parameters the run actually used, so that it cannot
 * drift from the numbers above it. Citations are plain text: the report links to nothing.
 */

type Params = Record<string, unknown>;

const get = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Params)[key] : undefined), obj);

const show = (value: unknown, fallback = 'the default'): string => {
  if (value === undefined || value === null) return fallback;
  if (Array.isArray(value)) return value.map((v) => show(v)).join(', ');
  return typeof value === 'number' ? formatNumber(value) : String(value);
};

/** The comparison levels the fitted model used (model.json), else the job's, else none named. */
function levelsText(input: ReportInput): string | undefined {
  const levels = input.linkage.model?.sourcePairs[0]?.levels ?? (Array.isArray(input.parameters.linkage.levels) ? (input.parameters.linkage.levels as unknown[]).map(String) : undefined);
  return levels && levels.length > 0 ? levels.join(', ') : undefined;
}

function linkageParagraph(input: ReportInput): string {
  const { summary } = input.linkage;
  const sources = input.extracts.map((e) => `${e.source} (${e.role}, ${formatNumber(e.persons)} persons)`).join('; ');
  const levels = levelsText(input);
  const method =
    summary.method === 'threshold'
      ? `linked when the Dice coefficient of their record-level filters was at least ${show(summary.diceThreshold)} (a baseline without a probabilistic model)`
      : `scored with a Fellegi-Sunter model: per field, the Dice coefficient of the field filters fell into one of the comparison levels ${levels ? `(${levels})` : 'of the schema'}; u-probabilities were estimated from random pairs and m-probabilities and the match prior by expectation-maximisation; pairs with a match probability of at least ${summary.threshold === 'auto' ? `the threshold of best expected F1 for each pair of sources (${summary.sourcePairs.map((p) => p.threshold).join(', ')})` : show(summary.threshold)} were linked, one-to-one where a source is duplicate-free`;
  const spine = summary.spine ? ` Persons were clustered through the population spine (the extract of source “${esc(summary.spine)}”).` : ' Persons were clustered by the links between sources.';
  return `<p>Each data holder normalised its identifiers and encoded them as keyed Bloom filters with a secret the linker does not hold (Schnell, Bachteler and Reiher 2009). The linker received ${input.extracts.length} extracts: ${esc(sources)}. Candidate pairs were found by keyed blocking keys and locality-sensitive hashing, then ${esc(method)} (Fellegi and Sunter 1969).${spine} The seed of every random step is derived from the schema (${esc(summary.seed.slice(0, 16))}…), so a rerun gives the same links.</p>`;
}

/** Which credentials' effects used which method, from the roi table's method cells. */
function methodsUsed(input: ReportInput): string {
  const byMethod = new Map<string, string[]>();
  for (const c of input.tables.find((t) => t.name === 'roi')?.cells ?? []) {
    if (c.measure !== 'method' || c.dims.cohort !== 'all' || c.status === 'suppressed' || !c.note) continue;
    byMethod.set(c.note, [...(byMethod.get(c.note) ?? []), String(c.dims.credential)]);
  }
  if (byMethod.size === 0) return '';
  const parts = [...byMethod.entries()].map(([m, codes]) => `${m} (${methodLabel(m)}) for ${codes.join(', ')}`);
  return ` In this run the premium of each credential used: ${parts.join('; ')}.`;
}

/** Real (the deflator and base year) or nominal dollars, as the run's configuration set them. */
function dollarsSentence(o: unknown): string {
  const cpi = get(o, 'cpi.name');
  const basis = dollarBasis(get(o, 'dollars') === 'nominal' ? 'nominal' : 'real', Number(get(o, 'baseYear') ?? 2024), typeof cpi === 'string' ? { name: cpi } : undefined);
  if (basis.dollars === 'nominal') return 'Earnings are UI-covered wages summed over employers, in nominal dollars of each quarter: not deflated (the configuration set dollars to nominal), so figures of different years are not comparable in purchasing power.';
  return `Earnings are UI-covered wages summed over employers, in real ${basis.baseYear} dollars: nominal wages x CPI(${basis.baseYear}) / CPI(year), deflator ${basis.deflator}. Setting dollars to nominal in the outcomes configuration leaves them undeflated.`;
}

function outcomesParagraph(input: ReportInput): string {
  const o = input.parameters.outcomes;
  const configured = get(o, 'comparison.method');
  const comparison = configured === 'pre-post'
    ? 'The job asked for no comparison group: effects are pre/post changes of holders, not causal.'
    : `The comparison group are candidates who failed their first attempt and had not yet passed (did); where they are fewer than ${show(get(o, 'comparison.minArm'))}, people who earn the same credential later and are not yet treated (did_nyt, staggered adoption: Callaway and Sant'Anna 2021); where those are too few as well, non-holders from the wage records matched on pre-award earnings level and trend, quarters employed, industry sector and calendar quarter (coarsened exact matching, did_matched). Every effect cell names its method. Difference-in-differences compare mean per-person changes from the pre-award quarters −4..−1; when no arm is large enough the figure falls back to the holders' own pre/post change (pre_post), labelled as such and not causal.`;
  const rate = get(o, 'roi.discountRate');
  return `<p>${esc(dollarsSentence(o))} Event time counts quarters from the award quarter. Employment and retention follow the WIOA performance indicators (employment in the 2nd and 4th quarter after the award; retention with the same employer in the 2nd and 4th quarter). Annual earnings percentiles follow the Census Bureau's Post-Secondary Employment Outcomes (PSEO): workers attached to the labour market that year. ${esc(comparison)}${esc(methodsUsed(input))} Return on investment discounts effects at ${typeof rate === 'number' ? formatPercent(rate, 1) : 'the default rate'} a year (real) over horizons of ${show(get(o, 'roi.horizonsYears'))} years against the credential's cost in the catalog; breakeven is the first quarter the cumulative discounted effect covers the cost.</p>`;
}

function dpSentence(epsilon: unknown): string {
  return typeof epsilon === 'number'
    ? ` Differential privacy was on: counts carry two-sided geometric noise and percentiles come from noisy histograms, with a total budget of epsilon = ${formatNumber(epsilon)} over all released cells (noisy cells are marked).`
    : ' Differential privacy was off: rounding and suppression protect small cells, but two releases on cohorts differing by one person can still be compared.';
}

function disclosureParagraph(input: ReportInput): string {
  const d = input.parameters.disclosure;
  return `<p>Only aggregate cells leave the linker. A count or rate cell describing fewer than ${show(d.minCell)} persons is suppressed, as is an earnings statistic behind fewer than ${show(d.minPercentileCell)} persons; cells that could be recovered from a published total are suppressed too (complementary suppression). Counts are rounded to a multiple of ${show(d.roundingBase)}, dollars to multiples of $${show(d.dollarRounding)}, rates to ${show(d.rateDecimals)} decimals. Employer-based cells need at least ${show(d.minEmployers)} employers and no employer holding more than ${typeof d.maxEmployerShare === 'number' ? formatPercent(d.maxEmployerShare, 0) : 'the default share'} of the cell (dominance rule). Percentiles are never one person's value.${dpSentence(d.epsilon)}</p>`;
}

export function methodsSection(input: ReportInput): string {
  return `<section id="methods">
<h2>Methods</h2>
${linkageParagraph(input)}
${outcomesParagraph(input)}
${disclosureParagraph(input)}
<p class="note">Job ${esc(input.jobName)} (SHA-256 ${esc(input.jobSha256.slice(0, 16))}...), credlink ${esc(input.toolVersion)}. The run manifest lists every parameter and the checksum of each input.</p>
<p class="note">References: I. P. Fellegi and A. B. Sunter (1969), A theory for record linkage, Journal of the American Statistical Association 64(328). R. Schnell, T. Bachteler and J. Reiher (2009), Privacy-preserving record linkage using Bloom filters, BMC Medical Informatics and Decision Making 9:41. U.S. Department of Labor, WIOA performance indicators (TEGL 10-16).</p>
</section>`;
}
