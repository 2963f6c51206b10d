import { describe, expect, it } from 'vitest';
import { HEADERS } from '../../src/synth/layouts.ts';
import { MAPPING_TEMPLATES } from '../../src/init-templates/mapping-templates.ts';
import { scaffoldFiles } from '../../src/init-templates/scaffold.ts';
import { sourceMappingSchema } from '../../src/schema/source-mapping.ts';

/** Columns a mapping reads, wherever they are named. */
function columnsOf(mapping: Record<string, unknown>): string[] {
  const out: string[] = [];
  JSON.stringify(mapping, (key, value) => {
    if (key === 'column' && typeof value === 'string') out.push(value);
    return value;
  });
  return out;
}

describe('init templates', () => {
  it.each([
    ['issuer', 'techcert'],
    ['education', 'education'],
    ['wages', 'wages'],
    ['spine', 'spine'],
  ] as const)('the %s mapping validates and reads only columns of the synthetic %s file', (role, file) => {
    expect(sourceMappingSchema.safeParse(MAPPING_TEMPLATES[role]).success).toBe(true);
    const header = HEADERS[file as keyof typeof HEADERS] as readonly string[];
    expect(columnsOf(MAPPING_TEMPLATES[role]).filter((c) => !header.includes(c))).toEqual([]);
  });

  it('gives the linker a job and an outcomes config, and no schema or secret', () => {
    expect(scaffoldFiles('linker').map((f) => f.path)).toEqual(['README.md', 'job.json', 'outcomes.json', 'extracts/.keep']);
  });

  it('explains every top-level mapping key in mapping.md', () => {
    const notes = scaffoldFiles('wages').find((f) => f.path === 'mapping.md')!.content;
    for (const key of Object.keys(sourceMappingSchema.shape)) expect(notes).toContain(`\`${key}\``);
  });

  it.each(['issuer', 'education', 'wages', 'spine'] as const)('explains in the %s scaffold the duplicateFree it sets, against the default true', (role) => {
    const notes = scaffoldFiles(role).find((f) => f.path === 'mapping.md')!.content;
    const readme = scaffoldFiles(role).find((f) => f.path === 'README.md')!.content;
    expect(notes).toContain(`"duplicateFree": ${MAPPING_TEMPLATES[role].duplicateFree}`);
    expect(notes).toMatch(/## Duplicate-free\n\nThis template sets [^\n]*default/);
    expect(readme).toContain('duplicateFree');
  });
});
