import { DataError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import type { PayloadValue } from '../extract/extract-types.ts';
import { FIELD_NAMES, type FieldName, type NormalizedRecord } from '../schema/field-names.ts';
import type { SourceMapping } from '../schema/source-mapping.ts';
import { compileDateFormat, dateFromParts, ISO_DATE_FORMAT, normalizeBirthDate, PARTS_FORMATS, type DateFormat } from './dates.ts';
import { checkHeader } from './header-check.ts';
import { normalizeEmail, normalizePhone, normalizePostcode, normalizeSex } from './contact-fields.ts';
import { memoizeNormalizer, type Normalized } from './normalized-value.ts';
import { normalizePayloadValue } from './payload-values.ts';
import { checkCode, codeRuleOf } from './code-values.ts';
import { outOfBounds } from './payload-bounds.ts';
import { normalizeFirstName, normalizeFreeText, normalizeGivenName, normalizeNameSuffix, normalizeSurname, splitFullName } from './person-name.ts';
import { normalizeSsn, unverifiedSsnId } from './ssn.ts';
import { normalizeIdentifier } from './identifier.ts';
import { normalizeCity, normalizeState } from './place-fields.ts';
import { normalizeStreetAddress } from './street-address.ts';

export interface NormalizedRow {
  record: NormalizedRecord;
  payload: Record<string, PayloadValue>;
  /** Undefined only when the row is rejected. */
  personId: string | undefined;
  /** Identifier and payload values that were unusable and are now missing. */
  findings: Finding[];
  /** Why the row cannot be used at all (no person id, a required payload value missing or invalid). */
  rejected: Finding | undefined;
}

export type RowNormalizer = (fields: string[], line: number) => NormalizedRow;

export interface RowNormalizerOptions {
  /** YYYY-MM-DD; birth dates after it are implausible. Defaults to the current date. */
  today?: string;
}

/** Payload dates with two-digit years may lie this far ahead (expiry dates). */
const PAYLOAD_YEARS_AHEAD = 20;

function compileFormats(formats: string[] | undefined, path: string, file: string): DateFormat[] {
  return (formats ?? [ISO_DATE_FORMAT]).map((source, i) => {
    const format = compileDateFormat(source);
    if (!format) {
      throw new DataError({ code: 'DATE_FORMAT_INVALID', file, field: `${path}.formats[${i}]`, value: source, detail: 'a date format needs one year (YYYY or YY), one month (MM, M or MON) and one day (DD or D)' });
    }
    return format;
  });
}

const SIMPLE_NORMALIZERS: Record<Exclude<FieldName, 'dob' | 'last_name'>, (raw: string) => Normalized> = {
  first_name: normalizeFirstName,
  middle_name: normalizeGivenName,
  name_suffix: normalizeNameSuffix,
  ssn: normalizeSsn,
  email: normalizeEmail,
  phone: normalizePhone,
  postcode: normalizePostcode,
  sex: normalizeSex,
  city: normalizeCity,
  street_address: normalizeStreetAddress,
  state: normalizeState,
  identifier: normalizeIdentifier,
  free_text: normalizeFreeText,
};

/** The identifier fields a mapping yields, in schema order (a full name column yields the four name fields). */
export function mappedFields(mapping: SourceMapping): FieldName[] {
  const present = new Set<FieldName>(FIELD_NAMES.filter((f) => mapping.fields[f]));
  if (mapping.fullName) for (const f of ['first_name', 'middle_name', 'last_name', 'name_suffix'] as const) present.add(f);
  if (present.has('last_name')) present.add('name_suffix');
  return FIELD_NAMES.filter((f) => present.has(f));
}

type FieldStep = (fields: string[], record: NormalizedRecord, note: (code: string, field: FieldName, column: string) => void) => void;

function fieldSteps(mapping: SourceMapping, index: Map<string, number>, file: string, today: string): FieldStep[] {
  const steps: FieldStep[] = [];
  let splitSuffix: string | undefined;
  for (const field of FIELD_NAMES) {
    const spec = mapping.fields[field];
    if (!spec) continue;
    if ('parts' in spec) {
      if (field !== 'dob') throw new DataError({ code: 'MAPPING_INVALID', file, field: `fields.${field}.parts`, detail: 'only dob can be read from year, month and day columns' });
      const [y, m, d] = [spec.parts.year, spec.parts.month, spec.parts.day].map((c) => index.get(c) as number);
      const birthDate = memoizeNormalizer((joined: string) => normalizeBirthDate(joined, PARTS_FORMATS, today));
      steps.push((fields, record, note) => {
        const result = birthDate(dateFromParts(fields[y] ?? '', fields[m] ?? '', fields[d] ?? ''));
        if (result.value !== undefined) record.dob = result.value;
        else if (result.finding) note(result.finding, 'dob', spec.parts.year);
      });
      continue;
    }
    const at = index.get(spec.column) as number;
    const column = spec.column;
    if (field === 'dob') {
      const formats = compileFormats(spec.formats, 'fields.dob', file);
      const birthDate = memoizeNormalizer((raw: string) => normalizeBirthDate(raw, formats, today));
      steps.push((fields, record, note) => {
        const result = birthDate(fields[at] ?? '');
        if (result.value !== undefined) record.dob = result.value;
        else if (result.finding) note(result.finding, 'dob', column);
      });
    } else if (field === 'last_name') {
      const surname = memoizeNormalizer(normalizeSurname);
      steps.push((fields, record, note) => {
        const result = surname(fields[at] ?? '');
        if (result.value !== undefined) record.last_name = result.value;
        else if (result.finding) note(result.finding, 'last_name', column);
        splitSuffix = result.suffix;
      });
    } else {
      // Normalizers are pure, and a run meets the same names, dates and ZIPs over and over.
      const normalize = memoizeNormalizer(SIMPLE_NORMALIZERS[field]);
      steps.push((fields, record, note) => {
        const result = normalize(fields[at] ?? '');
        if (result.value !== undefined) record[field] = result.value;
        else if (result.finding) note(result.finding, field, column);
      });
    }
  }
  // A suffix column wins over one split off the surname.
  if (mapping.fields.last_name) {
    steps.push((_fields, record) => {
      if (splitSuffix && record.name_suffix === undefined) record.name_suffix = splitSuffix;
      splitSuffix = undefined;
    });
  }
  if (mapping.fullName) {
    const { column, order } = mapping.fullName;
    const at = index.get(column) as number;
    // Separate name columns, where present, win over the parts of the full name.
    steps.push((fields, record, note) => {
      const parts = splitFullName(fields[at] ?? '', order);
      const pairs = [['first_name', parts.first], ['middle_name', parts.middle], ['last_name', parts.last], ['name_suffix', parts.suffix]] as const;
      for (const [field, result] of pairs) {
        if (record[field] !== undefined) continue;
        if (result.value !== undefined) record[field] = result.value;
        else if (result.finding) note(result.finding, field, column);
      }
    });
  }
  return steps;
}

/**
 * Checks `header` against `mapping` (DataError MISSING_COLUMN, DUPLICATE_HEADER, WRONG_DELIMITER,
 * DATE_FORMAT_INVALID) and returns a function turning one CSV row into a NormalizedRow. Unusable
 * identifier values become missing with a finding; only a missing person id or a missing or
 * invalid required payload value rejects the row.
 */
export function createRowNormalizer(mapping: SourceMapping, header: string[], file: string, options: RowNormalizerOptions = {}): RowNormalizer {
  const index = checkHeader(mapping, header, file);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const steps = fieldSteps(mapping, index, file, today);
  const payloadYearLimit = Number(today.slice(0, 4)) + PAYLOAD_YEARS_AHEAD;
  const payloadSteps = Object.entries(mapping.payload).map(([name, spec]) => {
    const formats = spec.type === 'date' ? compileFormats(spec.formats, `payload.${name}`, file) : [];
    const recode = 'values' in spec && spec.values ? spec.values : undefined;
    const rule = spec.type === 'code' ? codeRuleOf('column' in spec ? spec : {}) : undefined;
    const bounds = { latestYear: payloadYearLimit, currentYear: Number(today.slice(0, 4)) };
    const typed = (raw: string) => {
      const parsed = normalizePayloadValue(raw, spec.type, formats, payloadYearLimit);
      const result = rule ? checkCode(parsed, rule) : parsed;
      const why = outOfBounds(name, spec.type, result.value, bounds);
      return why ? { value: null, invalid: true, outOfBounds: why } : result;
    };
    const normalize = memoizeNormalizer((raw: string) => typed(recode ? (recode[raw.trim()] ?? raw) : raw));
    if ('constant' in spec) {
      const value = typed(String(spec.constant));
      if (value.value === null) throw new DataError({ code: 'MAPPING_CONSTANT_INVALID', file, field: `payload.${name}`, detail: `the constant ${JSON.stringify(spec.constant)} is not a valid ${spec.type}` });
      return { name, column: '(constant)', required: false, type: spec.type, at: -1, normalize: () => value };
    }
    return { name, column: spec.column, required: spec.required, type: spec.type, at: index.get(spec.column) as number, normalize };
  });
  const personColumn = 'column' in mapping.personId ? mapping.personId.column : undefined;
  const personAt = personColumn !== undefined ? (index.get(personColumn) as number) : -1;
  const personField = 'field' in mapping.personId ? mapping.personId.field : undefined;
  const ssnSpec = mapping.fields.ssn;
  const rawSsnColumn = personField === 'ssn' && ssnSpec && 'column' in ssnSpec ? ssnSpec.column : undefined;
  const rawSsnAt = rawSsnColumn === undefined ? -1 : (index.get(rawSsnColumn) as number);

  // The row being normalized; one `note` for all rows, since a closure made per row cost measurably.
  const current = { line: 0, findings: [] as Finding[] };
  const note = (code: string, field: string, column: string) => {
    current.findings.push({ code, file, line: current.line, field, column });
  };

  return (fields, line) => {
    const record: NormalizedRecord = {};
    const findings: Finding[] = [];
    current.line = line;
    current.findings = findings;
    let rejected: Finding | undefined;
    for (let i = 0; i < steps.length; i++) steps[i](fields, record, note);

    const payload: Record<string, PayloadValue> = {};
    for (let i = 0; i < payloadSteps.length; i++) {
      const { name, column, required, type, at, normalize } = payloadSteps[i];
      const result = normalize(fields[at] ?? '');
      payload[name] = result.value;
      const implausible = 'outOfBounds' in result ? (result.outOfBounds as string) : undefined;
      if (result.invalid) note(implausible ? 'PAYLOAD_IMPLAUSIBLE' : 'PAYLOAD_INVALID', name, column);
      if (required && result.value === null && !rejected) {
        const code = implausible ? 'PAYLOAD_IMPLAUSIBLE' : result.invalid ? 'PAYLOAD_INVALID' : 'PAYLOAD_MISSING';
        const why = implausible ? `is implausible: ${implausible}` : result.invalid ? 'is not valid' : 'is missing';
        rejected = { code, file, line, field: name, column, detail: `required ${type} value ${why}` };
      }
    }

    let personId: string | undefined;
    if (personColumn !== undefined) {
      personId = (fields[personAt] ?? '').trim() || undefined;
      if (personId === undefined) rejected = { code: 'PERSON_ID_MISSING', file, line, column: personColumn, detail: 'the person id column is empty' };
    } else if (personField !== undefined) {
      personId = record[personField];
      if (personId === undefined && rawSsnColumn !== undefined) {
        personId = unverifiedSsnId(fields[rawSsnAt] ?? '');
        if (personId !== undefined) findings.push({ code: 'PERSON_ID_UNVERIFIED', file, line, field: personField, column: rawSsnColumn, detail: 'the SSN is not a valid number; the row is kept under its own id and links on its other fields' });
      }
      if (personId === undefined) rejected = { code: 'PERSON_ID_MISSING', file, line, field: personField, detail: `the person id comes from ${personField}, which is missing or invalid here` };
    } else {
      personId = `row-${line}`;
    }
    if (rejected) personId = undefined;
    return { record, payload, personId, findings, rejected };
  };
}
