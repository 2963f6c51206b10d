import type { FieldName } from '../schema/field-names.ts';
import type { PayloadType, SourceRole } from '../schema/source-mapping.ts';

export const EXTRACT_FORMAT = 'credlink-extract';
export const EXTRACT_FORMAT_VERSION = 1;

/** One person of one source, as the linker sees it: no readable identifier. */
export interface EncodedPerson {
  /** Keyed per source: two sources' pseudonyms of one person differ. */
  pseudonym: string;
  /** Field-level Bloom filters of the fields this person has. */
  fields: Partial<Record<FieldName, Uint8Array>>;
  /** Record-level filter (CLK) over all fields. */
  clk: Uint8Array;
  /** Keyed blocking-key values (hex), by blocking-key name; absent when a part is missing. */
  blockingKeys: Record<string, string>;
}

export type PayloadValue = string | number | boolean | null;

/** One payload row (an exam attempt, an enrollment, a wage quarter) of a person. */
export interface PayloadRow {
  pseudonym: string;
  values: Record<string, PayloadValue>;
}

export interface ExtractManifest {
  format: typeof EXTRACT_FORMAT;
  formatVersion: number;
  toolVersion: string;
  source: string;
  role: SourceRole;
  duplicateFree: boolean;
  schemaFingerprint: string;
  keyCheckValue: string;
  rowsIn: number;
  rowsRejected: number;
  persons: number;
  payloadRows: number;
  /** Share of persons with each field present. */
  fieldFill: Partial<Record<FieldName, number>>;
  payloadColumns: Record<string, PayloadType>;
  /** SHA-256 (hex) of every byte before the manifest line. */
  bodySha256: string;
}
