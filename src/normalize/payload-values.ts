import type { PayloadValue } from '../extract/extract-types.ts';
import type { PayloadType } from '../schema/source-mapping.ts';
import { parseDate, type DateFormat } from './dates.ts';
import { isMissingToken } from './normalized-value.ts';

export interface PayloadResult {
  /** null when missing or invalid. */
  value: PayloadValue;
  invalid?: boolean;
}

const MISSING: PayloadResult = { value: null };
const INVALID: PayloadResult = { value: null, invalid: true };

/** Plain amounts as wage files write them: "$1,234.50", "1 234", "(120.00)" for a negative. */
function parseAmount(text: string): number | undefined {
  let body = text.replace(/[$\s]/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(body)) {
    sign = -1;
    body = body.slice(1, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return undefined;
  const value = sign * Number(body);
  // -0 would print as 0 and not read back as itself.
  return Number.isFinite(value) ? value + 0 : undefined;
}

/** "2021Q3", "2021 q3", "2021-Q3", "2021-3", "2021/3", "Q3 2021" -> "2021Q3". */
function parseYearQuarter(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  const yearFirst = /^(\d{4})[-/.]?Q?([1-4])$/.exec(compact);
  if (yearFirst) return `${yearFirst[1]}Q${yearFirst[2]}`;
  const quarterFirst = /^Q([1-4])[-/.]?(\d{4})$/.exec(compact);
  return quarterFirst ? `${quarterFirst[2]}Q${quarterFirst[1]}` : undefined;
}

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0']);

/**
 * Types one payload value. Missing (empty or a placeholder such as "N/A") is null without a
 * flag; a value that is present but does not fit the type is null with `invalid`.
 */
export function normalizePayloadValue(raw: string, type: PayloadType, formats: DateFormat[], latestYear: number): PayloadResult {
  if (type === 'string') {
    const value = raw.trim().replace(/\s+/g, ' ');
    return value === '' ? MISSING : { value };
  }
  if (isMissingToken(raw)) return MISSING;
  const text = raw.trim();
  switch (type) {
    case 'code':
      return { value: text };
    case 'integer': {
      const amount = parseAmount(text);
      return amount !== undefined && Number.isSafeInteger(amount) ? { value: amount } : INVALID;
    }
    case 'number': {
      const amount = parseAmount(text);
      return amount !== undefined ? { value: amount } : INVALID;
    }
    case 'date': {
      const date = parseDate(text, formats, latestYear);
      return date.value !== undefined ? { value: date.value } : INVALID;
    }
    case 'year_quarter': {
      const quarter = parseYearQuarter(text);
      return quarter ? { value: quarter } : INVALID;
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return INVALID;
    }
  }
}
