import { describe, expect, it } from 'vitest';
import { foldToAsciiWords, normalizeFirstName, normalizeGivenName, normalizeNameSuffix, normalizeSurname, splitFullName } from '../../src/normalize/person-name.ts';

describe('foldToAsciiWords', () => {
  it.each([
    ['José', 'jose'],
    ['Zoë', 'zoe'],
    ['Straße', 'strasse'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Łukasz Wałęsa', 'lukasz walesa'],
    ['Đorđević', 'dordevic'],
    ['Þórsdóttir', 'thorsdottir'],
    ['Œuvre', 'oeuvre'],
    ['İlkay', 'ilkay'],
    ['Ｊｏｈｎ', 'john'],
    ["O'Brien", 'obrien'],
    ['O’Neil', 'oneil'],
    ['Smith-Jones', 'smith jones'],
    ['  st.   john  ', 'st john'],
  ])('%s -> %s', (raw, expected) => {
    expect(foldToAsciiWords(raw)).toBe(expected);
  });
});

describe('normalizeGivenName', () => {
  it.each([
    ['Dr. Ana', 'ana'],
    ['MR  JOHN', 'john'],
    ['Mary-Ann', 'mary ann'],
    ['prof. dr. Hans', 'hans'],
    ['Dr', 'dr'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeGivenName(raw)).toEqual({ value: expected });
  });

  it.each(['', '   ', 'N/A', 'null', 'FNU', 'Unknown', '---'])('treats %j as missing without a finding', (raw) => {
    expect(normalizeGivenName(raw)).toEqual({});
  });

  it('flags a name with letters but nothing representable in ASCII', () => {
    expect(normalizeGivenName('李小龍')).toEqual({ finding: 'NAME_UNUSABLE' });
  });
});

describe('normalizeSurname', () => {
  it.each([
    ['Smith Jr.', 'smith', 'jr'],
    ['SMITH, JR', 'smith', 'jr'],
    ['King III', 'king', 'iii'],
    ['Ford 2nd', 'ford', 'ii'],
    ['Adams Sr Jr', 'adams', 'sr jr'],
    ['de la Cruz', 'de la cruz', undefined],
    ['García López', 'garcia lopez', undefined],
    ["O'Brien-Smith", 'obrien smith', undefined],
    ['Jr', 'jr', undefined],
  ])('%s -> %s + suffix %s', (raw, value, suffix) => {
    const result = normalizeSurname(raw);
    expect(result.value).toBe(value);
    expect(result.suffix).toBe(suffix);
  });
});

describe('normalizeNameSuffix', () => {
  it.each([
    ['Jr.', 'jr'],
    ['JUNIOR', 'jr'],
    ['3rd', 'iii'],
    ['IV', 'iv'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeNameSuffix(raw)).toEqual({ value: expected });
  });

  it('flags a value that is not a suffix', () => {
    expect(normalizeNameSuffix('Esq')).toEqual({ finding: 'NAME_SUFFIX_INVALID' });
  });
});

describe('splitFullName', () => {
  const names = (raw: string, order: 'last_first' | 'first_last') => {
    const parts = splitFullName(raw, order);
    return [parts.first.value, parts.middle.value, parts.last.value, parts.suffix.value];
  };

  it.each([
    ['García López, María José', 'last_first', ['maria', 'jose', 'garcia lopez', undefined]],
    ['SMITH JR, JOHN A', 'last_first', ['john', 'a', 'smith', 'jr']],
    ['Smith, John A III', 'last_first', ['john', 'a', 'smith', 'iii']],
    ['Smith, John V', 'last_first', ['john', 'v', 'smith', undefined]],
    ['SMITH JOHN A', 'last_first', ['john', 'a', 'smith', undefined]],
    ['de la Cruz Maria', 'last_first', ['maria', undefined, 'de la cruz', undefined]],
    ['John Adam Smith', 'first_last', ['john', 'adam', 'smith', undefined]],
    ['Dr. John Smith Jr.', 'first_last', ['john', undefined, 'smith', 'jr']],
    ['Maria de la Cruz', 'first_last', ['maria', undefined, 'de la cruz', undefined]],
    ['Ludwig van Beethoven', 'first_last', ['ludwig', undefined, 'van beethoven', undefined]],
    ['Smith, John', 'first_last', ['john', undefined, 'smith', undefined]],
    ['Cher', 'first_last', [undefined, undefined, 'cher', undefined]],
    ['GREEN, BOB J', 'last_first', ['robert', 'j', 'green', undefined]],
    ['Jim Bob Smith', 'first_last', ['james', 'bob', 'smith', undefined]],
    ['', 'first_last', [undefined, undefined, undefined, undefined]],
  ] as const)('%s (%s)', (raw, order, expected) => {
    expect(names(raw, order)).toEqual(expected);
  });
});

describe('splitFullName with a particle before a suffix', () => {
  it('keeps the suffix out of the surname a particle extends (fast-check counterexample "la\\uFFFDJr.José")', () => {
    const parts = splitFullName('la\uFFFDJr.José', 'last_first');
    expect([parts.last.value, parts.first.value, parts.suffix.value]).toEqual(['la', 'jose', 'jr']);
  });
});

describe('normalizeFirstName', () => {
  it.each([
    ['Bob', 'robert'], ['BOBBY', 'robert'], ['Dr. Liz', 'elizabeth'], ['Jen', 'jennifer'], ['Paco', 'francisco'],
    ['Robert', 'robert'], ['Jack', 'jack'], ['Alex', 'alexander'], ['Chris', 'christopher'], ['Sam', 'sam'], ['Pat', 'pat'], ['Bob Lee', 'bob lee'], ['Bbo', 'bbo'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeFirstName(raw).value).toBe(expected);
  });

  it('maps first names only: a middle name or surname "Bob" stays as written', () => {
    expect(normalizeGivenName('Bob').value).toBe('bob');
    expect(normalizeSurname('Bob').value).toBe('bob');
  });
});
