import { CommanderError } from 'commander';
import { loadConfig, type Config } from '../config/index.ts';
import { buildProgram } from '../cli/program.ts';
import { EXIT_CODE_BY_CODE, EXIT_USAGE, toAppError } from '../shared/index.ts';
import { openApp, type App } from './app.ts';

/** The `kbridge` command line: parse, run one command, close what it opened, exit with a code. */
async function main(argv: string[]): Promise<number> {
  let app: App | undefined;
  let config: Config | undefined;
  try {
    config = loadConfig();
    const loaded = config;
    const program = buildProgram({
      config: loaded,
      async app() {
        app ??= await openApp(loaded);
        return app;
      },
    });
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const error = toAppError(e);
    const json = argv.includes('--json');
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } })}\n`,
      );
    }
    process.stderr.write(`kbridge: ${error.message}\n`);
    if (error.code === 'internal' && error.cause instanceof Error && error.cause.stack) {
      process.stderr.write(`${error.cause.stack}\n`);
    }
    return EXIT_CODE_BY_CODE[error.code];
  } finally {
    await app?.close();
  }
}

const code = await main(process.argv.slice(2));
// Some libraries keep handles open (pools, timers); a finished command must still end.
process.exit(code);
