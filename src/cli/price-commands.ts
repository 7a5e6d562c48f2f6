import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  DbFxRepository,
  defaultFxSnapshot,
  loadPricingContext,
  parseScenario,
  quoteFromRequest,
  quoteResultBody,
  requote,
  sampleItems,
  simulate,
  type PriceableItem,
} from '../pricing/index.ts';
import { AppError } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { register as registerFx } from './fx-commands.ts';
import { emit, table } from './output.ts';
import { fmt, renderFailure, renderQuote, renderSimulation } from './price-render.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** "30", "30%" → 30 */
function pctArg(text: string): number {
  const n = Number(text.trim().replace(/%$/, ''));
  if (!Number.isFinite(n)) throw new AppError('invalid_input', `"${text}" is not a percentage`);
  return n;
}
function intArg(text: string): number {
  const n = Number(text.replace(/[,_]/g, ''));
  if (!Number.isSafeInteger(n) || n < 0)
    throw new AppError('invalid_input', `"${text}" is not a whole number`);
  return n;
}

const itemSchema = z.object({
  variantId: z.string(),
  sellerId: z.string(),
  priceKrw: z.number().int().nonnegative(),
  weightG: z.number().positive(),
  dims: z
    .object({
      lengthMm: z.number().positive(),
      widthMm: z.number().positive(),
      heightMm: z.number().positive(),
    })
    .optional(),
  category: z.string().optional(),
  costKrw: z.number().int().nonnegative().optional(),
});

