import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  concatSortedParams,
  lazopStringToSign,
  listSites,
  normalizeParams,
  signIopTop,
  signLazop,
  signPush,
} from '../marketplaces/index.ts';
import { AppError } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit, table } from './output.ts';

export interface SignInput {
  protocol: string;
  secret: string;
  path?: string | undefined;
  method?: string | undefined;
  appKey?: string | undefined;
  body?: Buffer | undefined;
  params: string[];
}

export interface SignOutput {
  protocol: 'lazop' | 'iop-top' | 'push';
  sign: string;
  /** What was signed (never includes the secret). */
  stringToSign: string;
  /** Parameters left out because their value is empty (the client never sends them). */
  dropped: string[];
}

function parsePairs(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new AppError('invalid_input', `expected name=value, got "${pair}"`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

/**
 * The signature for given inputs, computed exactly as the client computes it: the tool to use
 * when a gateway answers IncompleteSignature. Pure: no store, no network.
 */
export function computeSignature(input: SignInput): SignOutput {
  const raw = parsePairs(input.params);
  const params = normalizeParams(raw);
  const dropped = Object.keys(raw).filter((k) => !(k in params) || k === 'sign');
  delete params.sign;
  switch (input.protocol) {
    case 'lazop': {
      if (!input.path)
        throw new AppError('invalid_input', '--path is required for lazop (e.g. /order/get, without /rest)');
      if (input.path.startsWith('/rest/') || (input.path.length > 1 && input.path.endsWith('/'))) {
        throw new AppError(
          'invalid_input',
          'sign the API path without /rest and without a trailing slash (e.g. /order/get)',
        );
      }
      return {
        protocol: 'lazop',
        sign: signLazop(input.secret, input.path, params),
        stringToSign: lazopStringToSign(input.path, params),
        dropped,
      };
    }
    case 'iop-top': {
      if (input.method) params.method = input.method;
      if (!params.method)
        throw new AppError(
          'invalid_input',
          '--method is required for iop-top (e.g. aliexpress.solution.order.get)',
        );
      return {
        protocol: 'iop-top',
        sign: signIopTop(input.secret, params),
        stringToSign: concatSortedParams(params),
        dropped,
      };
    }
    case 'push': {
      if (!input.appKey || input.body === undefined)
        throw new AppError('invalid_input', 'push needs --app-key and --body-file');
      return {
        protocol: 'push',
        sign: signPush(input.secret, input.appKey, input.body),
        stringToSign: input.appKey + input.body.toString('utf8'),
        dropped: [],
      };
    }
    default:
      throw new AppError('invalid_input', `unknown protocol "${input.protocol}": use lazop, iop-top or push`);
  }
}

interface SignOptions {
  protocol: string;
  secret?: string;
  secretFile?: string;
  path?: string;
  method?: string;
  appKey?: string;
  bodyFile?: string;
  json?: boolean;
}

export function register(program: Command, _ctx: CliContext): void {
  const marketplace = program
    .command('marketplace')
    .description('Lazada, Daraz, Miravia and AliExpress open-platform tools');

  marketplace
    .command('sign')
    .description('print the signature of a request or push, computed as the client does')
    .requiredOption('--protocol <protocol>', 'lazop | iop-top | push')
    .option('--secret <secret>', 'app secret')
    .option('--secret-file <file>', 'read the app secret from a file (keeps it out of the process list)')
    .option('--path <path>', 'lazop: API path, e.g. /order/get (no /rest)')
    .option('--method <method>', 'iop-top: method, e.g. aliexpress.solution.order.get')
    .option('--app-key <key>', 'push: the app key')
    .option('--body-file <file>', 'push: the raw body bytes (- for stdin)')
    .option('--json', 'print JSON')
    .argument('[params...]', 'name=value parameters (system and business, as sent)')
    .action((params: string[], opts: SignOptions) => {
      const secret =
        opts.secret ??
        (opts.secretFile ? readFileSync(opts.secretFile, 'utf8').replace(/\r?\n$/, '') : undefined);
      if (!secret) throw new AppError('invalid_input', 'give --secret or --secret-file');
      const body =
        opts.bodyFile === undefined ? undefined : readFileSync(opts.bodyFile === '-' ? 0 : opts.bodyFile);
      const out = computeSignature({
        protocol: opts.protocol,
        secret,
        path: opts.path,
        method: opts.method,
        appKey: opts.appKey,
        body,
        params,
      });
      emit(!!opts.json, out, () =>
        [
          out.sign,
          `string to sign: ${out.stringToSign}`,
          ...(out.dropped.length ? [`left out (empty or sign): ${out.dropped.join(', ')}`] : []),
        ].join('\n'),
      );
    });

  marketplace
    .command('sites')
    .description('the sites registry: platform, venture, gateway URLs, currency, languages, time zone')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const sites = listSites();
      emit(!!opts.json, sites, () =>
        table(
          ['site', 'currency', 'time zone', 'languages', 'fulfillment', 'API base URL'],
          sites.map((s) => [
            s.id,
            s.currency,
            s.timeZone,
            s.languages.join(','),
            s.fulfillment,
            s.syncUrl ?? s.apiBaseUrl,
          ]),
        ),
      );
    });
}
