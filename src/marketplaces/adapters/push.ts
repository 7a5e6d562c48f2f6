import { createHash } from 'node:crypto';
import { AppError } from '../../shared/index.ts';
import { asObject, idString, numberValue, parseJsonLossless, stringValue } from '../lossless-json.ts';
import { siteFromPushName } from '../sites.ts';
import { parseOptionalTime } from '../time-format.ts';
import type { PushKind, PushMessage } from './types.ts';

/**
 * Push (webhook) envelopes: `{seller_id, message_type, data, timestamp, site}`. Verify the
 * signature over the raw bytes first (signing.ts), then parse here. Delivery is at-least-once, so
 * each message gets a dedupe key from its identity and status.
 */
const KINDS: Record<number, PushKind> = {
  0: 'order-status',
  1: 'product-qc',
  3: 'product-created',
  4: 'product-updated',
  5: 'product-deleted',
  6: 'shallow-stock',
  8: 'token-expiring',
  10: 'reverse-order',
};

export function parsePushMessage(rawBody: string | Buffer, defaultPlatform: string): PushMessage {
  const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  let body: Record<string, unknown>;
  try {
    body = asObject(parseJsonLossless(text));
  } catch {
    throw new AppError('invalid_input', 'push body is not JSON');
  }
  const messageType = numberValue(body.message_type);
  if (messageType === undefined) throw new AppError('invalid_input', 'push body has no message_type');
  const data = asObject(body.data);
  const site = siteFromPushName(stringValue(body.site) ?? '');
  const sellerId = idString(body.seller_id) ?? '';
  const d = (k: string): string => idString(data[k]) ?? stringValue(data[k]) ?? '';
  let identity: string;
  switch (messageType) {
    case 0:
      identity = `${d('trade_order_id')}:${d('trade_order_line_id')}:${d('order_status')}:${d('reverse_order_line_id')}`;
      break;
    case 10:
      identity = `${d('reverse_order_id')}:${d('reverse_order_line_id')}:${d('reverse_status')}`;
      break;
    case 1:
      identity = `${d('itemId')}:${d('status')}:${d('date')}`;
      break;
    default:
      identity = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 32);
  }
  return {
    platform: site?.platform ?? defaultPlatform,
    venture: site?.venture,
    sellerId,
    messageType,
    kind: KINDS[messageType] ?? 'other',
    timestamp: parseOptionalTime(body.timestamp),
    data,
    dedupeKey: `${site?.platform ?? defaultPlatform}:${sellerId}:${messageType}:${identity}`,
  };
}
