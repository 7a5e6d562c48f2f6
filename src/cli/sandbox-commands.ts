import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../shared/index.ts';
import { sandboxSites, startSandbox, type FaultConfig, type SandboxOptions } from '../sandbox/index.ts';
import type { CliContext } from './context.ts';
import { emit } from './output.ts';

interface SandboxFlags {
  port: string;
  host: string;
  appKey?: string;
  appSecret?: string;
  stateDir?: string;
  memory?: boolean;
  pushUrl?: string;
  callbackUrl?: string;
  qcDelay?: string;
  qcRejectRate?: string;
  orderRate?: string;
  seed?: string;
  faults?: string;
  json?: boolean;
}

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0)
    throw new AppError('invalid_input', `--${name} must be a non-negative number`);
  return n;
}

/** `6` for every site, or `lazada-ph=6,daraz-pk=2`. */
function orderRate(text: string | undefined): SandboxOptions['orderRate'] | undefined {
  if (text === undefined) return undefined;
  if (!text.includes('=')) return number('order-rate', text);
  const rates: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [site = '', rate] = part.split('=');
    if (!sandboxSites().some((s) => s.key === site) && site !== '*')
      throw new AppError('invalid_input', `--order-rate: unknown site "${site}"`);
    rates[site] = number('order-rate', rate) ?? 0;
  }
  return rates;
}

/** `--faults '{"qps":{"/product/create":5}}'` or `--faults @faults.json`. */
function faults(text: string | undefined): FaultConfig | undefined {
  if (text === undefined) return undefined;
  const raw = text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text;
  try {
    return JSON.parse(raw) as FaultConfig;
  } catch (e) {
    throw new AppError('invalid_input', `--faults is not JSON: ${(e as Error).message}`);
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('sandbox')
    .description(
      'run the marketplace sandbox (Lazada, Daraz, Miravia, AliExpress open platforms) until interrupted',
    )
    .option('--port <port>', 'port to listen on (0 = any free port)', '8070')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--app-key <key>', 'the sandbox app key (default 500100)')
    .option('--app-secret <secret>', 'the sandbox app secret')
    .option('--state-dir <dir>', 'where state is kept across restarts (default <KBRIDGE_DATA_DIR>/sandbox)')
    .option('--memory', 'keep state in memory only')
    .option('--push-url <url>', 'webhook URL that receives the default app pushes')
    .option('--callback-url <url>', 'registered OAuth callback (redirect_uri must equal it)')
    .option('--qc-delay <ms>', 'sandbox milliseconds from product create to the QC decision (default 30000)')
    .option('--qc-reject-rate <p>', 'probability QC rejects a product (default 0)')
    .option(
      '--order-rate <n>',
      'simulated orders per minute: a number for every site or site=n,... (default 0)',
    )
    .option('--seed <n>', 'seed of the simulated buyers and random faults')
    .option('--faults <json>', 'fault switches as JSON, or @file.json (see docs/sandbox.md)')
    .option('--json', 'print JSON')
    .action(async (flags: SandboxFlags) => {
      const port = number('port', flags.port) ?? 8070;
      const options: SandboxOptions = { port, host: flags.host };
      if (!flags.memory) options.stateDir = flags.stateDir ?? join(ctx.config.dataDir, 'sandbox');
      if (flags.appKey) options.appKey = flags.appKey;
      if (flags.appSecret) options.appSecret = flags.appSecret;
      if (flags.pushUrl) options.pushUrl = flags.pushUrl;
      if (flags.callbackUrl) options.callbackUrl = flags.callbackUrl;
      const qcDelay = number('qc-delay', flags.qcDelay);
      if (qcDelay !== undefined) options.qcDelayMs = qcDelay;
      const reject = number('qc-reject-rate', flags.qcRejectRate);
      if (reject !== undefined) options.qcRejectRate = reject;
      const rate = orderRate(flags.orderRate);
      if (rate !== undefined) options.orderRate = rate;
      const seed = number('seed', flags.seed);
      if (seed !== undefined) options.seed = seed;
      const f = faults(flags.faults);
      if (f) options.faults = f;
      const sb = await startSandbox(options);
      emit(
        !!flags.json,
        {
          url: sb.url,
          appKey: sb.appKey,
          appSecret: sb.appSecret,
          stateDir: options.stateDir ?? null,
          admin: `${sb.url}/_admin`,
        },
        () =>
          [
            `sandbox listening on ${sb.url}`,
            `  Lazada SG:  ${sb.siteUrl('lazada', 'sg')}   (every site: /<platform>/<venture>/rest/<api>)`,
            `  AliExpress: ${sb.siteUrl('aliexpress')}?method=...`,
            `  OAuth:      ${sb.url}/oauth/authorize`,
            `  admin:      ${sb.url}/_admin`,
            `  app key ${sb.appKey}, app secret ${sb.appSecret}`,
            `  state: ${options.stateDir ?? 'in memory'}`,
            'Ctrl-C to stop.',
          ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await sb.close();
    });
}
