import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';

type DefineCommand = (io: CliIo) => Command;

/*
 * Every subcommand, in the order `credlink --help` lists them. Each file declares its own flags
 * and help. Modules load lazily: a run of one subcommand imports only that subcommand's code,
 * which keeps start-up short (every module goes through tsx on first load).
 */
export const commandLoaders: Record<string, () => Promise<DefineCommand>> = {
  keygen: async () => (await import('./keygen.ts')).defineKeygenCommand,
  normalize: async () => (await import('./normalize.ts')).defineNormalizeCommand,
  hash: async () => (await import('./hash.ts')).defineHashCommand,
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

/** The subcommands needed for these arguments: just the one named, or all of them for help and errors. */
export async function loadCommands(argv: readonly string[]): Promise<DefineCommand[]> {
  const named = argv[2];
  if (named !== undefined && Object.hasOwn(commandLoaders, named)) return [await commandLoaders[named]()];
  return Promise.all(Object.values(commandLoaders).map((load) => load()));
}
