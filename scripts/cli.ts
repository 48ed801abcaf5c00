import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Ends a command given the wrong arguments: one line naming the problem, then the usage line, exit 2. */
export function exitWithUsage(problem: string, usage: string): never {
  console.error(`error: ${problem}`);
  console.error(usage);
  process.exit(2);
}

/**
 * Node's parseArgs, except that a bad command line (an unknown option, an
 * option missing its value, an argument the command does not take) ends the
 * command with exitWithUsage instead of a stack trace.
 */
export function parseArgsOrExit<T extends ParseArgsConfig>(config: T, usage: string) {
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code?.startsWith('ERR_PARSE_ARGS_')) throw error;
    return exitWithUsage((error as Error).message, usage);
  }
}
