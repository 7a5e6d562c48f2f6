import { AppError } from '../../shared/index.ts';
import { asArray, asObject, idString, numberValue, stringValue } from '../lossless-json.ts';
import type { AdapterContext } from './common.ts';
import type { CancelDecision, RemoteReverseLine, ReversePage, ReverseQuery } from './types.ts';

/**
 * Reverse orders on Lazada, Daraz and Miravia (GetReverseOrdersForSeller,
 * `/reverse/getreverseordersforseller`: `page_no`, `page_size`, filters; times in ms; the answer
 * in a `result` wrapper with `items[]` and their `reverse_order_lines[]`), and the seller's answer
 * to a buyer's cancellation request (`/order/reverse/cancel/seller/decide`). Source: Lazada's API
 * reference pages for both (not in research/marketplaces.md).
 */
export async function listReverseOrders(ctx: AdapterContext, q: ReverseQuery): Promise<ReversePage> {
  const pageSize = Math.min(q.pageSize ?? 50, 100);
  const res = await ctx.client.call({
    api: '/reverse/getreverseordersforseller',
    params: {
      page_no: q.pageNo ?? 1,
      page_size: pageSize,
      reverse_order_id: q.reverseOrderId,
      ReverseOrderLineModifiedTimeRangeStart: q.modifiedAfter?.getTime(),
      ReverseOrderLineModifiedTimeRangeEnd: q.modifiedBefore?.getTime(),
    },
    session: ctx.session,
  });
  const data = asObject(res.data);
  const items = asArray(data.items).map(asObject);
  const lines: RemoteReverseLine[] = [];
  for (const o of items) {
    const reverseOrderId = idString(o.reverse_order_id) ?? '';
    const orderId = idString(o.trade_order_id) ?? '';
    for (const raw of asArray(o.reverse_order_lines)) {
      const l = asObject(raw);
      const modified = numberValue(l.return_order_line_gmt_modified);
      lines.push({
        reverseOrderId,
        reverseOrderLineId: idString(l.reverse_order_line_id) ?? '',
        orderId,
        orderItemId: idString(l.trade_order_line_id) ?? '',
        status: stringValue(l.reverse_status) ?? '',
        requestType: stringValue(o.request_type),
        modifiedAt: modified ? new Date(modified) : undefined,
      });
    }
  }
  return { total: numberValue(data.total) ?? items.length, orders: items.length, lines };
}

export async function decideCancel(ctx: AdapterContext, d: CancelDecision): Promise<void> {
  if (!d.reverseOrderId) throw new AppError('invalid_input', 'reverseOrderId: required on this platform');
  await ctx.client.call({
    api: '/order/reverse/cancel/seller/decide',
    params: {
      reverse_order_id: d.reverseOrderId,
      agree_cancel: d.agree ? 'true' : 'false',
      reason_code: d.reason,
    },
    session: ctx.session,
    idempotent: false,
  });
}
