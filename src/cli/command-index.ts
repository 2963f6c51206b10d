/*
 * How `credlink --help` lists each subcommand (its term and description), so that listing them,
 * `--version` and a mistyped command load no subcommand module. Must match the definitions:
 * test/package/command-index.test.ts fails, printing the line to paste, when one changes.
 */
export const commandIndex: Record<string, readonly [term: string, description: string]> = {
  keygen: ['keygen [options]', 'create the project secret (32 random bytes) in a new owner-only file'],
  normalize: ['normalize [options] <input>', 'normalize a source CSV with its mapping and profile its data quality'],
  hash: ['hash [options] <input>', 'encode a source CSV into an extract: keyed Bloom filters, blocking keys, pseudonyms, payload'],
  inspect: ['inspect [options] <files...>', 'verify extracts and show their manifests; say whether they can be linked'],
  readiness: ['readiness [options] <roster>', 'Estimate, on the issuer\'s own machine, how many holders would link to wage and education records, and which added field helps most'],
  synth: ['synth [options]', 'Write a synthetic world: certification rosters, education records, UI wages, a spine, and the truth behind them'],
  link: ['link [options] <extracts...>', 'Link encoded extracts (Fellegi-Sunter on Bloom-filter Dice) into a linkage folder; needs no secret'],
  evaluate: ['evaluate [options] <linkage>', 'Score a linkage against ground truth (synthetic data): precision, recall and F1 per pair of sources across thresholds'],
  outcomes: ['outcomes [options] <extract...>', 'Outcome tables per credential and award cohort from a linkage, with disclosure control (no pseudonym or record leaves)'],
  audit: ['audit [options] <tables>', 'Check published tables for hidden cells their margins pin below the minimum cell (an integer program per group of margins)'],
  init: ['init [options] <role> <dir>', 'Create a working folder for a data holder or the linker, with example files and next steps'],
  validate: ['validate [options] <file...>', 'Check schema, mapping, job and outcomes files; print every problem with its JSON path and a fix'],
  run: ['run [options] <job>', 'Run a job file: link, outcome tables and report into one run folder with a manifest'],
  diff: ['diff [options] <run-a> <run-b>', 'Compare two run folders: changed parameters, inputs, counts and every changed table cell'],
  merge: ['merge [options] <parts...>', 'Combine the part folders of credlink link --shard i/n into the linkage folder a single run would write'],
  sign: ['sign [options] [extracts...]', 'sign extracts with the data holder\'s Ed25519 key (writes EXTRACT.sig), or create that key'],
  verify: ['verify [options] <extracts...>', 'check the data holders\' Ed25519 signatures of extracts before linking them'],
};
