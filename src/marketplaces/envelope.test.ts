import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLazopEnvelope, parseTopEnvelope } from './envelope.ts';

const ok = <T>(e: ReturnType<typeof parseLazopEnvelope>): T => {
  assert.equal(e.ok, true, JSON.stringify(e));
  return (e as { ok: true; value: T }).value;
};
const fail = (e: ReturnType<typeof parseLazopEnvelope>) => {
  assert.equal(e.ok, false, JSON.stringify(e));
  return (
    e as {
      ok: false;
      failure: { code: string; message: string; type?: string; requestId?: string; detail?: unknown };
    }
  ).failure;
};

test('Lazop data envelope keeps long ids as strings', () => {
  const v = ok<{ data: { order_id: string; price: string }; requestId: string }>(
    parseLazopEnvelope(
      200,
      '{"code":"0","request_id":"0ba2","data":{"order_id":12345678901234567,"price":"10.00"}}',
    ),
  );
  assert.equal(v.data.order_id, '12345678901234567');
  assert.equal(v.requestId, '0ba2');
});

test('Lazop token fields at top level, batch_id at top level, numeric code 0', () => {
  const t = ok<{ body: Record<string, unknown> }>(
    parseLazopEnvelope(200, '{"access_token":"a","expires_in":"604800","code":"0","request_id":"r"}'),
  );
  assert.equal(t.body.access_token, 'a');
  const b = ok<{ body: Record<string, unknown> }>(
    parseLazopEnvelope(200, '{"batch_id":"123","code":0,"request_id":"r"}'),
  );
  assert.equal(b.body.batch_id, '123');
});

test('Lazop error shape with type and detail', () => {
  const f = fail(
    parseLazopEnvelope(
      200,
      '{"type":"ISV","code":"IllegalAccessToken","message":"The specified access token is invalid or expired","request_id":"0b8f"}',
    ),
  );
  assert.equal(f.code, 'IllegalAccessToken');
  assert.equal(f.type, 'ISV');
  assert.equal(f.requestId, '0b8f');
  const d = fail(
    parseLazopEnvelope(
      200,
      '{"code":"500","message":"create failed","detail":[{"field":"price","message":"4118"}]}',
    ),
  );
  assert.deepEqual(d.detail, [{ field: 'price', message: '4118' }]);
});

test('result wrapper: outer success, inner failure and inner data', () => {
  const f = fail(
    parseLazopEnvelope(
      200,
      '{"code":"0","result":{"success":false,"error_code":"700005","error_msg":"batch too big"}}',
    ),
  );
  assert.equal(f.code, '700005');
  assert.equal(f.message, 'batch too big');
  const v = ok<{ data: { pack_order_list: unknown[] } }>(
    parseLazopEnvelope(200, '{"code":"0","result":{"success":true,"data":{"pack_order_list":[]}}}'),
  );
  assert.deepEqual(v.data.pack_order_list, []);
  const brands = fail(
    parseLazopEnvelope(200, '{"code":"0","success":false,"error_code":"E1","error_msg":"no"}'),
  );
  assert.equal(brands.code, 'E1');
});

test('non-JSON bodies and 5xx become BadGatewayResponse', () => {
  const f = fail(parseLazopEnvelope(502, '<html>Bad Gateway</html>'));
  assert.equal(f.code, 'BadGatewayResponse');
  assert.equal(fail(parseLazopEnvelope(503, '')).code, 'BadGatewayResponse');
});

test('AliExpress _response and error_response', () => {
  const v = ok<{ data: { result_list: unknown[] } }>(
    parseTopEnvelope(
      200,
      '{"aliexpress_solution_order_get_response":{"result":{"success":true,"result_list":[{"order_id":8012345678901234567}]},"request_id":"r1"}}',
      'aliexpress.solution.order.get',
    ),
  );
  assert.deepEqual(v.data.result_list, [{ order_id: '8012345678901234567' }]);
  const e = fail(
    parseTopEnvelope(
      200,
      '{"error_response":{"type":"ISV","code":"IncompleteSignature","msg":"bad sign","request_id":"r2","_trace_id_":"t"}}',
      'x.y',
    ),
  );
  assert.equal(e.code, 'IncompleteSignature');
  assert.equal(e.message, 'bad sign');
  const inner = fail(
    parseTopEnvelope(
      200,
      '{"x_y_response":{"result":{"success":false,"error_code":"F001","error_message":"sku not found"}}}',
      'x.y',
    ),
  );
  assert.equal(inner.code, 'F001');
  assert.equal(inner.message, 'sku not found');
  const lazopShaped = fail(
    parseTopEnvelope(200, '{"type":"ISV","code":"ApiCallLimit","message":"ban 1s"}', 'x.y'),
  );
  assert.equal(lazopShaped.code, 'ApiCallLimit');
});

test('result success:false without a reason is a partial batch, not a call failure; result_success is read', () => {
  const v = ok<{ data: { update_error_list: unknown } }>(
    parseTopEnvelope(
      200,
      '{"m_response":{"result":{"success":false,"update_error_list":{"dto":[{"product_id":1}]}}}}',
      'm',
    ),
  );
  assert.deepEqual(v.data.update_error_list, { dto: [{ product_id: 1 }] });
  const f = fail(
    parseTopEnvelope(
      200,
      '{"m_response":{"result":{"result_success":false,"result_error_code":"701","result_error_desc":"order is FINISH"}}}',
      'm',
    ),
  );
  assert.equal(f.code, '701');
  assert.equal(f.message, 'order is FINISH');
});