/** Priceable items from a JSON array or JSON-lines file, or a seeded sample. */
async function loadItems(opts: { items?: string; sample?: string; seed?: string }): Promise<PriceableItem[]> {
  if (!opts.items) return sampleItems(intArg(opts.sample ?? '1000'), intArg(opts.seed ?? '42'));
  const text = await readFile(opts.items, 'utf8').catch((cause: unknown) => {
    throw new AppError('not_found', `cannot read ${opts.items}`, { cause });
  });
  const raw: unknown[] = text.trim().startsWith('[')
    ? (JSON.parse(text) as unknown[])
    : text
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as unknown);
  return raw.map((r, i) => {
    const parsed = itemSchema.safeParse(r);
    if (!parsed.success)
      throw new AppError(
        'invalid_input',
        `${opts.items}: item ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    return parsed.data as PriceableItem;
  });
}

export function register(program: Command, ctx: CliContext): void {
  // FX snapshots live in the store, like everything else an operator sets.
  const fxRepo = async () => new DbFxRepository((await ctx.app()).store.db);
  const price = program
    .command('price')
    .description('landed-cost prices: quotes with a waterfall, repricing and what-if');

  price
    .command('quote')
    .description(
      "the local selling price for an item on a site, from the seller's KRW price (or cost plus margin)",
    )
    .requiredOption('--site <code>', 'site code, e.g. lazada-th (see `price sites`)')
    .option('--krw <won>', "the seller's price in KRW")
    .option('--cost-krw <won>', 'cost in KRW: price = cost plus target margin')
    .requiredOption('--weight-g <grams>', 'actual weight in grams')
    .option('--dims <LxWxH>', 'box size in cm, e.g. 12x8x8')
    .option('--category <name>', 'pricing category (beauty, fashion, food, electronics, ...)')
    .option('--margin <pct>', 'target margin, % of the price net of tax')
    .option('--min-margin <pct>', 'margin floor')
    .option('--service <code>', 'force a shipping service (kpost-kpacket, kpost-ems, ...)')
    .option('--price <amount>', 'check this local price instead of computing one')
    .option('--discount <pct>', 'also check a special price this far off the list price')
    .option('--special-price <amount>', 'also check this special price')
    .option('--fx-snapshot <id>', 'use this stored FX snapshot (default: newest, else the shipped sample)')
    .option('--as-of <date>', 'the day whose rules apply (default today)')
    .option('--json', 'print the quote as JSON')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
      const pc = await loadPricingContext({
        fx: await fxRepo(),
        ...(s('fxSnapshot') ? { fxSnapshotId: s('fxSnapshot')! } : {}),
        ...(s('asOf') ? { asOf: s('asOf')! } : {}),
      });
      const result = quoteFromRequest(pc, {
        site: s('site')!,
        weightG: Number(s('weightG')),
        ...(s('krw') ? { krw: intArg(s('krw')!) } : {}),
        ...(s('costKrw') ? { costKrw: intArg(s('costKrw')!) } : {}),
        ...(s('dims') ? { dims: s('dims')! } : {}),
        ...(s('category') ? { category: s('category')! } : {}),
        ...(s('margin') ? { marginPct: pctArg(s('margin')!) } : {}),
        ...(s('minMargin') ? { minMarginPct: pctArg(s('minMargin')!) } : {}),
        ...(s('service') ? { service: s('service')! } : {}),
        ...(s('price') ? { price: s('price')! } : {}),
        ...(s('discount') ? { discountPct: pctArg(s('discount')!) } : {}),
        ...(s('specialPrice') ? { specialPrice: s('specialPrice')! } : {}),
      });
      emit(!!o.json, quoteResultBody(result), () =>
        result.ok ? renderQuote(result.value) : renderFailure(result.error),
      );
      // A rejected quote is an answer, not a crash: exit 1 so scripts can tell.
      if (!result.ok) process.exitCode = 1;
    });

  price
    .command('sites')
    .description('sites with currency, FX rate, shipping services and margin settings')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const pc = await loadPricingContext({ fx: await fxRepo() });
      const data = [...pc.sites.values()].map((x) => ({
        site: x.code,
        marketplace: x.marketplace,
        country: x.country,
        currency: x.currency,
        krwPerUnit: x.krwRateText ?? null,
        shipping: x.services.map((v) => v.service.code),
        margin: { targetPct: x.marginTargetPct, floorPct: x.marginFloorPct },
        rounding: x.rounding.name,
        ddp: x.ddp,
      }));
      emit(!!o.json, { dataVersion: pc.data.version, fxSnapshotId: pc.fx.id, sites: data }, () =>
        [
          `data ${pc.data.version}; FX ${pc.fx.id} (${pc.fx.source}, ${pc.fx.takenAt})`,
          table(
            ['site', 'currency', 'KRW/unit', 'shipping', 'margin', 'rounding'],
            data.map((d) => [
              d.site,
              d.currency,
              d.krwPerUnit ?? '-',
              d.shipping.join(','),
              `${d.margin.targetPct}% (≥${d.margin.floorPct}%)`,
              d.rounding,
            ]),
          ),
        ].join('\n'),
      );
    });

  price
    .command('simulate')
    .description('what-if: margins across the catalog under FX and fee shocks; changes nothing')
    .option('--fx <CCY=±N%>', 'FX shock, repeatable: THB=-3%, *=+1%, USD=1460', collect, [])
    .option(
      '--fee <target.field=±Npt>',
      'fee shock, repeatable: lazada.commission=+1pt, operator=+0.5pt, daraz-pk.payment=+10%',
      collect,
      [],
    )
    .option('--items <file>', 'priceable items (JSON array or JSON lines); default a seeded sample')
    .option('--sample <n>', 'size of the seeded sample catalog', '1000')
    .option('--seed <n>', 'sample seed', '42')
    .option('--site <code>', 'limit to sites, repeatable', collect, [])
    .option('--json', 'print JSON')
    .action(
      async (o: {
        fx: string[];
        fee: string[];
        items?: string;
        sample?: string;
        seed?: string;
        site: string[];
        json?: boolean;
      }) => {
        const scenario = parseScenario(o.fx, o.fee);
        const pc = await loadPricingContext({ fx: await fxRepo() });
        const items = await loadItems(o);
        const report = simulate(items, pc, scenario, o.site.length ? { sites: o.site } : {});
        emit(!!o.json, report, () => renderSimulation(report));
      },
    );

  price
    .command('requote')
    .description('the prices that change between two FX snapshots (default: previous → newest stored)')
    .option(
      '--from-fx <id>',
      'FX snapshot the current prices were made with (default: the one before the newest, else the shipped sample)',
    )
    .option('--to-fx <id>', 'FX snapshot to requote with (default: newest)')
    .option('--threshold <pct>', 'requote a site only when its rates moved at least this much', '1')
    .option('--items <file>', 'priceable items (JSON array or JSON lines); default a seeded sample')
    .option('--sample <n>', 'size of the seeded sample catalog', '1000')
    .option('--seed <n>', 'sample seed', '42')
    .option('--json', 'print JSON lines: one per changed price, then a summary')
    .action(
      async (o: {
        fromFx?: string;
        toFx?: string;
        threshold: string;
        items?: string;
        sample?: string;
        seed?: string;
        json?: boolean;
      }) => {
        const repo = await fxRepo();
        const stored = await repo.list(2);
        const toId = o.toFx ?? stored[0]?.id;
        // With one stored snapshot, the previous prices came from the shipped sample.
        const fromId = o.fromFx ?? stored[1]?.id ?? defaultFxSnapshot().id;
        if (!toId || !fromId)
          throw new AppError(
            'not_found',
            'no stored FX snapshot to requote to: store one with `kbridge fx set` / `fx import`, or pass --to-fx',
          );
        const [from, to] = await Promise.all([
          loadPricingContext({ fx: repo, fxSnapshotId: fromId }),
          loadPricingContext({ fx: repo, fxSnapshotId: toId }),
        ]);
        const { changes, summary } = requote(await loadItems(o), from, to, {
          thresholdPct: pctArg(o.threshold),
        });
        if (o.json) {
          for (const c of changes) emit(true, c, () => '');
          emit(true, { summary }, () => '');
          return;
        }
        const rows = changes
          .slice(0, 50)
          .map((c) => [
            c.variantId,
            c.site,
            c.before ? fmt(c.before) : '-',
            c.after ? fmt(c.after) : (c.failure?.kind ?? '-'),
            c.changePct === null ? '' : `${c.changePct}%`,
          ]);
        emit(false, null, () =>
          [
            `requote ${fromId} → ${toId}: sites ${summary.sites.map((p) => `${p.site} (${p.reasons.join('+')}${p.fxMovePct !== null ? ` ${p.fxMovePct}%` : ''})`).join(', ') || 'none'}`,
            rows.length
              ? table(['variant', 'site', 'before', 'after', 'change'], rows)
              : '(no price changed)',
            `${summary.changed} of ${summary.quotes} quotes changed${changes.length > 50 ? ' (first 50 shown; --json for all)' : ''}, ${summary.failed} failed`,
          ].join('\n'),
        );
      },
    );

  registerFx(program, ctx);
}
