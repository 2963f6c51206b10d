import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { commandIndex } from '../../src/cli/command-index.ts';
import { commandLoaders } from '../../src/cli/commands.ts';
import { buildProgram } from '../../src/cli/main.ts';

const sink = { write: () => true, on: () => sink } as unknown as NodeJS.WritableStream;
const io = { stdin: process.stdin, stdout: sink, stderr: sink, logger: {}, stderrIsTTY: false, env: {} } as unknown as CliIo;

function helpText(program: Awaited<ReturnType<typeof buildProgram>>): string {
  return program.configureOutput({ getOutHelpWidth: () => 100 }).helpInformation();
}

describe('command index (what --help lists without loading subcommands)', () => {
  it('lists every subcommand, in the loaders order', () => {
    expect(Object.keys(commandIndex)).toEqual(Object.keys(commandLoaders));
  });

  it.each(Object.keys(commandLoaders))('matches the definition of %s', async (name) => {
    const command = (await commandLoaders[name]())(io);
    const help = new Help();
    const line = `${name}: [${JSON.stringify(help.subcommandTerm(command))}, ${JSON.stringify(help.subcommandDescription(command))}]`;
    expect([...commandIndex[name]], `src/cli/command-index.ts is stale; set ${line}`).toEqual([help.subcommandTerm(command), help.subcommandDescription(command)]);
  });

  it('gives --help the same text as the program with every subcommand loaded', async () => {
    const listed = await buildProgram(io, ['node', 'credlink', '--help']);
    expect(listed.commands.every((c) => c.options.length === 0)).toBe(true);
    expect(helpText(listed)).toBe(helpText(await buildProgram(io)));
  });

  it('loads only the subcommand named, wherever it stands among the arguments', async () => {
    const program = await buildProgram(io, ['node', 'credlink', 'help', 'hash']);
    const loaded = program.commands.filter((c) => c.options.length > 0).map((c) => c.name());
    expect(loaded).toEqual(['hash']);
  });
});
