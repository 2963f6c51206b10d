import type { PayloadResult } from './payload-values.ts';

/**
 * What a payload `code` (credential code, result, employer account, CIP...) may look like. A code
 * is published as a table row label, so a free-text value (a name, an SSN, a spreadsheet formula,
 * an escape sequence) must stop at `hash`, on the data holder's machine.
 */
export interface CodeRule {
  pattern: RegExp;
  maxLength: number;
}

/** A letter or digit, then letters, digits and . _ / + - (CompTIA's "A+"): no space, no leading sign or @. */
export const DEFAULT_CODE_PATTERN = '[A-Za-z0-9][A-Za-z0-9._/+-]*';
export const DEFAULT_CODE_MAX_LENGTH = 32;

/** The mapping's `pattern` (matched against the whole value) and `maxLength`, or the defaults. */
export function codeRuleOf(spec: { pattern?: string; maxLength?: number }): CodeRule {
  return { pattern: new RegExp(`^(?:${spec.pattern ?? DEFAULT_CODE_PATTERN})$`, 'u'), maxLength: spec.maxLength ?? DEFAULT_CODE_MAX_LENGTH };
}

const INVALID: PayloadResult = { value: null, invalid: true };

/** A present code that breaks the rule becomes invalid (PAYLOAD_INVALID; the row is rejected when required). */
export function checkCode(result: PayloadResult, rule: CodeRule): PayloadResult {
  if (typeof result.value !== 'string') return result;
  if (result.value.length > rule.maxLength || !rule.pattern.test(result.value)) return INVALID;
  return result;
}

/** Whether a mapping's pattern compiles (checked when the mapping is read). */
export function isValidCodePattern(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return true;
  } catch {
    return false;
  }
}
