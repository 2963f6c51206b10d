import { Command, Help } from 'commander';
import type { CliIo } from './cli-io.ts';
import { commandIndex } from './command-index.ts';

type DefineCommand = (io: CliIo) => Command;

/*
 * Every subcommand, in the order `credlink --help` lists them. Each file declares its own flags
 * and help. Modules load lazily: a run of one subcommand imports only that subcommand's code,
 * and `--version`, `--help` or a mistyped command import none (start-up is then node, commander
 * and this file).
 */
export const commandLoaders: Record<string, () => Promise<DefineCommand>> = {
  keygen: async () => (await import('./keygen.ts')).defineKeygenCommand,
  normalize: async () => (await import('./normalize.ts')).defineNormalizeCommand,
  hash: async () => (await import('./hash-command.ts')).defineHashCommand,
  inspect: async () => (await import('./inspect.ts')).defineInspectCommand,
  readiness: async () => (await import('./readiness.ts')).defineReadinessCommand,
  synth: async () => (await import('./synth.ts')).defineSynthCommand,
  link: async () => (await import('./link.ts')).defineLinkCommand,
  evaluate: async () => (await import('./evaluate.ts')).defineEvaluateCommand,
  outcomes: async () => (await import('./outcomes.ts')).defineOutcomesCommand,
  audit: async () => (await import('./audit.ts')).defineAuditCommand,
  init: async () => (await import('./init.ts')).defineInitCommand,
  validate: async () => (await import('./validate.ts')).defineValidateCommand,
  run: async () => (await import('./run.ts')).defineRunCommand,
  diff: async () => (await import('./diff.ts')).defineDiffCommand,
  merge: async () => (await import('./merge.ts')).defineMergeCommand,
  sign: async () => (await import('./sign.ts')).defineSignCommand,
  verify: async () => (await import('./verify.ts')).defineVerifyCommand,
};

const listedOnly = new WeakSet<Command>();

/** A stand-in that only lists the subcommand in help; never run (the named one is loaded). */
function stub(name: string): DefineCommand {
  return () => {
    const command = new Command(name).description(commandIndex[name][1]).action(() => {
      throw new Error(`the ${name} subcommand was not loaded`);
    });
    listedOnly.add(command);
    return command;
  };
}

/**
 * The subcommands for these arguments: the one named is loaded, every other is a stub. With no
 * arguments (scripts/cli-reference.mjs documents them all) every subcommand is loaded.
 */
export async function loadCommands(argv: readonly string[]): Promise<DefineCommand[]> {
  if (argv.length === 0) return Promise.all(Object.values(commandLoaders).map((load) => load()));
  const named = argv.slice(2).find((arg) => Object.hasOwn(commandLoaders, arg));
  return Promise.all(Object.keys(commandLoaders).map(async (name) => (name === named ? commandLoaders[name]() : stub(name))));
}

/** How help lists a subcommand: a stub declares no flags or arguments, so its term comes from the index. */
export function listedTerm(command: Command): string {
  return listedOnly.has(command) ? commandIndex[command.name()][0] : new Help().subcommandTerm(command);
}
