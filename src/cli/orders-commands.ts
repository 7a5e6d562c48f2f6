import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  answerCancelRequest,
  cancelLines,
  customsPapers,
  getOrderDetail,
  handOver,
  inboxStats,
  listChannels,
  listOrders,
  orderTimeline,
  ordersRuntime,
  packOrder,
  packageShippingOptions,
  readyToShip,
  registerChannel,
  requeueFailed,
  shippingLabel,
  siteById,
  sweepChannel,
  todoList,
  type SweepResult,
} from '../orders/index.ts';
import { AppError, OPERATOR_SCOPE, sellerScope, type Scope } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit, table } from './output.ts';

/**
 * `kbridge orders …`: the seller's and operator's order desk — what to ship, pack, labels and
 * customs papers, ready-to-ship, hand-over, cancel, the timeline — and the operator's ingestion
 * controls (channels, sweep, inbox). Without `--seller` a command acts as the operator.
 */
const scopeOf = (opts: { seller?: string }): Scope =>
  opts.seller ? sellerScope(opts.seller) : OPERATOR_SCOPE;
const list = (v?: string) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const day = (d: Date | string) => new Date(d).toISOString().slice(0, 16).replace('T', ' ');

function refused(error: { kind: string; field?: string }): never {
  throw new AppError('conflict', `refused: ${error.kind}${error.field ? ` (${error.field})` : ''}`, {
    details: error as unknown as Record<string, unknown>,
  });
}

