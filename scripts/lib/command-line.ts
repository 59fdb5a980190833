/**
 * The command line of the project's commands (`npm run check`, `migrate`, `new`): Node's
 * `parseArgs` with a `--help` (`-h`) that prints the command's usage and options and exits 0, and
 * a mistyped option or missing value reported in one line with the usage, exit code 2 — never a
 * stack trace, and never an option taken for a pattern title or a file name.
 */
import { parseArgs } from 'node:util';

/** One option: as `parseArgs` takes it, with what it does (shown by `--help`). */
interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  /** What it does, one line. */
  readonly description: string;
  /** The value's name in the help (`FILE`), for a string option. */
  readonly value?: string;
}

/** A command: its npm script, what it takes, what it does, its options. */
export interface CommandSpec<Options extends Readonly<Record<string, OptionSpec>>> {
  /** `check` for `npm run check`. */
  readonly name: string;
  /** What follows the options in the usage line: `[FILE_OR_DIR...]`. */
  readonly operands: string;
  /** What the command does, a few lines. */
  readonly description: string;
  readonly options: Options;
}

type Values<Options extends Readonly<Record<string, OptionSpec>>> = {
  [Key in keyof Options]: Options[Key]['type'] extends 'boolean'
    ? boolean
    : Options[Key]['multiple'] extends true
      ? string[]
      : string | undefined;
};

/** A command's spec, its option types kept (for {@link readCommandLine}'s values). */
export const defineCommand = <Options extends Readonly<Record<string, OptionSpec>>>(
  spec: CommandSpec<Options>,
): CommandSpec<Options> => spec;

const usageLine = (spec: CommandSpec<Readonly<Record<string, OptionSpec>>>): string =>
  `usage: npm run ${spec.name} -- [options] ${spec.operands}`;

/** The `--help` text: usage, description, each option with its value and what it does. */
export function helpText(spec: CommandSpec<Readonly<Record<string, OptionSpec>>>): string {
  const rows = [
    ...Object.entries(spec.options).map(([name, option]) => [
      `--${name}${option.value === undefined ? '' : ` ${option.value}`}`,
      option.description,
    ]),
    ['--help, -h', 'Prints this help.'],
  ];
  const width = Math.max(...rows.map(([left = '']) => left.length));
  return [
    usageLine(spec),
    '',
    spec.description,
    '',
    'options:',
    ...rows.map(([left = '', right = '']) => `  ${left.padEnd(width)}  ${right}`),
    '',
  ].join('\n');
}

/**
 * Reads `args` as `spec` says. On `--help` prints {@link helpText} and exits 0; on a command line
 * it cannot read, prints what is wrong and the usage to stderr and exits 2.
 */
export function readCommandLine<Options extends Readonly<Record<string, OptionSpec>>>(
  spec: CommandSpec<Options>,
  args: readonly string[] = process.argv.slice(2),
): { values: Values<Options>; operands: string[] } {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, { type, multiple }]) => [
      name,
      multiple === true ? { type, multiple } : { type },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    const given: Readonly<Record<string, unknown>> = values;
    if (given['help'] === true) {
      process.stdout.write(helpText(spec));
      process.exit(0);
    }
    const read = Object.fromEntries(
      Object.entries(spec.options).map(([name, { type, multiple }]) => [
        name,
        given[name] ?? (type === 'boolean' ? false : multiple === true ? [] : undefined),
      ]),
    );
    return { values: read as Values<Options>, operands: positionals };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // `parseArgs` throws ERR_PARSE_ARGS_* for a command line it cannot read.
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    // parseArgs's messages end with advice for its own API ("To specify a positional…"): the
    // first sentence says what is wrong.
    refuseCommandLine(spec, (error as Error).message.split(/\.\s/)[0] ?? '');
  }
}

/** Prints what is wrong with the command line, and the usage, to stderr; exits 2. */
export function refuseCommandLine(
  spec: CommandSpec<Readonly<Record<string, OptionSpec>>>,
  what: string,
): never {
  process.stderr.write(
    `npm run ${spec.name}: ${what}\n${usageLine(spec)}\n(npm run ${spec.name} -- --help lists the options)\n`,
  );
  process.exit(2);
}
