import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';
import { defineKeygenCommand } from './keygen.ts';
import { defineNormalizeCommand } from './normalize.ts';
import { defineHashCommand } from './hash.ts';
import { defineInspectCommand } from './inspect.ts';
import { defineSynthCommand } from './synth.ts';
import { defineLinkCommand } from './link.ts';
import { defineEvaluateCommand } from './evaluate.ts';
import { defineOutcomesCommand } from './outcomes.ts';
import { defineInitCommand } from './init.ts';
import { defineValidateCommand } from './validate.ts';
import { defineDiffCommand } from './diff.ts';
import { defineRunCommand } from './run.ts';
import { defineReadinessCommand } from './readiness.ts';

/** Every subcommand, in the order `credlink --help` lists them. Each file declares its own flags and help. */
export const commands: Array<(io: CliIo) => Command> = [
  defineKeygenCommand,
  defineNormalizeCommand,
  defineHashCommand,
  defineInspectCommand,
  defineSynthCommand,
  defineLinkCommand,
  defineEvaluateCommand,
  defineOutcomesCommand,
  defineInitCommand,
  defineValidateCommand,
  defineRunCommand,
  defineDiffCommand,
  defineReadinessCommand,
];
