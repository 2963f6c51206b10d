import { GIVEN_NAMES, NICKNAMES } from './given-name-tables.ts';
import { weightedTable, sampleWeighted, type Rng, type WeightedTable } from './prng.ts';
import { SURNAMES, TAIL_SYLLABLES, type Group } from './surname-tables.ts';

export type { Group };

export const GROUP_SHARES: Array<readonly [Group, number]> = [
  ['white', 0.58],
  ['hispanic', 0.19],
  ['black', 0.13],
  ['asian', 0.07],
  ['other', 0.03],
];

const groupTable = weightedTable(GROUP_SHARES);
const surnameTables = new Map<Group, WeightedTable<string>>(
  (Object.keys(SURNAMES) as Group[]).map((g) => [g, weightedTable(SURNAMES[g])]),
);
const givenTables = new Map<string, WeightedTable<string>>(
  (Object.keys(GIVEN_NAMES) as Group[]).flatMap((g) => [
    [`${g}:f`, weightedTable(GIVEN_NAMES[g].f)] as const,
    [`${g}:m`, weightedTable(GIVEN_NAMES[g].m)] as const,
  ]),
);

/*
 * Share of people whose surname is outside the listed ones: in the US the most common thousand
 * surnames cover only about 60% of people, so a long tail of rare names is generated.
 */
const TAIL_SHARE: Record<Group, number> = { white: 0.72, hispanic: 0.6, black: 0.68, asian: 0.6, other: 0.8 };

export function pickGroup(rng: Rng): Group {
  return sampleWeighted(rng, groupTable);
}

function tailSurname(rng: Rng, group: Group): string {
  const { start, middle, end } = TAIL_SYLLABLES[group === 'hispanic' ? 'hispanic' : group === 'asian' ? 'asian' : 'anglo'];
  return `${rng.pick(start)}${rng.pick(middle)}${rng.pick(end)}`;
}

export function pickSurname(rng: Rng, group: Group): string {
  if (rng.chance(TAIL_SHARE[group])) return tailSurname(rng, group);
  const name = sampleWeighted(rng, surnameTables.get(group)!);
  // Hispanic double surnames (father's and mother's) and hyphenated names from either tradition.
  if (group === 'hispanic' && rng.chance(0.08)) return `${name} ${sampleWeighted(rng, surnameTables.get('hispanic')!)}`;
  if (rng.chance(0.015)) return `${name}-${pickSurname(rng, group)}`;
  return name;
}

export function pickGivenName(rng: Rng, group: Group, sex: 'f' | 'm'): string {
  return sampleWeighted(rng, givenTables.get(`${group}:${sex}`)!);
}

export function nicknameOf(rng: Rng, first: string): string | undefined {
  const options = NICKNAMES[first];
  return options ? rng.pick(options) : undefined;
}

export function pickSuffix(rng: Rng, sex: 'f' | 'm'): string {
  if (sex !== 'm') return '';
  const u = rng.next();
  if (u < 0.02) return 'Jr';
  if (u < 0.025) return 'III';
  if (u < 0.028) return 'II';
  if (u < 0.03) return 'Sr';
  return '';
}

const EMAIL_DOMAINS = weightedTable([
  ['gmail.com', 45], ['yahoo.com', 14], ['hotmail.com', 8], ['outlook.com', 8], ['icloud.com', 7],
  ['aol.com', 3], ['comcast.net', 3], ['att.net', 2], ['protonmail.com', 1], ['mail.com', 1],
] as const);

const emailPart = (text: string) => text.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');

/** A personal email built the ways people build them; digits keep most addresses distinct. */
export function makeEmail(rng: Rng, first: string, last: string, birthYear: number): string {
  const f = emailPart(first);
  const l = emailPart(last);
  const digits = rng.chance(0.6) ? String(rng.chance(0.5) ? birthYear % 100 : rng.int(1000)) : '';
  const style = rng.int(5);
  const local =
    style === 0 ? `${f}.${l}${digits}` :
    style === 1 ? `${f}${l}${digits}` :
    style === 2 ? `${f[0] ?? 'x'}${l}${digits}` :
    style === 3 ? `${f}_${l}${digits}` : `${l}.${f}${digits}`;
  return `${local}@${sampleWeighted(rng, EMAIL_DOMAINS)}`;
}
