import type { Command } from 'commander';
import {
  countStock,
  openStockFromCatalog,
  receiveStock,
  setAllocationPolicy,
  stockLedger,
  stockLevels,
} from '../inventory/index.ts';
import { listReturns, receiveReturn } from '../orders/index.ts';
import { AppError, OPERATOR_SCOPE, sellerScope, type Scope } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit, table } from './output.ts';

/**
 * `kbridge stock …` and `kbridge returns …`: the seller's stock per SKU (receive, count, ledger,
 * allocation to sites) and returned parcels. Without `--seller` a command acts as the operator;
 * a SKU then needs `--seller` to say whose.
 */
const scopeOf = (o: { seller?: string }): Scope => (o.seller ? sellerScope(o.seller) : OPERATOR_SCOPE);

function pairs(text: string | undefined, what: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    const n = Number(v);
    if (!k || !Number.isSafeInteger(n))
      throw new AppError('invalid_input', `--${what}: expected site=number, got "${part}"`);
    out[k.trim()] = n;
  }
  return out;
}

export function register(program: Command, ctx: CliContext): void {
  const stock = program
    .command('stock')
    .description('stock per seller SKU, shared by every site it sells on');
  const key = (o: { sku?: string; variant?: string; seller?: string }) => ({
    ...(o.variant ? { variantId: o.variant } : {}),
    ...(o.sku ? { sellerSku: o.sku } : {}),
    ...(o.seller ? { sellerId: o.seller } : {}),
  });

  stock
    .command('list')
    .description('on hand, reserved, free, and what each site may offer')
    .option('--seller <id>', 'act as this seller')
    .option('--sku <sku>', 'one SKU')
    .option(
      '--sites <ids>',
      'comma-separated sites to show the allocation for',
      'lazada-sg,lazada-my,daraz-pk,miravia-es',
    )
    .option('--limit <n>', 'how many', '100')
    .option('--json', 'print JSON')
    .action(async (o: { seller?: string; sku?: string; sites: string; limit: string; json?: boolean }) => {
      const sites = o.sites.split(',').map((s) => s.trim());
      const rows = await stockLevels((await ctx.app()).store, scopeOf(o), {
        sellerSku: o.sku,
        sites,
        limit: Number(o.limit),
      });
      emit(!!o.json, rows, () =>
        table(
          ['sku', 'on hand', 'reserved', 'free', ...sites, 'push'],
          rows.map((r) => [
            r.sellerSku,
            r.onHand,
            r.reserved,
            r.free,
            ...sites.map((s) => r.bySite[s] ?? 0),
            r.pendingPush ? 'pending' : 'synced',
          ]),
        ),
      );
    });

  stock
    .command('receive')
    .description('goods in: add units of a SKU')
    .option('--seller <id>', 'the seller (required for --sku as operator)')
    .option('--sku <sku>', 'seller SKU')
    .option('--variant <id>', 'or the variant id')
    .requiredOption('--qty <n>', 'units received')
    .option('--request-id <id>', 'idempotency key: the same receipt twice changes nothing')
    .option('--note <text>', 'a note for the ledger')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        seller?: string;
        sku?: string;
        variant?: string;
        qty: string;
        requestId?: string;
        note?: string;
        json?: boolean;
      }) => {
        const r = await receiveStock((await ctx.app()).store, scopeOf(o), {
          ...key(o),
          quantity: Number(o.qty),
          ...(o.requestId ? { requestId: o.requestId } : {}),
          ...(o.note ? { note: o.note } : {}),
          actor: 'cli',
        });
        emit(
          !!o.json,
          r,
          () =>
            `${r.applied ? 'received' : 'already received'}: on hand ${r.counts.onHand}, reserved ${r.counts.reserved}`,
        );
      },
    );

  stock
    .command('count')
    .description('stocktake: set on hand to a counted figure (refused below what orders hold)')
    .option('--seller <id>', 'the seller')
    .option('--sku <sku>', 'seller SKU')
    .option('--variant <id>', 'or the variant id')
    .requiredOption('--on-hand <n>', 'units counted')
    .option('--json', 'print JSON')
    .action(
      async (o: { seller?: string; sku?: string; variant?: string; onHand: string; json?: boolean }) => {
        const r = await countStock((await ctx.app()).store, scopeOf(o), {
          ...key(o),
          onHand: Number(o.onHand),
          actor: 'cli',
        });
        if (!r.ok)
          throw new AppError(
            'conflict',
            `orders hold ${r.error.reserved} units; cannot count ${r.error.wanted}`,
            { details: r.error },
          );
        emit(!!o.json, r.value, () => `on hand ${r.value.onHand}, reserved ${r.value.reserved}`);
      },
    );

  stock
    .command('ledger')
    .description("a SKU's movements, newest first")
    .option('--seller <id>', 'the seller')
    .option('--sku <sku>', 'seller SKU')
    .option('--variant <id>', 'or the variant id')
    .option('--json', 'print JSON')
    .action(async (o: { seller?: string; sku?: string; variant?: string; json?: boolean }) => {
      const rows = await stockLedger((await ctx.app()).store, scopeOf(o), key(o));
      emit(!!o.json, rows, () =>
        table(
          ['at', 'kind', 'on hand', 'reserved', 'site', 'ref', 'note'],
          rows.map((e) => [
            e.at.toISOString().slice(0, 19),
            e.kind,
            `${e.onHandDelta >= 0 ? '+' : ''}${e.onHandDelta} → ${e.onHandAfter}`,
            `${e.reservedDelta >= 0 ? '+' : ''}${e.reservedDelta} → ${e.reservedAfter}`,
            e.site ?? '',
            e.ref ?? '',
            e.note ?? '',
          ]),
        ),
      );
    });

  stock
    .command('policy')
    .description('how free stock is offered to the sites: a shared pool with buffers, or fixed splits')
    .requiredOption('--seller <id>', 'the seller')
    .option('--sku <sku>', 'one SKU (default: the seller default)')
    .requiredOption('--mode <mode>', 'shared | split')
    .option('--buffers <pairs>', 'shared: units held back per site, e.g. lazada-sg=2,*=1')
    .option('--weights <pairs>', 'split: weights per site, e.g. lazada-sg=2,daraz-pk=1')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        seller: string;
        sku?: string;
        mode: string;
        buffers?: string;
        weights?: string;
        json?: boolean;
      }) => {
        if (o.mode !== 'shared' && o.mode !== 'split')
          throw new AppError('invalid_input', '--mode: shared or split');
        const r = await setAllocationPolicy((await ctx.app()).store, sellerScope(o.seller), {
          ...(o.sku ? { sellerSku: o.sku } : {}),
          policy: {
            mode: o.mode,
            buffers: pairs(o.buffers, 'buffers'),
            weights: pairs(o.weights, 'weights'),
          },
        });
        if (!r.ok) throw new AppError('invalid_input', 'a policy needs a seller');
        emit(
          !!o.json,
          r.value,
          () =>
            `policy set for ${r.value.variantId === '*' ? 'every SKU' : r.value.variantId} of ${r.value.sellerId}; quantities queued for the listings`,
        );
      },
    );

  stock
    .command('open')
    .description("opening stock from the catalog's stock figures, for SKUs without a stock record")
    .option('--seller <id>', 'one seller')
    .option('--json', 'print JSON')
    .action(async (o: { seller?: string; json?: boolean }) => {
      const r = await openStockFromCatalog((await ctx.app()).store, scopeOf(o));
      emit(!!o.json, r, () => `opened stock for ${r.opened} SKU(s)`);
    });

  const returns = program
    .command('returns')
    .description('returned parcels: receive them, restock or write off');
  returns
    .command('list')
    .option('--seller <id>', 'act as this seller')
    .option('--status <status>', 'open | restocked | written_off')
    .option('--json', 'print JSON')
    .action(async (o: { seller?: string; status?: string; json?: boolean }) => {
      const rows = await listReturns((await ctx.app()).store, scopeOf(o), o);
      emit(!!o.json, rows, () =>
        table(
          ['return', 'kind', 'status', 'order', 'sku', 'qty'],
          rows.map((r) => [r.id, r.kind, r.status, r.orderId, r.sellerSku ?? '?', r.quantity]),
        ),
      );
    });
  returns
    .command('receive <returnId>')
    .description('the returned parcel arrived: --restock puts it back on the shelf, else it is written off')
    .option('--seller <id>', 'act as this seller')
    .option('--restock', 'put the units back in stock')
    .option('--note <text>', 'a note')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { seller?: string; restock?: boolean; note?: string; json?: boolean }) => {
      const r = await receiveReturn((await ctx.app()).store, scopeOf(o), {
        returnId: id,
        restock: !!o.restock,
        actor: 'cli',
        ...(o.note ? { note: o.note } : {}),
      });
      if (!r.ok) throw new AppError('conflict', `return already ${r.error.status}`, { details: r.error });
      emit(!!o.json, r.value, () => `return ${id}: ${r.value.status}`);
    });
}
