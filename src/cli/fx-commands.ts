import type { Command } from 'commander';
import {
  FileRateSource,
  HttpRateSource,
  DbFxRepository,
  REQUOTE_JOB,
  currentFxSnapshot,
  fxChanges,
  withRates,
  type FxSnapshot,
} from '../pricing/index.ts';
import { ALL_JOBS, startQueue } from '../jobs/index.ts';
import { AppError, systemClock } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit, table } from './output.ts';

function describe(s: FxSnapshot): string {
  return [
    `${s.id}  ${s.source}  ${s.takenAt}`,
    table(
      ['currency', 'KRW per unit'],
      Object.entries(s.rates).map(([c, r]) => [c, r]),
    ),
  ].join('\n');
}

/**
 * `kbridge fx ...`: FX snapshots, stored in the fx_snapshots table; the newest overrides the
 * shipped dated sample.
 */
export function register(program: Command, ctx: CliContext): void {
  const repo = async () => new DbFxRepository((await ctx.app()).store.db);
  const fx = program.command('fx').description('FX rate snapshots (KRW per unit) used by pricing');

  const save = async (next: FxSnapshot, json: boolean) => {
    const app = await ctx.app();
    const r = new DbFxRepository(app.store.db);
    const prev = await currentFxSnapshot(r);
    await r.save(prev); // the shipped sample, when nothing was stored yet: the requote reads both
    await r.save(next);
    const moves = fxChanges(prev, next);
    // Workers (`kbridge serve` or `kbridge worker`) requote the catalog; sites whose currencies
    // moved less than the threshold are skipped by the job itself.
    let requoteJobId: string | null = null;
    if (prev.id !== next.id) {
      const queue = await startQueue(app, ALL_JOBS);
      try {
        requoteJobId = await queue.send(REQUOTE_JOB, { fromFxSnapshotId: prev.id, toFxSnapshotId: next.id });
      } finally {
        await queue.stop();
      }
    }
    emit(json, { snapshot: next, previous: prev.id, changes: moves, requoteJobId }, () =>
      [
        `stored ${next.id} (${next.source}); previous ${prev.id}${requoteJobId ? `; requote job ${requoteJobId} queued` : ''}`,
        ...moves.map(
          (m) =>
            `  ${m.currency}: ${m.from ?? '-'} → ${m.to ?? '-'}${m.changePct !== null ? ` (${m.changePct > 0 ? '+' : ''}${m.changePct.toFixed(2)}%)` : ''}`,
        ),
      ].join('\n'),
    );
  };

  fx.command('show')
    .description('the snapshot quotes use now (newest stored, else the shipped dated sample)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const s = await currentFxSnapshot(await repo());
      emit(!!o.json, s, () => describe(s));
    });

  fx.command('list')
    .description('stored snapshots, newest first')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(async (o: { limit: string; json?: boolean }) => {
      const list = await (await repo()).list(Number(o.limit));
      emit(!!o.json, list, () =>
        list.length
          ? table(
              ['id', 'source', 'taken at', 'currencies'],
              list.map((s) => [s.id, s.source, s.takenAt, Object.keys(s.rates).length]),
            )
          : 'no stored snapshots (quotes use the shipped dated sample)',
      );
    });

  fx.command('set')
    .description('store a new snapshot with one rate changed: KRW per one unit of CCY')
    .argument('<ccy>', 'currency code, e.g. THB')
    .argument('<rate>', 'KRW per unit, e.g. 46.2')
    .option('--json', 'print JSON')
    .action(async (ccy: string, rate: string, o: { json?: boolean }) => {
      const base = await currentFxSnapshot(await repo());
      await save(withRates(base, { [ccy.toUpperCase()]: rate }, 'manual', systemClock.now()), !!o.json);
    });

  fx.command('import')
    .description(
      'store a snapshot from a file: JSON ({"base":"KRW","rates":{...}} or a rates-API answer) or CSV lines CCY,rate',
    )
    .argument('<file>', 'rates file')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const imported = await new FileRateSource(file).fetchSnapshot();
      // Currencies the file lacks keep their current rate.
      const base = await currentFxSnapshot(await repo());
      await save(withRates(base, imported.rates, imported.source, imported.takenAt), !!o.json);
    });

  fx.command('fetch')
    .description('store a snapshot from an HTTP rates API (JSON with base and rates)')
    .requiredOption('--url <url>', 'e.g. https://open.er-api.com/v6/latest/KRW')
    .option('--json', 'print JSON')
    .action(async (o: { url: string; json?: boolean }) => {
      if (!/^https?:\/\//.test(o.url))
        throw new AppError('invalid_input', `"${o.url}" is not an http(s) URL`);
      const fetched = await new HttpRateSource({ url: o.url }).fetchSnapshot();
      const base = await currentFxSnapshot(await repo());
      await save(withRates(base, fetched.rates, fetched.source, fetched.takenAt), !!o.json);
    });
}
