import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../shared/index.ts';
import { createPricingContext } from './context.ts';
import { InMemoryFxRepository } from './fx/fx-repository.ts';
import { defaultFxSnapshot, withRates } from './fx/fx-snapshot.ts';
import { cloneInputs, loadPricingData, parsePricingData } from './pricing-data.ts';
import { quote } from './quote.ts';
import { createRequoteJobHandler, REQUOTE_JOB } from './requote-job.ts';
import { planRequote, requote, requoteStream, type PriceChange } from './requote.ts';
import { sampleItems } from './sample-items.ts';
import { parseScenario, simulate } from './simulate.ts';

const asOf = '2026-11-25';
const fx0 = defaultFxSnapshot();
const base = createPricingContext({ fx: fx0, asOf });
const items = sampleItems(200, 5);
const moved = (pct: number, ccy = 'THB') =>
  withRates(fx0, { [ccy]: Number(fx0.rates[ccy]) * (1 + pct / 100) }, 'test', '2026-11-25T00:00:00Z');

describe('planRequote', () => {
  it('ignores FX moves under the threshold (default 1%)', () => {
    const ctx = createPricingContext({ fx: moved(-0.5), asOf });
    assert.deepEqual(planRequote(base, ctx), []);
    assert.deepEqual(
      planRequote(base, ctx, 0.25).map((p) => [p.site, p.reasons]),
      [['lazada-th', ['fx']]],
    );
  });
  it('requotes the sites whose currency moved past it', () => {
    const plan = planRequote(base, createPricingContext({ fx: moved(-3), asOf }));
    assert.deepEqual(plan, [{ site: 'lazada-th', reasons: ['fx'], fxMovePct: 3 }]);
  });
  it('a USD move touches Indonesia (its USD 3 threshold) and the US site', () => {
    const plan = planRequote(base, createPricingContext({ fx: moved(2, 'USD'), asOf }));
    assert.deepEqual(
      plan.map((p) => p.site),
      ['lazada-id', 'aliexpress-us'],
    );
  });
  it('a fee table change requotes only the sites using it', () => {
    const inputs = cloneInputs(loadPricingData());
    inputs.fees.schedules['lazada-my']!.commissionPct.default = 6;
    const plan = planRequote(base, createPricingContext({ data: parsePricingData(inputs), fx: fx0, asOf }));
    assert.deepEqual(plan, [{ site: 'lazada-my', reasons: ['fees'], fxMovePct: null }]);
  });
  it('a new customs rule coming into force counts as a data change', () => {
    const plan = planRequote(
      createPricingContext({ fx: fx0, asOf: '2026-12-31' }),
      createPricingContext({ fx: fx0, asOf: '2027-01-01' }),
    );
    assert.deepEqual(
      plan.map((p) => p.site),
      ['lazada-vn'],
    );
  });
});

describe('requote', () => {
  it('emits only prices that changed, each with before/after and reason', () => {
    const to = createPricingContext({ fx: moved(-3), asOf });
    const { changes, summary } = requote(items, base, to);
    assert.equal(summary.items, 200);
    assert.equal(summary.quotes, 200);
    assert.ok(changes.length > 0 && changes.length <= 200);
    for (const c of changes) {
      assert.equal(c.site, 'lazada-th');
      assert.deepEqual(c.reasons, ['fx']);
      assert.notDeepEqual(c.before, c.after);
      const fresh = quote(
        to,
        'lazada-th',
        items.find((i) => i.variantId === c.variantId)!,
      );
      assert.deepEqual(fresh.ok ? fresh.value.price : null, c.after);
    }
    // THB weakened: baht prices go up.
    assert.ok(changes.filter((c) => c.after && c.before).every((c) => c.after!.minor > c.before!.minor));
    const unchanged = items.filter((i) => !changes.some((c) => c.variantId === i.variantId));
    for (const i of unchanged.slice(0, 20)) {
      const a = quote(base, 'lazada-th', i);
      const b = quote(to, 'lazada-th', i);
      assert.deepEqual(a.ok && a.value.price, b.ok && b.value.price);
    }
  });
  it('nothing to do when nothing moved', () => {
    assert.deepEqual(requote(items, base, base).changes, []);
  });
  it('streams batches and gives the same changes', async () => {
    const to = createPricingContext({ fx: moved(5), asOf });
    const batches: PriceChange[][] = [];
    async function* gen() {
      yield* items;
    }
    const summary = await requoteStream(gen(), base, to, async (b) => void batches.push(b), { batchSize: 7 });
    assert.ok(batches.every((b) => b.length <= 7));
    assert.deepEqual(batches.flat(), requote(items, base, to).changes);
    assert.equal(summary.changed, batches.flat().length);
  });
});

