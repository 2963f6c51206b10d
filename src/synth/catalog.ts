/**
 * The credential catalog of the synthetic world. `catalog.json` gets everything but the true
 * effects, which go to truth/effects.json: the linker must estimate them.
 */
export type Family = 'it' | 'nursing' | 'trades';

export interface SynthCredential {
  code: string;
  name: string;
  issuer: string;
  type: 'certification' | 'license';
  /** NAICS prefixes of the industries it prepares for. */
  alignedNaics: string[];
  /** Exam fee plus preparation, dollars. */
  cost: number;
  family: Family;
  /** Codes that must be held first (the stacking order). */
  requires: string[];
  /** Log points added to quarterly earnings from the first quarter after the award quarter. */
  earningsEffect: number;
  /** Logit of passing at average ability on a first attempt. */
  passLogit: number;
  /** Years until the credential expires. */
  validYears: number;
}

export interface Issuer {
  id: string;
  name: string;
  /** The roster source that reports its exams. */
  source: string;
}

export const ISSUERS: Issuer[] = [
  { id: 'dscc', name: 'Digital Skills Certification Council', source: 'techcert' },
  { id: 'sbn', name: 'State Board of Nursing', source: 'nurseboard' },
  { id: 'stci', name: 'Skilled Trades Credentialing Institute', source: 'tradecert' },
];

const it = (code: string, name: string, cost: number, requires: string[], effect: number, passLogit: number): SynthCredential => ({
  code, name, issuer: 'dscc', type: 'certification', alignedNaics: ['5112', '5182', '5171', '5415', '5191'], cost, family: 'it', requires, earningsEffect: effect, passLogit, validYears: 3,
});
const nursing = (code: string, name: string, cost: number, requires: string[], effect: number, passLogit: number): SynthCredential => ({
  code, name, issuer: 'sbn', type: 'license', alignedNaics: ['621', '622', '623'], cost, family: 'nursing', requires, earningsEffect: effect, passLogit, validYears: 2,
});
const trade = (code: string, name: string, naics: string[], cost: number, requires: string[], effect: number, passLogit: number): SynthCredential => ({
  code, name, issuer: 'stci', type: 'certification', alignedNaics: naics, cost, family: 'trades', requires, earningsEffect: effect, passLogit, validYears: 3,
});

export const CREDENTIALS: SynthCredential[] = [
  it('DS-ITF', 'IT Fundamentals', 140, [], 0, 1.2),
  it('DS-SUP', 'IT Support Technician', 520, [], 0.06, 0.6),
  it('DS-NET', 'Network Technician', 390, ['DS-SUP'], 0.08, 0.4),
  it('DS-SEC', 'Security Analyst', 420, ['DS-NET'], 0.12, 0.2),
  it('DS-CLD', 'Cloud Practitioner', 300, ['DS-NET'], 0.05, 0.5),
  nursing('CNA', 'Certified Nursing Assistant', 180, [], 0.04, 1.0),
  nursing('LPN', 'Licensed Practical Nurse', 2_800, ['CNA'], 0.2, 0.7),
  nursing('RN', 'Registered Nurse', 9_500, ['CNA'], 0.3, 0.9),
  trade('ST-WLD1', 'Entry Welder', ['332', '333', '336', '238'], 450, [], 0.07, 0.6),
  trade('ST-WLD2', 'Advanced Welder', ['332', '333', '336', '238'], 650, ['ST-WLD1'], 0, 0.3),
  trade('ST-CNC', 'CNC Machine Operator', ['332', '333', '336'], 380, [], 0.05, 0.5),
  trade('ST-HVAC', 'HVAC Refrigerant Handling', ['2382'], 160, [], 0.03, 1.1),
  trade('ST-FORK', 'Powered Industrial Truck Operator', ['493', '484', '4231'], 90, [], 0, 2.0),
];

export const CREDENTIAL_BY_CODE = new Map(CREDENTIALS.map((c) => [c.code, c]));

/** What catalog.json holds: the linker's view, without the true effects or the simulation's knobs. */
export function publicCatalog(): { credentials: Array<Pick<SynthCredential, 'code' | 'name' | 'issuer' | 'type' | 'alignedNaics' | 'cost'>>; issuers: Array<Omit<Issuer, 'source'>> } {
  return {
    credentials: CREDENTIALS.map(({ code, name, issuer, type, alignedNaics, cost }) => ({ code, name, issuer, type, alignedNaics, cost })),
    issuers: ISSUERS.map(({ id, name }) => ({ id, name })),
  };
}

export function issuerSource(credential: SynthCredential): string {
  return ISSUERS.find((i) => i.id === credential.issuer)!.source;
}
