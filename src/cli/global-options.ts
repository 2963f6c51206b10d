import { Command, Option } from 'commander';
import { UsageError } from '../errors/errors.ts';
import { createLogger, LOG_FORMATS, type LogFormat } from '../io/logger.ts';
import type { CliIo } from './cli-io.ts';

/*
 * The options every subcommand shares, given before or after the subcommand's name
 * (`credlink --quiet hash ...` or `credlink hash ... --quiet`).
 */

interface GlobalFlags {
  logFormat?: LogFormat;
  quiet?: boolean;
  verbose?: boolean;
}

export function addGlobalOptions(program: Command, io: CliIo): Command {
  return program
    .addOption(new Option('--log-format <format>', 'warnings and logs on stderr as readable lines or as JSON lines (default: pretty)').choices(LOG_FORMATS))
    .option('-q, --quiet', 'print only errors on stderr: no warnings, progress or summaries there')
    .option('--verbose', 'also log debug messages')
    .hook('preSubcommand', (command) => applyGlobalFlags(command.opts<GlobalFlags>(), io));
}

/** Rebuilds the logger only when a flag asks for it, so that an injected logger (tests) stays as given. */
export function applyGlobalFlags(flags: GlobalFlags, io: CliIo): void {
  if (flags.quiet && flags.verbose) throw new UsageError('--quiet and --verbose cannot be used together');
  if (!flags.quiet && !flags.verbose && !flags.logFormat) return;
  const level = flags.quiet ? 'error' : flags.verbose ? 'debug' : (io.env.CREDLINK_LOG_LEVEL ?? 'info');
  io.logger = createLogger(level, { format: flags.logFormat, stream: io.stderr });
  if (flags.quiet) {
    io.quiet = true;
    io.stderrIsTTY = false;
  }
}

/**
 * Commander checks required options before unknown ones, so `hash --jsn x.csv` would complain
 * about a missing --schema instead of the typo. Required options are checked here instead, in a
 * hook that runs after commander has rejected unknown options.
 */
export function deferRequiredOptions(command: Command): Command {
  const required = command.options.filter((option) => option.mandatory);
  for (const option of required) option.makeOptionMandatory(false);
  if (required.length === 0) return command;
  return command.hook('preAction', (cmd) => {
    const missing = required.find((option) => cmd.getOptionValue(option.attributeName()) === undefined);
    if (missing) cmd.error(`error: required option '${missing.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: 2 });
  });
}