describe('requote job handler', () => {
  it('decodes the payload, loads both snapshots, publishes changes; twice gives the same', async () => {
    const repo = new InMemoryFxRepository();
    const next = moved(-3);
    await repo.save(fx0);
    await repo.save(next);
    const published: PriceChange[][] = [];
    const handler = createRequoteJobHandler({
      fx: repo,
      data: () => loadPricingData(),
      items: () => items,
      publish: async (c) => void published.push(c),
      clock: fixedClock('2026-11-25T10:00:00Z'),
    });
    const payload = { fromFxSnapshotId: fx0.id, toFxSnapshotId: next.id };
    const s1 = await handler(payload);
    const first = published.flat();
    const s2 = await handler(payload);
    assert.equal(REQUOTE_JOB, 'pricing.requote');
    assert.deepEqual(s1, s2);
    assert.deepEqual(published.flat().slice(first.length), first);
    assert.equal(s1.changed, first.length);
    await assert.rejects(handler({ fromFxSnapshotId: 'nope' }), { code: 'invalid_input' });
    await assert.rejects(handler({ fromFxSnapshotId: fx0.id, toFxSnapshotId: 'fx_missing' }), {
      code: 'not_found',
    });
  });
});

describe('what-if simulation', () => {
  it('parses --fx and --fee shocks', () => {
    assert.deepEqual(
      parseScenario(
        ['THB=-3%', '*=+1%', 'usd=1500'],
        ['lazada.commission=+1pt', 'operator=-0.5pt', 'daraz-pk.payment=+10%'],
      ),
      {
        fx: [
          { currency: 'THB', changePct: -3 },
          { currency: '*', changePct: 1 },
          { currency: 'USD', rate: '1500' },
        ],
        fees: [
          { target: 'lazada', field: 'commission', deltaPt: 1 },
          { target: 'operator', field: 'fee', deltaPt: -0.5 },
          { target: 'daraz-pk', field: 'payment', relativePct: 10 },
        ],
      },
    );
    assert.throws(() => parseScenario(['THB-3'], []), /CCY=/);
    assert.throws(() => parseScenario([], ['lazada.shipping=+1pt']), /commission\|payment/);
  });
  it('THB −3% and Lazada commission +1pt lower margins at current prices; nothing else moves', () => {
    const report = simulate(items.slice(0, 80), base, parseScenario(['THB=-3%'], ['lazada.commission=+1pt']));
    const th = report.sites.find((s) => s.site === 'lazada-th')!;
    const sg = report.sites.find((s) => s.site === 'lazada-sg')!;
    const pk = report.sites.find((s) => s.site === 'daraz-pk')!;
    assert.ok(th.marginPctAtCurrentPrices < th.marginPctBefore - 2, JSON.stringify(th));
    assert.ok(
      sg.marginPctAtCurrentPrices < sg.marginPctBefore - 0.5 &&
        sg.marginPctAtCurrentPrices > sg.marginPctBefore - 1.5,
    );
    assert.equal(pk.marginPctAtCurrentPrices, pk.marginPctBefore);
    assert.equal(pk.repriced.changed, 0);
    assert.ok(th.repriced.changed > 0 && th.repriced.avgPriceChangePct > 0);
    assert.equal(report.totals.items, 80);
    assert.notEqual(report.shocked.dataVersion, report.base.dataVersion);
    assert.ok(report.totals.marginKrwAtCurrentPrices < report.totals.marginKrwBefore);
  });
  it('changes nothing: the base context still quotes the same', () => {
    const before = quote(base, 'lazada-th', items[0]!);
    simulate(items.slice(0, 5), base, parseScenario(['THB=-10%'], ['*.commission=+5pt']));
    assert.deepEqual(quote(base, 'lazada-th', items[0]!), before);
  });
});
