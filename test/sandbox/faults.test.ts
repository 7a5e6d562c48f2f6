import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/shared/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { lazop, productPayload, pushReceiver, sku, type Json } from './helpers.ts';

const TENTS = 7665;

describe('sandbox fault injection and push delivery faults', () => {
  let sb: Sandbox;
  let token: string;
  let receiver: Awaited<ReturnType<typeof pushReceiver>>;
  const seller = (): Promise<{ status: number; json: Json; text: string }> =>
    lazop(sb, 'lazada/sg', '/seller/get', {}, { token, method: 'GET' });

  before(async () => {
    receiver = await pushReceiver();
    sb = await startSandbox({
      clock: fixedClock('2026-11-25T01:00:00Z'),
      qcDelayMs: 1000,
      pushUrl: receiver.url,
      push: { concurrency: 1, retryDelayMs: 60_000, ackTimeoutMs: 10_000 },
    });
    token = sb.admin.issueToken({ platform: 'lazada' }).access_token;
  });
  after(async () => {
    await sb.close();
    await receiver.close();
  });

  it('answers ApiCallLimit past a per-API QPS limit, bans for one second, leaves other APIs alone', async () => {
    sb.admin.setFaults({ qps: { '/seller/get': 2 } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await seller()).json.code);
    assert.deepEqual(codes, ['0', '0', 'ApiCallLimit', 'ApiCallLimit']);
    const limited = await seller();
    assert.match(limited.json.message, /ban will last 1 seconds/);
    assert.equal(
      (await lazop(sb, 'lazada/sg', '/orders/get', { created_after: '2026-01-01T00:00:00+08:00' }, { token }))
        .json.code,
      '0',
    );
    sb.admin.advanceTime(1000);
    assert.equal((await seller()).json.code, '0');
    sb.admin.setFaults({});
  });

  it('fails a burst of calls with 901, then recovers (switched over the admin HTTP API)', async () => {
    const res = await fetch(`${sb.url}/_admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ kind: '901', api: '/seller/get', count: 2 }] }),
    });
    assert.equal(res.status, 200);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await seller()).json.code);
    assert.deepEqual(codes, ['901', '901', '0']);
  });

  it('answers 5xx and HTML bodies, and holds requests for timeouts', async () => {
    sb.admin.setFaults({
      rules: [
        { kind: 'http5xx', status: 502, count: 1 },
        { kind: 'html', count: 1 },
        { kind: 'timeout', delayMs: 20, count: 1 },
      ],
    });
    const bad = await seller();
    assert.equal(bad.status, 502);
    assert.match(bad.text, /Bad Gateway/);
    const html = await seller();
    assert.equal(html.status, 200);
    assert.match(html.text, /^<!DOCTYPE html>/);
    const slow = await seller();
    assert.equal(slow.status, 504);
    assert.equal((await seller()).json.code, '0');
  });

  it('answers ServiceTimeout and expired tokens on demand', async () => {
    sb.admin.setFaults({
      rules: [
        { kind: 'serviceTimeout', count: 1 },
        { kind: 'expiredToken', count: 1 },
      ],
    });
    assert.equal((await seller()).json.code, 'ServiceTimeout');
    assert.equal((await seller()).json.code, 'IllegalAccessToken');
    assert.equal((await seller()).json.code, '0');
    const other = sb.admin.issueToken({ platform: 'lazada' }).access_token;
    assert.equal(sb.admin.expireTokens(other), 1);
    assert.equal(
      (await lazop(sb, 'lazada/sg', '/seller/get', {}, { token: other })).json.code,
      'IllegalAccessToken',
    );
  });

  it('rejects every timestamp under a clock skew beyond the 7200 s window', async () => {
    sb.admin.setFaults({ clockSkewMs: 3 * 3600_000 });
    const r = await seller();
    assert.equal(r.json.code, 'InvalidParameter');
    assert.match(r.json.message, /timestamp/);
    sb.admin.setFaults({});
  });

  it('locks campaign items against edits and price/stock updates', async () => {
    const created = (
      await lazop(
        sb,
        'lazada/ph',
        '/product/create',
        { payload: productPayload(TENTS, [sku('LOCK-1')]) },
        { token },
      )
    ).json.data;
    sb.admin.setFaults({ campaignLockedItems: [created.item_id] });
    const update = JSON.stringify({
      Request: { Product: { ItemId: String(created.item_id), Attributes: { name: 'x' }, Skus: { Sku: [] } } },
    });
    const u = await lazop(sb, 'lazada/ph', '/product/update', { payload: update }, { token });
    assert.equal(u.json.code, '501');
    assert.match(u.json.message, /THD_IC_ERR_F_IC_ABILITY_PG/);
    const pq = await lazop(
      sb,
      'lazada/ph',
      '/product/price_quantity/update',
      {
        payload:
          '<Request><Product><Skus><Sku><SellerSku>LOCK-1</SellerSku><Quantity>5</Quantity></Sku></Skus></Product></Request>',
      },
      { token },
    );
    assert.equal(pq.json.code, '501');
    assert.equal(pq.json.detail[0].code, '4162');
    sb.admin.setFaults({});
  });

  it('fails part of a batch with retryable item errors', async () => {
    await lazop(
      sb,
      'lazada/ph',
      '/product/create',
      { payload: productPayload(TENTS, [sku('PB-1', { quantity: '50' })]) },
      { token },
    );
    sb.admin.advanceTime(1000);
    const o = sb.admin.placeOrders({
      site: 'lazada-ph',
      lines: [{ sellerSku: 'PB-1', quantity: 3 }],
      paymentMethod: 'COD',
    })[0]!;
    const ids = (o.items as Json[]).map((i) => i.order_item_id);
    sb.admin.setFaults({
      rules: [{ kind: 'partialBatch', api: '/order/fulfill/pack', count: 1, itemRate: 0 }],
    });
    const packReq = JSON.stringify({
      pack_order_list: [{ order_id: o.order_id, order_item_list: ids }],
      delivery_type: 'dropship',
      shipping_allocate_type: 'NTFS',
      shipment_provider_code: 'CJ_KR',
    });
    const first = (await lazop(sb, 'lazada/ph', '/order/fulfill/pack', { packReq }, { token })).json;
    const lines = first.result.data.pack_order_list[0].order_item_list as Json[];
    assert.deepEqual(
      lines.map((l) => [l.item_err_code, l.retry]),
      [
        ['700005', true],
        ['0', false],
        ['0', false],
      ],
    );
    const retry = JSON.stringify({
      pack_order_list: [{ order_id: o.order_id, order_item_list: [ids[0]] }],
      delivery_type: 'dropship',
      shipping_allocate_type: 'NTFS',
      shipment_provider_code: 'CJ_KR',
    });
    const second = (await lazop(sb, 'lazada/ph', '/order/fulfill/pack', { packReq: retry }, { token })).json;
    assert.equal(second.result.data.pack_order_list[0].order_item_list[0].item_err_code, '0');
  });

  it('retries pushes a receiver did not acknowledge, and can duplicate them', async () => {
    receiver.setStatus(500);
    const before = receiver.pushes.length;
    const created = (
      await lazop(
        sb,
        'lazada/ph',
        '/product/create',
        { payload: productPayload(TENTS, [sku('PUSH-1')]) },
        { token },
      )
    ).json.data;
    await sb.admin.flushPushes();
    const firstTry = receiver.pushes
      .slice(before)
      .filter((p) => p.body.message_type === 3 && p.body.data.item_id === created.item_id);
    assert.equal(firstTry.length, 1);
    receiver.setStatus(200);
    sb.admin.advanceTime(60_000);
    await sb.admin.flushPushes();
    const all = receiver.pushes
      .slice(before)
      .filter((p) => p.body.message_type === 3 && p.body.data.item_id === created.item_id);
    assert.equal(all.length, 2, 'delivered again after the retry delay');
    assert.equal(all[0]!.raw, all[1]!.raw);

    sb.admin.setOptions({ push: { duplicateRate: 1 } });
    const mark = receiver.pushes.length;
    await lazop(
      sb,
      'lazada/ph',
      '/product/create',
      { payload: productPayload(TENTS, [sku('PUSH-2')]) },
      { token },
    );
    await sb.admin.flushPushes();
    await sb.admin.flushPushes();
    const published = receiver.pushes.slice(mark).filter((p) => p.body.message_type === 3);
    assert.equal(published.length, 2);
    assert.equal(published[0]!.raw, published[1]!.raw);
    sb.admin.setOptions({ push: { duplicateRate: 0 } });
  });
});
