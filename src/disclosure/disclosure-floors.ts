import type { DisclosurePolicy } from './disclosure-policy.ts';

/**
 * Below these the published tables stop protecting anyone (a minimum cell of 1 publishes single
 * people; a rounding base of 1 publishes exact counts, which makes every margin an equation). A
 * lower setting needs `--unsafe-disclosure`, as minPercentileCell has a floor of 11 in the schema.
 */
export const DISCLOSURE_FLOORS = { minCell: 5, roundingBase: 3 } as const;

/** Fixed-form descriptions of the settings under their floors (empty when the policy is safe). */
export function settingsUnderFloors(policy: Pick<DisclosurePolicy, 'minCell' | 'roundingBase'>): string[] {
  const under: string[] = [];
  if (policy.minCell < DISCLOSURE_FLOORS.minCell) under.push(`disclosure.minCell ${policy.minCell} is under the floor ${DISCLOSURE_FLOORS.minCell}`);
  if (policy.roundingBase < DISCLOSURE_FLOORS.roundingBase) under.push(`disclosure.roundingBase ${policy.roundingBase} is under the floor ${DISCLOSURE_FLOORS.roundingBase}`);
  return under;
}