export function register(program: Command, ctx: CliContext): void {
  const orders = program
    .command('orders')
    .description('orders from the marketplaces: ship, cancel, returns, ingestion');
  const deps = async () => ordersRuntime(await ctx.app()).deps;

  orders
    .command('list')
    .description('orders, newest first, with their line statuses and KRW value')
    .option('--seller <id>', 'act as this seller')
    .option('--site <site>', 'one site, e.g. lazada-sg')
    .option('--status <status>', 'orders with a line in this status')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(async (o: { seller?: string; site?: string; status?: string; limit: string; json?: boolean }) => {
      const rows = await listOrders((await ctx.app()).store, scopeOf(o), { ...o, limit: Number(o.limit) });
      emit(!!o.json, rows, () =>
        table(
          ['order', 'site', 'placed', 'statuses', 'value', 'KRW'],
          rows.map((r) => [
            r.id,
            r.site,
            day(r.placedAt),
            r.statuses.join(','),
            `${r.itemsTotalMinor} ${r.currency} (minor)`,
            r.itemsTotalKrw,
          ]),
        ),
      );
    });

  orders
    .command('todo')
    .description(
      "the seller's to-do list: buyers' cancellation requests to answer; orders to pack, label, mark ready and hand over; stock and SKU problems; returns",
    )
    .option('--seller <id>', 'act as this seller')
    .option('--site <site>', 'one site')
    .option('--json', 'print JSON')
    .action(async (o: { seller?: string; site?: string; json?: boolean }) => {
      const items = await todoList((await ctx.app()).store, scopeOf(o), o);
      emit(!!o.json, items, () =>
        items.length === 0
          ? 'nothing to do'
          : table(
              ['action', 'order', 'site', 'placed', 'package', 'lines'],
              items.map((t) => [
                t.action,
                t.orderId,
                t.site,
                day(t.placedAt),
                t.packageId ?? t.returnId ?? t.reverseOrderId ?? '',
                t.lines.map((l) => `${l.sellerSku ?? '?'}×${l.quantity}`).join(' '),
              ]),
            ),
      );
    });

  orders
    .command('show <orderId>')
    .description('one order: lines (status, stock), packages')
    .option('--seller <id>', 'act as this seller')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { seller?: string; json?: boolean }) => {
      const d = await getOrderDetail((await ctx.app()).store, scopeOf(o), id);
      emit(!!o.json, d, () =>
        [
          `${d.id}  ${d.site} ${d.externalOrderId}  placed ${day(d.placedAt)}  ${d.buyerName ?? ''} (${d.buyerCountry ?? '?'})`,
          `value ${d.itemsTotalMinor} ${d.currency} minor = ${d.itemsTotalKrw} KRW at ${d.fxSnapshotId}`,
          table(
            ['line', 'sku', 'status', 'stock', 'package', 'tracking'],
            d.lines.map((l) => [
              l.id,
              l.sellerSku ?? '?',
              l.status,
              l.stockState,
              l.packageId ?? '',
              l.trackingNumber ?? '',
            ]),
          ),
        ].join('\n'),
      );
    });

  orders
    .command('timeline <orderId>')
    .description('everything that happened to an order, oldest first')
    .option('--seller <id>', 'act as this seller')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { seller?: string; json?: boolean }) => {
      const events = await orderTimeline((await ctx.app()).store, scopeOf(o), id);
      emit(!!o.json, events, () =>
        table(
          ['at', 'event', 'line', 'change', 'by'],
          events.map((e) => [
            day(e.at),
            e.kind,
            e.lineId ?? '',
            e.to ? `${e.from ?? ''}→${e.to}` : '',
            e.source,
          ]),
        ),
      );
    });

  orders
    .command('pack <orderId>')
    .description('pack lines on the marketplace (its fulfilment flavour)')
    .option('--seller <id>', 'act as this seller')
    .option('--lines <ids>', 'comma-separated line ids (default: every packable line)')
    .option('--provider <code>', 'cross-border provider, or the AliExpress logistics service')
    .option('--tracking <number>', 'AliExpress: your own logistics number')
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        o: { seller?: string; lines?: string; provider?: string; tracking?: string; json?: boolean },
      ) => {
        const r = await packOrder(await deps(), scopeOf(o), {
          orderId: id,
          ...(o.lines ? { lineIds: list(o.lines) } : {}),
          ...(o.provider ? { providerCode: o.provider } : {}),
          ...(o.tracking ? { trackingNumber: o.tracking } : {}),
        });
        if (!r.ok) refused(r.error);
        emit(!!o.json, r.value, () =>
          table(
            ['package', 'marketplace id', 'tracking', 'provider', 'lines'],
            r.value.packages.map((p) => [
              p.packageId,
              p.externalPackageId,
              p.trackingNumber ?? '',
              p.provider ?? '',
              p.lines.length,
            ]),
          ),
        );
      },
    );

  orders
    .command('label <packageId>')
    .description("download the marketplace's shipping label (AWB) as PDF")
    .option('--seller <id>', 'act as this seller')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { seller?: string; out: string; json?: boolean }) => {
      const r = await shippingLabel(await deps(), scopeOf(o), { packageIds: [id] });
      writeFileSync(o.out, r.bytes);
      emit(
        !!o.json,
        { file: o.out, bytes: r.bytes.length, packages: r.packages.map((p) => p.id) },
        () => `label written to ${o.out} (${r.bytes.length} bytes)`,
      );
    });

  orders
    .command('ready <packageId>')
    .description('tell the marketplace the package is ready to ship')
    .option('--seller <id>', 'act as this seller')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { seller?: string; json?: boolean }) => {
      const out = await readyToShip(await deps(), scopeOf(o), { packageIds: [id] });
      emit(!!o.json, out, () =>
        out
          .map((x) => `${x.packageId}: ${x.ok ? 'ready to ship' : `refused (${x.message ?? ''})`}`)
          .join('\n'),
      );
    });

  orders
    .command('hand-over <packageId>')
    .description(
      'the package went to the first-mile carrier: CJ, HANJIN, LOTTE or KPOST, with its tracking number',
    )
    .option('--seller <id>', 'act as this seller')
    .requiredOption('--carrier <code>', 'CJ | HANJIN | LOTTE | KPOST')
    .requiredOption('--tracking <number>', "the carrier's tracking number")
    .option(
      '--intl-carrier <code>',
      "the international leg: EMS | K-PACKET | EMS-PREMIUM (Korea Post) | HUB (the marketplace's)",
    )
    .option('--intl-tracking <number>', 'its tracking number (Korea Post: UPU S10, e.g. EE123456785KR)')
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        o: {
          seller?: string;
          carrier: string;
          tracking: string;
          intlCarrier?: string;
          intlTracking?: string;
          json?: boolean;
        },
      ) => {
        const r = await handOver(await deps(), scopeOf(o), {
          packageId: id,
          carrier: o.carrier,
          trackingNumber: o.tracking,
          internationalCarrier: o.intlCarrier,
          internationalTracking: o.intlTracking,
        });
        if (!r.ok) refused(r.error);
        emit(
          !!o.json,
          r.value,
          () => `${r.value.packageId} handed over; ${r.value.shippedLines} line(s) left stock`,
        );
      },
    );

  orders
    .command('cancel <orderId>')
    .description('cancel lines as the seller (validated with the marketplace first); releases stock')
    .option('--seller <id>', 'act as this seller')
    .option('--lines <ids>', 'comma-separated line ids (default: every cancellable line)')
    .option('--reason <id>', 'a reason id the marketplace offers (default: its first)')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { seller?: string; lines?: string; reason?: string; json?: boolean }) => {
      const r = await cancelLines(await deps(), scopeOf(o), {
        orderId: id,
        lineIds: list(o.lines),
        reasonId: o.reason,
      });
      if (!r.ok) refused(r.error);
      emit(
        !!o.json,
        r.value,
        () =>
          `cancelled ${r.value.canceled.length} line(s) (${r.value.reason.name})${r.value.alsoCanceled.length ? `; the marketplace also cancelled ${r.value.alsoCanceled.join(', ')}` : ''}`,
      );
    });

  orders
    .command('cancel-request <orderId>')
    .description("answer the buyer's cancellation request (to-do: answer-cancel) before shipping")
    .option('--seller <id>', 'act as this seller')
    .option('--accept', 'cancel the lines (stock is released)')
    .option('--refuse', 'keep the lines and ship them')
    .option('--reason <code>', 'a reason code for the marketplace (optional)')
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        o: { seller?: string; accept?: boolean; refuse?: boolean; reason?: string; json?: boolean },
      ) => {
        if (!!o.accept === !!o.refuse)
          throw new AppError('invalid_input', '--accept or --refuse: give exactly one', {
            details: { option: 'accept' },
          });
        const r = await answerCancelRequest(await deps(), scopeOf(o), {
          orderId: id,
          accept: !!o.accept,
          reasonCode: o.reason,
        });
        if (!r.ok) refused(r.error);
        emit(
          !!o.json,
          r.value,
          () =>
            `${r.value.accepted ? 'accepted' : 'refused'} the buyer's cancellation (${r.value.reverseOrderIds.join(', ')}): ${r.value.lines.map((l) => `${l.lineId} ${l.status}`).join(', ')}`,
        );
      },
    );

  orders
    .command('options <packageId>')
    .description(
      'logistics options for the parcel: hub or Korea Post, chargeable weight, limits, restricted items',
    )
    .option('--seller <id>', 'act as this seller')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { seller?: string; json?: boolean }) => {
      const options = await packageShippingOptions(await deps(), scopeOf(o), id);
      emit(!!o.json, options, () =>
        table(
          ['service', 'kind', 'ok', 'chargeable g', 'KRW', 'form', 'why not'],
          options.map((x) => [
            x.code,
            x.kind,
            x.eligible ? 'yes' : 'no',
            x.chargeableG,
            x.price?.minor ?? '-',
            x.customsForm,
            x.reasons.join('; '),
          ]),
        ),
      );
    });

  orders
    .command('customs <packageId>')
    .description('write the CN22/CN23 declaration and the commercial invoice as PDFs')
    .option('--seller <id>', 'act as this seller')
    .option('--service <code>', 'logistics option (default: the cheapest eligible)')
    .requiredOption('--out <dir>', 'directory for the two PDFs')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { seller?: string; service?: string; out: string; json?: boolean }) => {
      const r = await customsPapers(await deps(), scopeOf(o), {
        packageId: id,
        ...(o.service ? { serviceCode: o.service } : {}),
      });
      if (!r.ok) refused(r.error);
      mkdirSync(o.out, { recursive: true });
      const form = join(o.out, `${r.value.declaration.form.toLowerCase()}-${id}.pdf`);
      const invoice = join(o.out, `invoice-${id}.pdf`);
      writeFileSync(form, r.value.declarationPdf);
      writeFileSync(invoice, r.value.invoicePdf);
      emit(
        !!o.json,
        {
          form: r.value.declaration.form,
          service: r.value.option.code,
          files: [form, invoice],
          totalUsd: r.value.declaration.totalValue,
          descriptions: r.value.descriptions,
        },
        () =>
          [
            `${r.value.declaration.form} and invoice for ${r.value.option.name}: ${form}, ${invoice}`,
            // Say when an item is not described by its English title, and why.
            ...r.value.descriptions
              .filter((d) => d.source !== 'english-title')
              .map(
                (d) =>
                  `  ${d.sellerSku ?? '?'}: "${d.description}" (${d.source}; English title: ${d.englishTitle})`,
              ),
          ].join('\n'),
      );
    });

  const channels = orders
    .command('channels')
    .description("sellers' marketplace accounts orders arrive through");
  channels
    .command('list')
    .option('--seller <id>', 'act as this seller')
    .option('--json', 'print JSON')
    .action(async (o: { seller?: string; json?: boolean }) => {
      const rows = await listChannels((await ctx.app()).store, scopeOf(o));
      emit(!!o.json, rows, () =>
        table(
          ['site', 'marketplace seller', 'seller', 'status', 'swept until'],
          rows.map((c) => [
            c.site,
            c.externalSellerId,
            c.sellerId,
            c.status,
            c.sweptUntil ? day(c.sweptUntil) : '-',
          ]),
        ),
      );
    });
  channels
    .command('add')
    .description(
      "connect a seller's account on a site: exchange the authorization code (or register a known token)",
    )
    .requiredOption('--seller <id>', 'our seller')
    .requiredOption('--site <site>', 'e.g. lazada-sg')
    .option('--code <code>', 'the code the authorization page redirected with')
    .option('--external-seller-id <id>', "the marketplace's seller id (with --token-key)")
    .option('--token-key <key>', 'an already stored token')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        seller: string;
        site: string;
        code?: string;
        externalSellerId?: string;
        tokenKey?: string;
        json?: boolean;
      }) => {
        const app = await ctx.app();
        const site = siteById(o.site);
        let tokenKey = o.tokenKey ?? `${site.platform}:${o.seller}:${site.venture.toLowerCase()}`;
        let external = o.externalSellerId;
        if (o.code) {
          const conn = connectionFor(app, o.site);
          const grant = await conn.tokens.exchangeCode(tokenKey, o.code);
          external ??= (
            grant.sellers.find((s) => s.country.toLowerCase() === site.venture.toLowerCase()) ??
            grant.sellers[0]
          )?.sellerId;
          tokenKey = grant.key;
        }
        if (!external)
          throw new AppError('invalid_input', 'give --code, or --external-seller-id with --token-key');
        const channel = await registerChannel(app.store, {
          site: o.site,
          externalSellerId: external,
          sellerId: o.seller,
          tokenKey,
        });
        emit(
          !!o.json,
          channel,
          () => `${channel.site}: marketplace seller ${channel.externalSellerId} → ${channel.sellerId}`,
        );
      },
    );

  orders
    .command('sweep')
    .description('poll the marketplaces for orders updated since the last sweep and queue what pushes missed')
    .option('--seller <id>', 'only this seller')
    .option('--site <site>', 'only this site')
    .option('--json', 'print JSON')
    .action(async (o: { seller?: string; site?: string; json?: boolean }) => {
      const app = await ctx.app();
      const rt = ordersRuntime(app);
      const results: SweepResult[] = [];
      for (const c of await listChannels(app.store, scopeOf(o))) {
        if (c.status !== 'active' || (o.site && c.site !== o.site)) continue;
        results.push(
          await sweepChannel(
            { store: app.store, gateway: rt.deps.gateway, inbox: rt.inbox, clock: app.clock },
            c,
          ),
        );
      }
      const processed = await rt.ingestor.drain();
      emit(!!o.json, { sweeps: results, processedBatches: processed.length }, () =>
        table(
          ['site', 'seller', 'listed', 'queued'],
          results.map((r) => [r.site, r.sellerId, r.listed, r.queued]),
        ),
      );
    });

  orders
    .command('inbox')
    .description('the push inbox: waiting, processing, failed; process it now, or requeue failed entries')
    .option('--process', 'process everything due now')
    .option('--requeue-failed', 'put failed entries back in the queue')
    .option('--json', 'print JSON')
    .action(async (o: { process?: boolean; requeueFailed?: boolean; json?: boolean }) => {
      const app = await ctx.app();
      const requeued = o.requeueFailed ? await requeueFailed(app.store) : 0;
      const batches = o.process ? await ordersRuntime(app).ingestor.drain() : [];
      const stats = await inboxStats(app.store);
      emit(
        !!o.json,
        { ...stats, requeued, processed: batches.reduce((n, b) => n + b.done, 0) },
        () =>
          `pending ${stats.pending}, processing ${stats.processing}, failed ${stats.failed}, done ${stats.done}${requeued ? `; requeued ${requeued}` : ''}${o.process ? `; processed ${batches.reduce((n, b) => n + b.done, 0)}` : ''}`,
      );
    });
}

function connectionFor(app: Parameters<typeof ordersRuntime>[0], site: string) {
  const rt = ordersRuntime(app);
  if (rt.apps.length === 0)
    throw new AppError(
      'config',
      'no marketplace app: set KBRIDGE_MARKETPLACE_APP_KEY and KBRIDGE_MARKETPLACE_APP_SECRET',
    );
  return rt.connection(site);
}
