import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPricingContext, defaultFxSnapshot } from '../../pricing/index.ts';
import { pricingRoutes } from './routes.ts';

const ctx = createPricingContext({ fx: defaultFxSnapshot(), asOf: '2026-11-25' });
const api = pricingRoutes({ context: async () => ctx });
const post = (body: unknown) =>
  api.request('/v1/pricing/quote', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('pricing routes', () => {
  it('POST /v1/pricing/quote returns the same quote as the engine', async () => {
    const res = await post({
      site: 'lazada-th',
      krw: 25000,
      weightG: 350,
      dims: '12x8x8',
      category: 'beauty',
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      status: string;
      price: unknown;
      components: { code: string }[];
      fxSnapshot: { id: string };
    };
    assert.equal(body.status, 'ok');
    assert.deepEqual(body.price, { currency: 'THB', minor: 108900 });
    assert.equal(body.components.length, 10);
    assert.equal(body.fxSnapshot.id, ctx.fx.id);
  });
  it('a guard failure is a 200 with status rejected and the guard', async () => {
    const res = await post({ site: 'lazada-th', krw: 25000, weightG: 350, category: 'beauty', price: '999' });
    const body = (await res.json()) as { status: string; kind: string; guard: string };
    assert.deepEqual(
      [res.status, body.status, body.kind, body.guard],
      [200, 'rejected', 'guard-failed', 'min-margin'],
    );
  });
  it('validation errors name the parameter', async () => {
    const res = await post({ site: 'lazada-th', krw: 25000 });
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(await res.json()), /weightG/);
  });
  it('GET /v1/pricing/sites lists sites with their rates', async () => {
    const res = await api.request('/v1/pricing/sites');
    const body = (await res.json()) as { data: { site: string; krwPerUnit: string | null }[] };
    assert.equal(res.status, 200);
    assert.ok(body.data.some((s) => s.site === 'daraz-pk' && s.krwPerUnit === '5.17753'));
  });
});
