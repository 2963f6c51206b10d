import { Command, Option } from 'commander';
import type { CliIo } from './cli-io.ts';
import type { HashOptions } from './hash.ts';
import { outAlias, outputOption } from './output-path.ts';

const HELP_AFTER = `
Normalizes a source CSV with its mapping (as credlink normalize does) and encodes each person with
the project secret: keyed Bloom filters per field and per record, keyed blocking keys and a
pseudonym that differs per source. The extract holds no readable identifier; every payload row
(exam, enrollment, wage quarter) is kept, tagged with the pseudonym. A person met on several rows
is encoded once, from the first row's identifiers. See docs/extract-format.md.

The secret is read from --secret-file (or '-' for stdin), never from the command line or the
environment. Rows that cannot be used stop the run unless --on-invalid reject (or --rejects FILE,
an owner-only CSV of those rows) sets them aside. Rows in = rows encoded + rows rejected.

Examples:
  credlink hash --schema schema.json --mapping roster.mapping.json --secret-file project.key \\
      roster.csv -o roster.extract
  gpg -d project.key.gpg | credlink hash --schema schema.json --mapping wages.mapping.json \\
      --secret-file - --on-invalid reject --rejects wages.rejects.csv --json wages.csv -o wages.extract
`;

/**
 * The flags and help of `credlink hash`. The run (encoder, schemas, CSV) is imported when it runs,
 * so that `credlink hash --help` loads none of it (docs/performance.md, Start-up).
 */
export function defineHashCommand(io: CliIo): Command {
  return new Command('hash')
    .description('encode a source CSV into an extract: keyed Bloom filters, blocking keys, pseudonyms, payload')
    .argument('<input>', "the source CSV, or '-' for stdin")
    .requiredOption('--schema <file>', 'the linkage schema (JSON) shared by all data holders')
    .requiredOption('--mapping <file>', "this source's mapping (JSON)")
    .option('--secret-file <file>', "file holding the project secret, or '-' for stdin")
    .addOption(new Option('--on-invalid <mode>', 'what an unusable row does (default: fail)').choices(['fail', 'reject']))
    .option('--rejects <file>', 'write rejected rows with _line and _reason (implies --on-invalid reject)')
    .addOption(outputOption('<file>', "the extract to write, or '-' for stdout (then the summary goes to stderr)"))
    .addOption(outAlias('<file>'))
    .option('--json', 'print the summary as JSON')
    .option('--force', 'replace an existing -o or --rejects file')
    .option('--workers <n>', 'threads that normalize and encode; the extract is the same for any n (default: 1 below 8 MB of input, else cores - 1, at most 4)')
    .addHelpText('after', HELP_AFTER)
    .action(async (input: string, options: Omit<HashOptions, 'input'>) => {
      const { runHash } = await import('./hash.ts');
      await runHash({ ...options, input }, io);
    });
}
