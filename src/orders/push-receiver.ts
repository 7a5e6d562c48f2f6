import { parsePushMessage, verifyPushSignature } from '../marketplaces/index.ts';
import { isAppError } from '../shared/index.ts';
import { siteIdOf, type MarketplaceApp } from './channels.ts';
import type { InboxWriter } from './push-inbox.ts';

/**
 * The push (webhook) receiver. The marketplaces allow 500 ms for the 200 and retry anything
 * else, so it does the least that makes a push safe: check the signature over the raw bytes
 * (never re-serialised JSON), parse the envelope, commit it to the inbox (group commit, duplicate
 * keys ignored), answer. Fetching the order and applying it happen later, from the inbox.
 */
export type ReceiveOutcome =
  | { status: 200; outcome: 'new' | 'duplicate' }
  | { status: 401; outcome: 'bad-signature' }
  | { status: 400; outcome: 'bad-body'; message: string }
  | { status: 503; outcome: 'not-stored' };

/** Order status (0) and reverse orders (10) are the processor's; the rest are kept but skipped. */
export const ORDER_MESSAGE_TYPES: ReadonlySet<number> = new Set([0, 10]);

export class PushReceiver {
  constructor(
    private readonly deps: {
      apps: readonly MarketplaceApp[];
      inbox: InboxWriter;
      /** Called after a new order push is committed (wakes the processor in this process). */
      onAccepted?: () => void;
      onError?: (e: unknown) => void;
    },
  ) {}

  async receive(rawBody: Buffer | string, authorization: string | undefined): Promise<ReceiveOutcome> {
    const app = this.deps.apps.find((a) =>
      verifyPushSignature(a.appSecret, a.appKey, rawBody, authorization),
    );
    if (!app) return { status: 401, outcome: 'bad-signature' };
    let message;
    try {
      message = parsePushMessage(rawBody, app.platforms?.[0] ?? 'lazada');
    } catch (e) {
      return { status: 400, outcome: 'bad-body', message: isAppError(e) ? e.message : 'unreadable push' };
    }
    let site: string | null;
    try {
      site = siteIdOf(message.platform, message.venture);
    } catch {
      site = null; // an unknown site name: kept, and reported by the processor
    }
    const data = message.data;
    const orderId = typeof data.trade_order_id === 'string' ? data.trade_order_id : null;
    try {
      const outcome = await this.deps.inbox.add({
        source: 'push',
        platform: message.platform,
        site,
        externalSellerId: message.sellerId,
        messageType: message.messageType,
        dedupeKey: message.dedupeKey,
        externalOrderId: orderId,
        body: typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'),
      });
      if (outcome === 'new' && ORDER_MESSAGE_TYPES.has(message.messageType)) this.deps.onAccepted?.();
      return { status: 200, outcome };
    } catch (e) {
      // Not stored: a non-200 makes the marketplace deliver it again later.
      this.deps.onError?.(e);
      return { status: 503, outcome: 'not-stored' };
    }
  }
}
