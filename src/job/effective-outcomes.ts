import { outcomesConfigSchema } from '../outcomes/outcomes-config.ts';
import type { DisclosureOverrides } from './job-schema.ts';

/**
 * The outcomes configuration a run uses: the job's (file or inline) with the job's disclosure
 * overrides laid over its `disclosure` block, validated after the merge so that an override
 * below a floor (e.g. minPercentileCell under 11) is refused like a bad config value.
 */
export function effectiveOutcomesConfig(raw: unknown, overrides: DisclosureOverrides) {
  const base = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  // epsilon is a run setting (noise at publication), not part of the outcomes disclosure block.
  const { epsilon: _epsilon, ...policy } = overrides;
  const disclosure = { ...((base.disclosure as Record<string, unknown> | undefined) ?? {}), ...dropUndefined(policy) };
  return outcomesConfigSchema.safeParse({ ...base, disclosure });
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
