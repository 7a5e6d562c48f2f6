import type { Command } from 'commander';
import {
  localeProfile,
  localizeText,
  parseQuantities,
  UNIT_LOCALES,
  type LocalizeOptions,
  type LocalizeResult,
  type ParseResult,
} from '../localization/index.ts';
import { AppError } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit, readStdinLines } from './output.ts';

async function inputs(texts: string[]): Promise<string[]> {
  return texts.length > 0 ? texts : readStdinLines();
}

function describeParse(r: ParseResult): string {
  const lines = [r.text];
  for (const q of r.quantities) {
    const range = q.valueMax === undefined ? `${q.value}` : `${q.value}–${q.valueMax}`;
    const extras = [
      q.count !== undefined ? `× ${q.count}` : '',
      q.source ? `(${q.source.value} ${q.source.unit})` : '',
      q.kind ?? '',
      q.label ?? '',
      q.dimension ? `side ${q.dimension.index + 1}/${q.dimension.count}` : '',
    ].filter(Boolean);
    lines.push(
      `  [${q.start},${q.end}) ${q.match} → ${range} ${q.unit}${extras.length ? ` ${extras.join(' ')}` : ''}`,
    );
  }
  for (const z of r.sizes ?? []) lines.push(`  [${z.start},${z.end}) ${z.match} → ${z.system} size`);
  if (r.quantities.length === 0 && !r.sizes) lines.push('  (no quantities)');
  return lines.join('\n');
}

function describeLocalize(r: LocalizeResult): string {
  const lines = [r.text, `  → ${r.localized}`];
  for (const q of r.quantities) {
    lines.push(`  ${q.match} → ${q.target.text}${q.flags ? ` [${q.flags.join(', ')}]` : ''}`);
  }
  for (const z of r.sizes ?? []) lines.push(`  ${z.match} → ${z.target.text} (${z.system} size)`);
  return lines.join('\n');
}

function fxOption(locale: string, rate: string | undefined, code: string | undefined): LocalizeOptions['fx'] {
  if (rate === undefined) return undefined;
  const currency = code ?? localeProfile(locale).currency;
  if (!currency) {
    throw new AppError('invalid_input', `no market currency known for ${locale}; pass --fx-currency`, {
      details: { locale },
    });
  }
  return { currency: currency.toUpperCase(), rate: Number(rate) };
}

export function register(program: Command, _ctx: CliContext): void {
  const units = program
    .command('units')
    .description('find, convert and format measurements, sizes and KRW amounts in Korean listing text');

  units
    .command('parse')
    .description('find quantities; one input per line on stdin when no TEXT is given')
    .argument('[text...]', 'texts to parse')
    .option('--json', 'one JSON object per input: {"text", "quantities": [...]} (offsets are UTF-16)')
    .action(async (texts: string[], opts: { json?: boolean }) => {
      for (const text of await inputs(texts)) {
        const result = parseQuantities(text);
        emit(!!opts.json, result, () => describeParse(result));
      }
    });

  units
    .command('localize')
    .description('rewrite quantities for a target locale; one input per line on stdin when no TEXT is given')
    .argument('[text...]', 'texts to localize')
    .requiredOption('--to <locale>', `target locale (${UNIT_LOCALES.join(', ')})`)
    .option('--keep-original', 'keep the original in parentheses: "16.9 fl oz (500 mL)"')
    .option('--fx <rate>', 'KRW amounts: units of the market currency per 1 KRW (pricing owns rates)')
    .option('--fx-currency <code>', 'currency of --fx (default: the market currency of --to)')
    .option('--json', 'one JSON object per input: parse output plus "localized" and each "target"')
    .action(
      async (
        texts: string[],
        opts: { to: string; keepOriginal?: boolean; fx?: string; fxCurrency?: string; json?: boolean },
      ) => {
        const options: LocalizeOptions = { keepOriginal: !!opts.keepOriginal };
        const fx = fxOption(opts.to, opts.fx, opts.fxCurrency);
        if (fx) options.fx = fx;
        localeProfile(opts.to); // a bad locale fails before reading stdin
        for (const text of await inputs(texts)) {
          const result = localizeText(text, opts.to, options);
          const { replacements: _replacements, ...line } = result;
          emit(!!opts.json, line, () => describeLocalize(result));
        }
      },
    );

  units
    .command('locales')
    .description('the target locales and their measurement profiles')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const profiles = UNIT_LOCALES.map((l) => localeProfile(l));
      emit(!!opts.json, profiles, () =>
        profiles
          .map(
            (p) =>
              `${p.locale.padEnd(7)} ${p.system.padEnd(6)} ${String(p.currency).padEnd(4)} shoes ${p.shoe.join('+').padEnd(5)} apparel ${p.apparel}${p.rtl ? ' rtl' : ''}`,
          )
          .join('\n'),
      );
    });
}
