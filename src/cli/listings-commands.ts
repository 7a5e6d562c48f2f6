import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  actOnListing,
  getListing,
  listingStatus,
  listingsDeps,
  pollQc,
  publishSite,
  reconcileSite,
  syncOnce,
  type ListingAction,
  type PublishSummary,
  type QcSummary,
  type ReconcileSummary,
} from '../listings/index.ts';
import { listSites } from '../marketplaces/index.ts';
import { AppError, OPERATOR_SCOPE } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit, table } from './output.ts';

/** `--site`: one site id, or `all`. */
export function sitesOf(site: string): string[] {
  const all = listSites().map((s) => s.id);
  if (site === 'all') return all;
  if (!all.includes(site))
    throw new AppError('invalid_input', `--site: "${site}" is not a site (${all.join(', ')} or all)`);
  return [site];
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppError('invalid_input', `${name} must be a positive integer`, { details: { [name]: value } });
  return n;
}

function describePublish(list: PublishSummary[]): string {
  const rows = list.map((s) => [
    s.site,
    s.considered,
    s.created,
    s.updated,
    s.blocked,
    s.failed,
    s.retry,
    s.topErrors.map((e) => `${e.code}×${e.count}`).join(' '),
  ]);
  return table(
    ['site', 'considered', 'created', 'updated', 'blocked', 'failed', 'retry later', 'platform errors'],
    rows,
  );
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('publish')
    .description(
      'build, preflight and publish products to a site (or all): new ones, ready ones and ones changed since',
    )
    .requiredOption('--site <site>', 'a site id such as lazada-sg, or all')
    .option('--seller <id>', 'only this seller')
    .option('--limit <n>', 'at most n products per site')
    .option('--rebuild', 'rebuild every draft, rejected and failed listing, not only changed ones')
    .option('--json', 'print JSON')
    .action(
      async (o: { site: string; seller?: string; limit?: string; rebuild?: boolean; json?: boolean }) => {
        const sites = sitesOf(o.site);
        const limit = positive(o.limit, 'limit');
        const app = await ctx.app();
        const deps = listingsDeps(app);
        const bar =
          !o.json && process.stderr.isTTY
            ? new cliProgress.SingleBar(
                {
                  format: 'publishing [{bar}] {value} | {site} | created {created} blocked {blocked}',
                  stream: process.stderr,
                },
                cliProgress.Presets.shades_classic,
              )
            : undefined;
        const out: PublishSummary[] = [];
        for (const site of sites) {
          let created = 0;
          let blocked = 0;
          out.push(
            await publishSite(deps, site, {
              sellerId: o.seller,
              limit,
              rebuild: o.rebuild,
              onPlanned: (n) => bar?.start(n, 0, { site, created, blocked }),
              onOutcome: (r) => {
                if (r.action === 'created' || r.action === 'updated') created++;
                if (r.action === 'blocked') blocked++;
                bar?.increment(1, { site, created, blocked });
              },
            }),
          );
          bar?.stop();
        }
        emit(!!o.json, { sites: out }, () => describePublish(out));
      },
    );

  const listings =
    program.commands.find((c) => c.name() === 'listings') ??
    program.command('listings').description('listings: category mapping, building, publishing');
  listings
    .command('status')
    .description('listings per site and state, and what holds them back most')
    .option('--site <site>', 'one site')
    .option('--json', 'print JSON')
    .action(async (o: { site?: string; json?: boolean }) => {
      if (o.site) sitesOf(o.site);
      const app = await ctx.app();
      const report = await listingStatus(app.store, OPERATOR_SCOPE, o.site);
      emit(!!o.json, report, () => {
        const states = [
          'draft',
          'ready',
          'publishing',
          'pending_qc',
          'live',
          'rejected',
          'paused',
          'delisted',
          'error',
        ];
        const main = table(
          ['site', 'total', ...states],
          report.sites.map((s) => [s.site, s.total, ...states.map((x) => s.states[x] ?? 0)]),
        );
        const errs = report.topErrors.map((e) => `  ${e.count}× ${e.reason}`).join('\n');
        return `${main}\n\ntop reasons:\n${errs || '  none'}`;
      });
    });
  listings
    .command('show <listingId>')
    .description('one listing: state, category, issues, SKUs with last pushed price and stock, sync log')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const app = await ctx.app();
      const l = await getListing(app.store, OPERATOR_SCOPE, id);
      emit(!!o.json, l, () =>
        [
          `${l.id}  ${l.site}  ${l.state}  item ${l.itemId ?? '-'}`,
          `title: ${l.title ?? '-'}`,
          `category: ${l.categoryPath ?? '-'} (confidence ${l.categoryConfidence ?? '-'})`,
          ...(l.qcReason ? [`QC: ${l.qcReason}`] : []),
          ...(l.lastErrorCode ? [`last error: ${l.lastErrorCode} ${l.lastErrorMessage ?? ''}`] : []),
          ...l.issues.map(
            (i) => `  ${String(i.severity)}: ${String(i.rule)} ${String(i.field)}: ${String(i.message)}`,
          ),
          table(
            ['seller sku', 'item', 'price', 'quantity', 'pushed at'],
            l.skus.map((s) => [
              s.sellerSku,
              s.itemId ?? '-',
              s.pushedPrice ? `${s.pushedPrice.minor} ${s.pushedPrice.currency}` : '-',
              s.pushedQuantity ?? '-',
              s.pushedAt?.toISOString() ?? '-',
            ]),
          ),
          'sync log:',
          ...l.events.map(
            (e) =>
              `  ${e.at.toISOString()} ${e.kind} ${e.fromState ?? ''}${e.toState ? ` → ${e.toState}` : ''} ${e.code ?? ''} ${e.message ?? ''}`,
          ),
        ].join('\n'),
      );
    });
  for (const action of ['pause', 'resume', 'delist'] as ListingAction[]) {
    listings
      .command(`${action} <listingId>`)
      .description(
        action === 'pause'
          ? 'stop selling on the site (stock 0), keep the listing'
          : action === 'resume'
            ? 'sell again with the current stock'
            : 'remove the product from the site for good',
      )
      .option('--json', 'print JSON')
      .action(async (id: string, o: { json?: boolean }) => {
        const app = await ctx.app();
        const l = await actOnListing(listingsDeps(app), OPERATOR_SCOPE, id, action);
        emit(!!o.json, l, () => `${l.id}: ${l.state}`);
      });
  }
  listings
    .command('sync')
    .description('one round of price and stock sync, QC polling and (with --reconcile) drift repair')
    .option('--site <site>', 'sites for QC polling and reconcile', 'all')
    .option('--reconcile', 'also read listings back and repair drift')
    .option('--json', 'print JSON')
    .action(async (o: { site: string; reconcile?: boolean; json?: boolean }) => {
      const sites = sitesOf(o.site);
      const app = await ctx.app();
      const deps = listingsDeps(app);
      const sync = await syncOnce(deps);
      const qc: (QcSummary & { site: string })[] = [];
      const reconcile: ReconcileSummary[] = [];
      for (const site of sites) {
        qc.push({ site, ...(await pollQc(deps, site)) });
        if (o.reconcile) reconcile.push(await reconcileSite(deps, site));
      }
      emit(!!o.json, { sync, qc, reconcile }, () =>
        [
          `stock pushed ${sync.stockPushed} (failed ${sync.stockFailed}), prices pushed ${sync.pricePushed} (failed ${sync.priceFailed}), ${sync.calls} calls`,
          table(
            ['site', 'QC checked', 'live', 'rejected', 'pending'],
            qc.map((q) => [q.site, q.checked, q.live, q.rejected, q.pending]),
          ),
          ...(o.reconcile
            ? [
                table(
                  ['site', 'checked', 'stock drift', 'price drift', 'status', 'missing', 'repaired'],
                  reconcile.map((r) => [
                    r.site,
                    r.checked,
                    r.quantityDrift,
                    r.priceDrift,
                    r.statusChanged,
                    r.missing,
                    r.repaired,
                  ]),
                ),
              ]
            : []),
        ].join('\n'),
      );
    });
}
