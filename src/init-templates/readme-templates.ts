import type { DataHolderRole } from './mapping-templates.ts';

/*
 * The README each `credlink init` folder starts with: the next commands, in order. Kept short;
 * the guides in docs/ explain the why.
 */

const HOLDER_STEPS: Record<DataHolderRole, string> = {
  issuer: 'your exam roster (one row per attempt)',
  education: 'your enrollment and degree file',
  wages: 'your quarterly wage records',
  spine: 'your population register',
};

export function holderReadme(role: DataHolderRole): string {
  return `# credlink working folder (${role})

This folder holds what you need to turn ${HOLDER_STEPS[role]} into a keyed encoding
that you can send to the linker. Readable identifiers never leave this folder.

Files:

- \`schema.json\`: a linkage schema. Every data holder of a project must use the same one:
  replace it with the schema your project lead sends. \`credlink inspect\` on an extract
  shows the schema fingerprint to compare.
- \`mapping.json\`: how your CSV columns map to identifier fields and payload values
  (explained in \`mapping.md\`).

Next steps:

1. Edit \`mapping.json\` to match your CSV header, and check its \`duplicateFree\` (whether one
   person can appear under two ids in your file; \`mapping.md\` says what this template sets and
   why). Then check it:

       credlink validate mapping.json schema.json

2. Get the project secret from the key holder (or, if you are the key holder,
   create it once and share it with the other data holders over a secure channel):

       credlink keygen -o secret.key

3. Encode your file (identifiers become Bloom filters, the person id a pseudonym):

       credlink hash --schema schema.json --mapping mapping.json --secret-file secret.key \\
         your-file.csv -o ${role}.extract

4. Check it with \`credlink inspect ${role}.extract\`, then send it to the linker. Keep \`secret.key\` here; never send it to the linker.

See docs/guide-issuer.md for a walk-through on the bundled synthetic data.
`;
}

export function linkerReadme(): string {
  return `# credlink working folder (linker)

You receive encoded extracts from the data holders, link them and release aggregate
outcome tables. You never hold the secret, so you cannot read an identifier.

Files:

- \`job.json\`: the study: which extracts, linkage settings, outcomes configuration,
  disclosure policy and output options (see docs/jobs.md).
- \`outcomes.json\`: the outcome measures and the disclosure policy.

Next steps:

1. Put the extracts you received in \`extracts/\` and list them in \`job.json\`; mark the
   spine (if any) with \`"role": "spine"\`. Put the employer file and the credential catalog
   where \`outcomes.json\` points.
2. Check the job:

       credlink validate job.json outcomes.json

3. Run it (link, outcomes, report) into a run folder:

       credlink run job.json -o runs/first

4. Open \`runs/first/report.html\`. Rerun with a changed parameter and compare:

       credlink run job.json -o runs/strict --set linkage.threshold=0.95
       credlink diff runs/first runs/strict

Release only \`tables/\`, \`report.html\` and \`run-manifest.json\`; \`linkage/\` holds
record-level links and stays with you. See docs/guide-linker.md.
`;
}
